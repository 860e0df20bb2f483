package io.chpack.clickhousewriter.sharding;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits ClickHouse expression text into tokens: identifiers (bare, {@code `back quoted`} or
 * {@code "double quoted"}), unsigned integer literals (decimal or 0x hex), string literals (single quotes,
 * backslash escapes including {@code \xHH}, doubled quotes) and one-character operators. Positions are kept
 * so callers can cut the original text (the sharding key argument of a Distributed engine).
 */
final class SqlTokenizer {
    enum Type { IDENT, QUOTED_IDENT, NUMBER, STRING, OP, END }

    static final class Token {
        final Type type;
        final String text;
        final byte[] bytes;
        final int start;
        final int end;

        Token(Type type, String text, byte[] bytes, int start, int end) {
            this.type = type;
            this.text = text;
            this.bytes = bytes;
            this.start = start;
            this.end = end;
        }

        boolean isOp(char c) {
            return type == Type.OP && text.length() == 1 && text.charAt(0) == c;
        }

        @Override
        public String toString() {
            return type == Type.END ? "end of expression" : "'" + text + "'";
        }
    }

    private SqlTokenizer() {
    }

    static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                out.add(new Token(Type.IDENT, s.substring(i, j), null, i, j));
                i = j;
            } else if (c >= '0' && c <= '9') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)))) {
                    j++;
                }
                out.add(new Token(Type.NUMBER, s.substring(i, j), null, i, j));
                i = j;
            } else if (c == '`' || c == '"') {
                int j = i + 1;
                StringBuilder name = new StringBuilder();
                while (true) {
                    if (j >= n) {
                        throw new IllegalArgumentException("unterminated quoted identifier at position " + i);
                    }
                    char d = s.charAt(j);
                    if (d == '\\' && j + 1 < n) {
                        name.append(s.charAt(j + 1));
                        j += 2;
                    } else if (d == c) {
                        if (j + 1 < n && s.charAt(j + 1) == c) {
                            name.append(c);
                            j += 2;
                        } else {
                            j++;
                            break;
                        }
                    } else {
                        name.append(d);
                        j++;
                    }
                }
                out.add(new Token(Type.QUOTED_IDENT, name.toString(), null, i, j));
                i = j;
            } else if (c == '\'') {
                int[] end = new int[1];
                byte[] bytes = readString(s, i, end);
                out.add(new Token(Type.STRING, s.substring(i, end[0]), bytes, i, end[0]));
                i = end[0];
            } else {
                out.add(new Token(Type.OP, String.valueOf(c), null, i, i + 1));
                i++;
            }
        }
        out.add(new Token(Type.END, "", null, n, n));
        return out;
    }

    /** Reads a single-quoted literal starting at {@code start}; {@code end[0]} receives the index after it. */
    private static byte[] readString(String s, int start, int[] end) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int j = start + 1;
        int n = s.length();
        while (true) {
            if (j >= n) {
                throw new IllegalArgumentException("unterminated string literal at position " + start);
            }
            char d = s.charAt(j);
            if (d == '\'') {
                if (j + 1 < n && s.charAt(j + 1) == '\'') {
                    out.write('\'');
                    j += 2;
                    continue;
                }
                end[0] = j + 1;
                return out.toByteArray();
            }
            if (d == '\\' && j + 1 < n) {
                char e = s.charAt(j + 1);
                j += 2;
                switch (e) {
                    case 'n':
                        out.write('\n');
                        break;
                    case 't':
                        out.write('\t');
                        break;
                    case 'r':
                        out.write('\r');
                        break;
                    case 'b':
                        out.write('\b');
                        break;
                    case 'f':
                        out.write('\f');
                        break;
                    case 'a':
                        out.write(7);
                        break;
                    case 'v':
                        out.write(11);
                        break;
                    case '0':
                        out.write(0);
                        break;
                    case 'x':
                        if (j + 2 > n) {
                            throw new IllegalArgumentException("bad \\x escape at position " + (j - 2));
                        }
                        out.write(Integer.parseInt(s.substring(j, j + 2), 16));
                        j += 2;
                        break;
                    default:
                        byte[] lit = String.valueOf(e).getBytes(StandardCharsets.UTF_8);
                        out.write(lit, 0, lit.length);
                }
                continue;
            }
            int cp = s.codePointAt(j);
            byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            out.write(utf8, 0, utf8.length);
            j += Character.charCount(cp);
        }
    }
}
