package io.chpack.common.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses PostgreSQL's array text ({@code {1,2,NULL}}, {@code {{1,2},{3,4}}}, {@code {"a,b","c\"d",NULL}},
 * {@code [0:1]={1,2}}) into nested lists whose leaves are the element texts (null for NULL). Reading the
 * text, not {@code getArray()}, keeps every element exactly as the server printed it: no java.sql.Date in
 * the JVM zone, no float rounding.
 */
final class PgArrayLiteral {
    private final String s;
    private final char delimiter;
    private int pos;

    private PgArrayLiteral(String s, char delimiter) {
        this.s = s;
        this.delimiter = delimiter;
    }

    /** @throws IllegalArgumentException naming the position when the text is not an array literal */
    static List<Object> parse(String text, char delimiter) {
        PgArrayLiteral p = new PgArrayLiteral(text, delimiter);
        p.skipBounds();
        List<Object> result = p.array();
        p.skipSpaces();
        if (p.pos != text.length()) {
            throw p.error("text after the closing '}'");
        }
        return result;
    }

    /** {@code [1:3][0:1]=} before the braces when the lower bounds are not 1. */
    private void skipBounds() {
        skipSpaces();
        if (pos < s.length() && s.charAt(pos) == '[') {
            int eq = s.indexOf('=', pos);
            if (eq < 0) {
                throw error("dimension decoration without '='");
            }
            pos = eq + 1;
        }
    }

    private List<Object> array() {
        skipSpaces();
        expect('{');
        List<Object> items = new ArrayList<>();
        skipSpaces();
        if (peek() == '}') {
            pos++;
            return items;
        }
        while (true) {
            skipSpaces();
            char c = peek();
            if (c == '{') {
                items.add(array());
            } else if (c == '"') {
                items.add(quoted());
            } else {
                items.add(unquoted());
            }
            skipSpaces();
            char sep = peek();
            pos++;
            if (sep == '}') {
                return items;
            }
            if (sep != delimiter) {
                pos--;
                throw error("expected '" + delimiter + "' or '}'");
            }
        }
    }

    private String quoted() {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                if (pos >= s.length()) {
                    break;
                }
                c = s.charAt(pos++);
            }
            sb.append(c);
        }
        throw error("unterminated quoted element");
    }

    /** An unquoted element; the bare word NULL (any case) is SQL NULL. */
    private String unquoted() {
        StringBuilder sb = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == delimiter || c == '}' || c == '{' || c == '"') {
                break;
            }
            if (c == '\\' && pos + 1 < s.length()) {
                c = s.charAt(++pos);
            }
            sb.append(c);
            pos++;
        }
        String v = sb.toString().trim();
        if (v.isEmpty()) {
            throw error("empty unquoted element");
        }
        return v.equalsIgnoreCase("NULL") ? null : v;
    }

    private char peek() {
        if (pos >= s.length()) {
            throw error("unexpected end");
        }
        return s.charAt(pos);
    }

    private void expect(char c) {
        if (peek() != c) {
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
        return new IllegalArgumentException("malformed array text at position " + pos + ": " + problem);
    }
}
