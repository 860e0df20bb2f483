package io.chpack.clickhousewriter.sharding;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a sharding key expression as the server prints it in {@code system.tables.engine_full}:
 * <pre>
 *   expr    := operand ( '%' operand )*          -- left-associative, like ClickHouse's multiplicative level
 *   operand := name '(' [ expr (',' expr)* ] ')' | name | number | '-' number | 'string' | '(' expr ')'
 * </pre>
 * Anything else (other operators, lambdas, subqueries, arrays, tuples) is refused with
 * "unsupported sharding expression &lt;expr&gt;". The result is only syntax; {@link ShardingKey} decides which
 * functions and column types are supported.
 */
public final class ShardingExpressionParser {
    private final String text;
    private final List<SqlTokenizer.Token> tokens;
    private int pos;

    private ShardingExpressionParser(String text) {
        this.text = text;
        try {
            this.tokens = SqlTokenizer.tokenize(text);
        } catch (IllegalArgumentException e) {
            throw UnsupportedShardingExpressionException.of(text, e.getMessage());
        }
    }

    static ExpressionAst parse(String text) {
        ShardingExpressionParser p = new ShardingExpressionParser(text);
        ExpressionAst e = p.expression();
        if (p.peek().type != SqlTokenizer.Type.END) {
            throw p.unsupported("unexpected " + p.peek() + " at position " + p.peek().start);
        }
        return e;
    }

    private ExpressionAst expression() {
        ExpressionAst left = operand();
        while (peek().isOp('%')) {
            pos++;
            ExpressionAst right = operand();
            List<ExpressionAst> args = new ArrayList<>(2);
            args.add(left);
            args.add(right);
            left = ExpressionAst.call("modulo", args);
        }
        SqlTokenizer.Token t = peek();
        if (t.type == SqlTokenizer.Type.OP && "+-*/<>=!|&?:[].".contains(t.text)) {
            throw unsupported("operator '" + t.text + "' is not supported (only %)");
        }
        return left;
    }

    private ExpressionAst operand() {
        SqlTokenizer.Token t = next();
        switch (t.type) {
            case IDENT:
            case QUOTED_IDENT:
                if (t.type == SqlTokenizer.Type.IDENT && peek().isOp('(')) {
                    pos++;
                    return ExpressionAst.call(t.text, arguments());
                }
                if (peek().isOp('.')) {
                    throw unsupported("qualified names are not supported");
                }
                return ExpressionAst.identifier(t.text);
            case NUMBER:
                return ExpressionAst.number(parseUnsigned(t.text), false);
            case STRING:
                return ExpressionAst.string(t.bytes);
            case OP:
                if (t.isOp('(')) {
                    ExpressionAst inner = expression();
                    expect(')');
                    return inner;
                }
                if (t.isOp('-') && peek().type == SqlTokenizer.Type.NUMBER) {
                    long v = parseUnsigned(next().text);
                    if (Long.compareUnsigned(v, Long.MIN_VALUE) > 0) {
                        throw unsupported("negative literal out of Int64 range");
                    }
                    return ExpressionAst.number(-v, true);
                }
                throw unsupported("unexpected " + t + " at position " + t.start);
            default:
                throw unsupported("unexpected end of expression");
        }
    }

    private List<ExpressionAst> arguments() {
        List<ExpressionAst> args = new ArrayList<>();
        if (peek().isOp(')')) {
            pos++;
            return args;
        }
        while (true) {
            args.add(expression());
            SqlTokenizer.Token t = next();
            if (t.isOp(')')) {
                return args;
            }
            if (!t.isOp(',')) {
                throw unsupported("expected ',' or ')' but found " + t + " at position " + t.start);
            }
        }
    }

    private long parseUnsigned(String digits) {
        try {
            if (digits.startsWith("0x") || digits.startsWith("0X")) {
                return Long.parseUnsignedLong(digits.substring(2), 16);
            }
            return Long.parseUnsignedLong(digits);
        } catch (NumberFormatException e) {
            throw unsupported("number " + digits + " is not an integer that fits UInt64");
        }
    }

    private void expect(char c) {
        SqlTokenizer.Token t = next();
        if (!t.isOp(c)) {
            throw unsupported("expected '" + c + "' but found " + t + " at position " + t.start);
        }
    }

    private SqlTokenizer.Token peek() {
        return tokens.get(pos);
    }

    private SqlTokenizer.Token next() {
        SqlTokenizer.Token t = tokens.get(pos);
        if (t.type != SqlTokenizer.Type.END) {
            pos++;
        }
        return t;
    }

    private UnsupportedShardingExpressionException unsupported(String reason) {
        return UnsupportedShardingExpressionException.of(text, reason);
    }
}
