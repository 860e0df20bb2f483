package com.alibaba.datax.common.util;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Minimal JSON reader/writer for Configuration, so the API has no JSON library dependency (a plugin must
 * never see one through it). Parsed values mirror what the engine's JSON library yields: LinkedHashMap,
 * ArrayList, String, Boolean, null, Integer/Long/BigInteger for integers and BigDecimal for everything
 * with a fraction or exponent, so numbers round-trip exactly. Besides strict JSON it accepts comments and
 * single-quoted strings, as the engine's parser does.
 */
final class JsonCodec {

    private final String text;

    private int pos;

    private JsonCodec(String text) {
        this.text = text;
    }

    /** @throws IllegalArgumentException naming line, column and offset of the first error */
    static Object parse(String json) {
        JsonCodec parser = new JsonCodec(json);
        parser.skipBlank();
        Object value = parser.readValue();
        parser.skipBlank();
        if (parser.pos < json.length()) {
            throw parser.error("unexpected trailing text");
        }
        return value;
    }

    static String write(Object value, boolean pretty) {
        StringBuilder sb = new StringBuilder();
        writeValue(sb, value, pretty, 0);
        return sb.toString();
    }

    // ---------------------------------------------------------------- reading

    private Object readValue() {
        if (pos >= text.length()) {
            throw error("unexpected end of input, expected a value");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return readObject();
            case '[':
                return readArray();
            case '"':
            case '\'':
                return readString();
            case 't':
                return readLiteral("true", Boolean.TRUE);
            case 'f':
                return readLiteral("false", Boolean.FALSE);
            case 'n':
                return readLiteral("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return readNumber();
                }
                throw error("unexpected character '" + c + "'");
        }
    }

    private Map<String, Object> readObject() {
        Map<String, Object> map = JsonContainers.get().newObject();
        pos++;
        skipBlank();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipBlank();
            char c = peek();
            if (c != '"' && c != '\'') {
                throw error("expected a quoted object key");
            }
            String key = readString();
            skipBlank();
            expect(':');
            skipBlank();
            map.put(key, readValue());
            skipBlank();
            char next = peek();
            pos++;
            if (next == '}') {
                return map;
            }
            if (next != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> readArray() {
        List<Object> list = JsonContainers.get().newArray();
        pos++;
        skipBlank();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipBlank();
            list.add(readValue());
            skipBlank();
            char next = peek();
            pos++;
            if (next == ']') {
                return list;
            }
            if (next != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private String readString() {
        char quote = text.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == quote) {
                return sb.toString();
            }
            if (c == '\\') {
                sb.append(readEscape());
            } else if (c < 0x20) {
                pos--;
                throw error("unescaped control character in string");
            } else {
                sb.append(c);
            }
        }
    }

    private char readEscape() {
        if (pos >= text.length()) {
            throw error("unterminated escape");
        }
        char c = text.charAt(pos++);
        switch (c) {
            case '"': return '"';
            case '\'': return '\'';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u':
                if (pos + 4 > text.length()) {
                    throw error("truncated \\u escape");
                }
                try {
                    char decoded = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
                    pos += 4;
                    return decoded;
                } catch (NumberFormatException e) {
                    throw error("invalid \\u escape");
                }
            default:
                pos--;
                throw error("invalid escape '\\" + c + "'");
        }
    }

    private Object readLiteral(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected token, expected " + word);
        }
        pos += word.length();
        return value;
    }

    private Object readNumber() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        int intStart = pos;
        digits();
        if (pos == intStart) {
            throw error("expected a digit");
        }
        if (text.charAt(intStart) == '0' && pos - intStart > 1) {
            pos = intStart;
            throw error("leading zero in number");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            int fracStart = pos;
            digits();
            if (pos == fracStart) {
                throw error("expected a digit after the decimal point");
            }
        }
        char e = peek();
        if (e == 'e' || e == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            int expStart = pos;
            digits();
            if (pos == expStart) {
                throw error("expected a digit in the exponent");
            }
        }
        String number = text.substring(start, pos);
        if (!integral) {
            return new BigDecimal(number);
        }
        BigInteger big = new BigInteger(number);
        if (big.bitLength() < 32) {
            return Integer.valueOf(big.intValue());
        }
        if (big.bitLength() < 64) {
            return Long.valueOf(big.longValue());
        }
        return big;
    }

    private void digits() {
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
    }

    private void skipBlank() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\uFEFF') {
                pos++;
            } else if (c == '/' && text.startsWith("//", pos)) {
                int end = text.indexOf('\n', pos);
                pos = end < 0 ? text.length() : end + 1;
            } else if (c == '/' && text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw error("unterminated comment");
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private IllegalArgumentException error(String problem) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < pos && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new IllegalArgumentException(String.format("invalid JSON at line %d, column %d (offset %d): %s",
                line, column, pos, problem));
    }

    // ---------------------------------------------------------------- writing

    private static void writeValue(StringBuilder sb, Object value, boolean pretty, int depth) {
        if (value == null) {
            sb.append("null");
        } else if (value instanceof Configuration) {
            writeValue(sb, ((Configuration) value).getInternal(), pretty, depth);
        } else if (value instanceof String || value instanceof Character || value instanceof Enum) {
            quote(sb, value instanceof Enum ? ((Enum<?>) value).name() : value.toString());
        } else if (value instanceof Boolean) {
            sb.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            sb.append(Double.isNaN(d) || Double.isInfinite(d) ? "null" : value.toString());
        } else if (value instanceof Number) {
            sb.append(value);
        } else if (value instanceof Map) {
            writeMap(sb, (Map<?, ?>) value, pretty, depth);
        } else if (value instanceof Iterable) {
            List<Object> items = new ArrayList<Object>();
            for (Object item : (Iterable<?>) value) {
                items.add(item);
            }
            writeList(sb, items, pretty, depth);
        } else if (value instanceof byte[]) {
            quote(sb, Base64.getEncoder().encodeToString((byte[]) value));
        } else if (value.getClass().isArray()) {
            List<Object> items = new ArrayList<Object>();
            for (int i = 0; i < Array.getLength(value); i++) {
                items.add(Array.get(value, i));
            }
            writeList(sb, items, pretty, depth);
        } else if (value instanceof Date) {
            sb.append(((Date) value).getTime());
        } else {
            quote(sb, value.toString());
        }
    }

    /** Null-valued entries are left out, as the engine's serializer does by default. */
    private static void writeMap(StringBuilder sb, Map<?, ?> map, boolean pretty, int depth) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            newline(sb, pretty, depth + 1);
            quote(sb, String.valueOf(entry.getKey()));
            sb.append(pretty ? ": " : ":");
            writeValue(sb, entry.getValue(), pretty, depth + 1);
        }
        if (!first) {
            newline(sb, pretty, depth);
        }
        sb.append('}');
    }

    private static void writeList(StringBuilder sb, List<Object> items, boolean pretty, int depth) {
        sb.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            newline(sb, pretty, depth + 1);
            writeValue(sb, items.get(i), pretty, depth + 1);
        }
        if (!items.isEmpty()) {
            newline(sb, pretty, depth);
        }
        sb.append(']');
    }

    private static void newline(StringBuilder sb, boolean pretty, int depth) {
        if (pretty) {
            sb.append('\n');
            for (int i = 0; i < depth; i++) {
                sb.append('\t');
            }
        }
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\b': sb.append("\\b"); break;
                case '\f': sb.append("\\f"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    // U+2028/U+2029 are legal JSON but break JavaScript consumers of logged configs.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
