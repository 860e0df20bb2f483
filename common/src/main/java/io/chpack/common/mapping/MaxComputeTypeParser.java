package io.chpack.common.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Recursive-descent parser for MaxCompute type strings; see {@link MaxComputeType}. */
final class MaxComputeTypeParser {
    private final String s;
    private int pos;

    private MaxComputeTypeParser(String s) {
        this.s = s;
    }

    static MaxComputeType parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("MaxCompute type is null");
        }
        MaxComputeTypeParser p = new MaxComputeTypeParser(text);
        MaxComputeType t = p.type();
        p.skipSpaces();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the type");
        }
        return t;
    }

    private MaxComputeType type() {
        String name = word().toUpperCase(Locale.ROOT);
        if (name.isEmpty()) {
            throw error("expected a type name");
        }
        try {
            switch (name) {
                case "DECIMAL": {
                    if (!peek('(')) {
                        return MaxComputeType.legacyDecimal();
                    }
                    pos++;
                    int p = number();
                    int sc = 0;
                    if (peek(',')) {
                        pos++;
                        sc = number();
                    }
                    expect(')');
                    return MaxComputeType.decimal(p, sc);
                }
                case "VARCHAR":
                case "CHAR": {
                    expect('(');
                    int n = number();
                    expect(')');
                    return name.equals("VARCHAR") ? MaxComputeType.varchar(n) : MaxComputeType.charType(n);
                }
                case "ARRAY": {
                    expect('<');
                    MaxComputeType e = type();
                    expect('>');
                    return MaxComputeType.array(e);
                }
                case "MAP": {
                    expect('<');
                    MaxComputeType k = type();
                    expect(',');
                    MaxComputeType v = type();
                    expect('>');
                    return MaxComputeType.map(k, v);
                }
                case "STRUCT":
                    return struct();
                case "INTEGER":
                    return MaxComputeType.of(MaxComputeTypeKind.INT);
                default:
                    return MaxComputeType.of(MaxComputeTypeKind.valueOf(name));
            }
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("malformed")) {
                throw e;
            }
            throw error(e.getMessage() == null || e.getMessage().startsWith("No enum")
                    ? "unknown type '" + name + "'" : e.getMessage());
        }
    }

    private MaxComputeType struct() {
        expect('<');
        List<String> names = new ArrayList<>();
        List<MaxComputeType> types = new ArrayList<>();
        while (true) {
            skipSpaces();
            String n;
            if (peek('`')) {
                n = backQuoted();
            } else {
                n = word();
            }
            if (n.isEmpty()) {
                throw error("expected a field name");
            }
            expect(':');
            names.add(n);
            types.add(type());
            skipSpaces();
            if (s.regionMatches(true, pos, "COMMENT", 0, 7)) {
                pos += 7;
                skipSpaces();
                skipQuoted();
            }
            skipSpaces();
            if (peek(',')) {
                pos++;
                continue;
            }
            expect('>');
            return MaxComputeType.struct(names, types);
        }
    }

    private String backQuoted() {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '`') {
                if (pos < s.length() && s.charAt(pos) == '`') {
                    sb.append('`');
                    pos++;
                } else {
                    return sb.toString();
                }
            } else {
                sb.append(c);
            }
        }
        throw error("unterminated `name`");
    }

    private void skipQuoted() {
        if (!(peek('\'') || peek('"'))) {
            throw error("expected a quoted comment");
        }
        char q = s.charAt(pos++);
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '\\') {
                pos++;
            } else if (c == q) {
                return;
            }
        }
        throw error("unterminated comment");
    }

    private String word() {
        skipSpaces();
        int start = pos;
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
            pos++;
        }
        return s.substring(start, pos);
    }

    private int number() {
        skipSpaces();
        int start = pos;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a number");
        }
        try {
            return Integer.parseInt(s.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("number too large");
        }
    }

    private boolean peek(char c) {
        skipSpaces();
        return pos < s.length() && s.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("malformed MaxCompute type '" + s + "' at position " + pos + ": " + problem);
    }
}
