package io.chpack.clickhousewriter.sharding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The syntax tree of a sharding key as {@link ShardingExpressionParser} reads it: identifiers, integer and
 * string literals, and function calls ({@code a % b} becomes {@code modulo(a, b)}, as ClickHouse itself
 * rewrites it). No meaning is attached here; {@link ShardingKey} binds names and checks types.
 */
final class ExpressionAst {
    enum Kind { IDENTIFIER, NUMBER, STRING, CALL }

    final Kind kind;
    /** Identifier or function name. */
    final String name;
    /** NUMBER: the value's bits (unsigned unless {@link #negative}). */
    final long number;
    final boolean negative;
    /** STRING: the literal's bytes. */
    final byte[] bytes;
    final List<ExpressionAst> args;

    private ExpressionAst(Kind kind, String name, long number, boolean negative, byte[] bytes, List<ExpressionAst> args) {
        this.kind = kind;
        this.name = name;
        this.number = number;
        this.negative = negative;
        this.bytes = bytes;
        this.args = args;
    }

    static ExpressionAst identifier(String name) {
        return new ExpressionAst(Kind.IDENTIFIER, name, 0, false, null, Collections.<ExpressionAst>emptyList());
    }

    static ExpressionAst number(long bits, boolean negative) {
        return new ExpressionAst(Kind.NUMBER, null, bits, negative, null, Collections.<ExpressionAst>emptyList());
    }

    static ExpressionAst string(byte[] bytes) {
        return new ExpressionAst(Kind.STRING, null, 0, false, bytes, Collections.<ExpressionAst>emptyList());
    }

    static ExpressionAst call(String name, List<ExpressionAst> args) {
        return new ExpressionAst(Kind.CALL, name, 0, false, null, Collections.unmodifiableList(new ArrayList<>(args)));
    }

    @Override
    public String toString() {
        switch (kind) {
            case IDENTIFIER:
                return name;
            case NUMBER:
                return negative ? Long.toString(number) : Long.toUnsignedString(number);
            case STRING:
                return "'" + new String(bytes, java.nio.charset.StandardCharsets.UTF_8) + "'";
            default:
                StringBuilder sb = new StringBuilder(name).append('(');
                for (int i = 0; i < args.size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append(args.get(i));
                }
                return sb.append(')').toString();
        }
    }
}
