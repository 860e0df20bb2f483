package io.chpack.common.json;

import java.util.ArrayList;
import java.util.List;

/**
 * Strict RFC 8259 parser: one value with optional surrounding whitespace, no comments, no trailing
 * commas, no NaN/Infinity literals, no leading zeros, no raw control characters in strings, and no lone
 * surrogate escapes (they cannot become valid UTF-8). Values: null, Boolean, String, {@link JsonNumber},
 * {@code List<Object>}, {@link JsonObject}. Nesting is limited to {@link #MAX_DEPTH} levels so hostile
 * input cannot overflow the stack.
 */
public final class JsonParser {
    public static final int MAX_DEPTH = 512;

    private final CharSequence s;
    private int pos;

    private JsonParser(CharSequence s) {
        this.s = s;
    }

    /** Parses one complete JSON text. */
    public static Object parse(CharSequence text) {
        JsonParser p = new JsonParser(text);
        p.skipWs();
        Object v = p.value(0);
        p.skipWs();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "' after the JSON value");
        }
        return v;
    }

    private Object value(int depth) {
        if (pos >= s.length()) {
            throw error("unexpected end of input, expected a JSON value");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected '" + c + "', expected a JSON value");
        }
    }

    private void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("JSON nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private JsonObject object(int depth) {
        checkDepth(depth);
        pos++; // {
        JsonObject o = new JsonObject();
        skipWs();
        if (peek() == '}') {
            pos++;
            return o;
        }
        while (true) {
            skipWs();
            if (peek() != '"') {
                throw error("expected a member name in double quotes");
            }
            String name = string();
            skipWs();
            expect(':');
            skipWs();
            o.add(name, value(depth));
            skipWs();
            char c = peek();
            pos++;
            if (c == '}') {
                return o;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}' in an object");
            }
        }
    }

    private List<Object> array(int depth) {
        checkDepth(depth);
        pos++; // [
        List<Object> a = new ArrayList<>();
        skipWs();
        if (peek() == ']') {
            pos++;
            return a;
        }
        while (true) {
            skipWs();
            a.add(value(depth));
            skipWs();
            char c = peek();
            pos++;
            if (c == ']') {
                return a;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']' in an array");
            }
        }
    }

    private String string() {
        pos++; // opening quote
        StringBuilder sb = null;
        int start = pos;
        while (true) {
            if (pos >= s.length()) {
                throw error("unterminated string");
            }
            char c = s.charAt(pos);
            if (c == '"') {
                String out = sb == null ? s.subSequence(start, pos).toString() : sb.append(s, start, pos).toString();
                pos++;
                return out;
            }
            if (c < 0x20) {
                throw error("raw control character U+" + String.format(java.util.Locale.ROOT, "%04X", (int) c) + " in a string (escape it)");
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && pos + 1 < s.length() && Character.isLowSurrogate(s.charAt(pos + 1))) {
                    pos += 2;
                    continue;
                }
                throw error("unpaired surrogate U+" + String.format(java.util.Locale.ROOT, "%04X", (int) c) + " in a string");
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            sb.append(s, start, pos);
            pos++;
            if (pos >= s.length()) {
                throw error("unterminated escape");
            }
            char e = s.charAt(pos++);
            switch (e) {
                case '"': sb.append('"'); break;
                case '\\': sb.append('\\'); break;
                case '/': sb.append('/'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'n': sb.append('\n'); break;
                case 'r': sb.append('\r'); break;
                case 't': sb.append('\t'); break;
                case 'u':
                    char u = hex4();
                    if (Character.isHighSurrogate(u)) {
                        if (pos + 6 <= s.length() && s.charAt(pos) == '\\' && s.charAt(pos + 1) == 'u') {
                            pos += 2;
                            char low = hex4();
                            if (!Character.isLowSurrogate(low)) {
                                throw error("\\u" + String.format(java.util.Locale.ROOT, "%04X", (int) u) + " is not followed by a low surrogate");
                            }
                            sb.append(u).append(low);
                            break;
                        }
                        throw error("unpaired surrogate escape \\u" + String.format(java.util.Locale.ROOT, "%04X", (int) u));
                    }
                    if (Character.isLowSurrogate(u)) {
                        throw error("unpaired surrogate escape \\u" + String.format(java.util.Locale.ROOT, "%04X", (int) u));
                    }
                    sb.append(u);
                    break;
                default:
                    pos--;
                    throw error("invalid escape '\\" + e + "'");
            }
            start = pos;
        }
    }

    private char hex4() {
        if (pos + 4 > s.length()) {
            throw error("\\u needs 4 hex digits");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(s.charAt(pos + i), 16);
            if (d < 0 || s.charAt(pos + i) > 'f') {
                throw error("\\u needs 4 hex digits");
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    private JsonNumber number() {
        int start = pos;
        boolean integer = true;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error("leading zero in a number");
            }
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            throw error("expected a digit");
        }
        if (peek() == '.') {
            integer = false;
            pos++;
            if (!isDigit(peek())) {
                throw error("expected a digit after '.'");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            integer = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        return new JsonNumber(s.subSequence(start, pos).toString(), integer);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void literal(String word) {
        if (pos + word.length() > s.length() || !s.subSequence(pos, pos + word.length()).toString().equals(word)) {
            throw error("unexpected '" + s.charAt(pos) + "', expected a JSON value");
        }
        pos += word.length();
    }

    /** The current char, or NUL at the end (NUL can never be valid there, so checks fail naturally). */
    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipWs() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    private JsonSyntaxException error(String message) {
        return new JsonSyntaxException(message, pos);
    }
}
