package io.chpack.common.chtype;

import java.util.regex.Pattern;

/**
 * Escaping of names inside type strings the way the server writes them: Enum names in single quotes and
 * tuple element names in backquotes when they are not plain identifiers. The server escapes
 * {@code \b \f \n \r \t \0 \\} and the quote character with a backslash (writeAnyEscapedString in
 * ClickHouse's WriteHelpers.h); reading accepts those plus {@code \a \v \xHH} and any other
 * backslash-escaped character as itself (parseComplexEscapeSequence in ReadHelpers.cpp).
 */
final class QuotedNames {
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private QuotedNames() {
    }

    static void appendSingleQuoted(StringBuilder sb, String s) {
        appendQuoted(sb, s, '\'');
    }

    /** A tuple or Nested element name, backquoted only when it is not a plain identifier. */
    static void appendElementName(StringBuilder sb, String name) {
        if (PLAIN_IDENTIFIER.matcher(name).matches()) {
            sb.append(name);
        } else {
            appendQuoted(sb, name, '`');
        }
    }

    static boolean isPlainIdentifier(String s) {
        return PLAIN_IDENTIFIER.matcher(s).matches();
    }

    private static void appendQuoted(StringBuilder sb, String s, char quote) {
        sb.append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\b':
                    sb.append("\\b");
                    break;
                case '\f':
                    sb.append("\\f");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case '\0':
                    sb.append("\\0");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                default:
                    if (c == quote) {
                        sb.append('\\');
                    }
                    sb.append(c);
            }
        }
        sb.append(quote);
    }

    /** The character an escape {@code \c} stands for (not for {@code \x}, handled by the caller). */
    static char unescape(char c) {
        switch (c) {
            case 'a':
                return '\u0007';
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'v':
                return '\u000B';
            case '0':
                return '\0';
            default:
                return c;
        }
    }
}
