package io.chpack.common.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A MySQL/MariaDB column type as the server reports it: {@code information_schema.COLUMNS.COLUMN_TYPE}
 * ({@code int(10) unsigned zerofill}, {@code decimal(65,30)}, {@code enum('a','b''c')}, {@code datetime(6)}),
 * {@code DATA_TYPE} ({@code int}) or {@code ResultSetMetaData.getColumnTypeName} ({@code BIGINT UNSIGNED}).
 * Names are case-insensitive; aliases are normalised to the name COLUMN_TYPE uses ({@code integer} → int,
 * {@code numeric}/{@code dec}/{@code fixed} → decimal, {@code real}/{@code double precision} → double,
 * {@code bool}/{@code boolean} → tinyint(1), {@code serial} → bigint unsigned). Trailing
 * {@code character set}/{@code collate} clauses are ignored.
 */
public final class MysqlColumnType {
    private static final Map<String, String> ALIASES = new HashMap<>();

    static {
        String[][] pairs = {{"integer", "int"}, {"int4", "int"}, {"int1", "tinyint"}, {"int2", "smallint"},
            {"int3", "mediumint"}, {"middleint", "mediumint"}, {"int8", "bigint"}, {"dec", "decimal"},
            {"numeric", "decimal"}, {"fixed", "decimal"}, {"real", "double"}, {"float8", "double"},
            {"float4", "float"}, {"character", "char"}, {"long", "mediumtext"}, {"geomcollection", "geometrycollection"}};
        for (String[] p : pairs) {
            ALIASES.put(p[0], p[1]);
        }
    }

    private final String text;
    private final String name;
    private final List<String> args;
    private final boolean quotedArgs;
    private final boolean unsigned;
    private final boolean zerofill;

    private MysqlColumnType(String text, String name, List<String> args, boolean quotedArgs, boolean unsigned,
            boolean zerofill) {
        this.text = text;
        this.name = name;
        this.args = Collections.unmodifiableList(args);
        this.quotedArgs = quotedArgs;
        this.unsigned = unsigned;
        this.zerofill = zerofill;
    }

    /**
     * @throws IllegalArgumentException naming the position when the text is not a MySQL type
     */
    public static MysqlColumnType parse(String typeText) {
        if (typeText == null || typeText.trim().isEmpty()) {
            throw new IllegalArgumentException("empty MySQL column type");
        }
        return new Parser(typeText).parse();
    }

    /** The text this type was parsed from, unchanged (for error messages). */
    public String text() {
        return text;
    }

    /** Lower-case canonical name without parameters: {@code int}, {@code decimal}, {@code enum}, … */
    public String name() {
        return name;
    }

    /** Parameters as written: numbers for {@code decimal(65,30)}, unquoted labels for enum and set. */
    public List<String> args() {
        return args;
    }

    /** True when the parameters were quoted labels (enum, set). */
    public boolean hasLabels() {
        return quotedArgs;
    }

    /** UNSIGNED (ZEROFILL implies it, as in MySQL). */
    public boolean isUnsigned() {
        return unsigned;
    }

    public boolean isZerofill() {
        return zerofill;
    }

    /** The i-th numeric parameter, or {@code dflt} when the type has fewer parameters. */
    public int intArg(int i, int dflt) {
        if (i >= args.size()) {
            return dflt;
        }
        try {
            return Integer.parseInt(args.get(i));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("MySQL type '" + text + "': parameter " + (i + 1) + " '" + args.get(i)
                    + "' is not a number");
        }
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        MysqlColumnType parse() {
            skipSpaces();
            String name = word();
            if (name.isEmpty()) {
                throw error("expected a type name");
            }
            boolean unsigned = false;
            boolean zerofill = false;
            List<String> args = new ArrayList<>();
            boolean quoted = false;
            // Two-word names: "double precision", "character varying", "long varbinary", "bigint unsigned" is an attribute.
            String next = peekWord();
            if ((name.equals("double") && next.equals("precision"))
                    || ((name.equals("character") || name.equals("char")) && next.equals("varying"))
                    || (name.equals("long") && (next.equals("varbinary") || next.equals("varchar")))) {
                word();
                name = name.equals("double") ? "double" : name.equals("long")
                        ? (next.equals("varbinary") ? "mediumblob" : "mediumtext") : "varchar";
            }
            skipSpaces();
            if (pos < s.length() && s.charAt(pos) == '(') {
                pos++;
                quoted = arguments(args);
            }
            while (true) {
                skipSpaces();
                if (pos >= s.length()) {
                    break;
                }
                String w = word();
                if (w.equals("unsigned")) {
                    unsigned = true;
                } else if (w.equals("signed")) {
                    unsigned = false;
                } else if (w.equals("zerofill")) {
                    zerofill = true;
                    unsigned = true;
                } else if (w.equals("character") || w.equals("charset") || w.equals("collate")) {
                    if (w.equals("character") && peekWord().equals("set")) {
                        word();
                    }
                    skipSpaces();
                    if (word().isEmpty()) {
                        throw error("expected a name after '" + w + "'");
                    }
                } else if (w.equals("binary") || w.equals("ascii") || w.equals("unicode")) {
                    // charset shorthands after a string type: they change nothing for the mapping
                } else {
                    throw error(w.isEmpty() ? "unexpected '" + s.charAt(pos) + "'" : "unknown attribute '" + w + "'");
                }
            }
            String canonical = ALIASES.containsKey(name) ? ALIASES.get(name) : name;
            if (canonical.equals("bool") || canonical.equals("boolean")) {
                canonical = "tinyint";
                args.clear();
                args.add("1");
            } else if (canonical.equals("serial")) {
                canonical = "bigint";
                unsigned = true;
            } else if (canonical.equals("float") && args.size() == 1) {
                // FLOAT(p): p ≤ 24 is a 4-byte float, 25..53 an 8-byte double (MySQL's rule).
                int p = Integer.parseInt(args.get(0));
                canonical = p <= 24 ? "float" : "double";
                args.clear();
            }
            return new MysqlColumnType(s, canonical, args, quoted, unsigned, zerofill);
        }

        /** Reads {@code 10,2)} or {@code 'a','b''c')}; returns true for quoted labels. */
        private boolean arguments(List<String> out) {
            boolean quoted = false;
            while (true) {
                skipSpaces();
                if (pos >= s.length()) {
                    throw error("unclosed '('");
                }
                char c = s.charAt(pos);
                if (c == '\'' || c == '"') {
                    quoted = true;
                    out.add(quotedString(c));
                } else {
                    int start = pos;
                    while (pos < s.length() && (Character.isDigit(s.charAt(pos)))) {
                        pos++;
                    }
                    if (start == pos) {
                        throw error("expected a number or a quoted label");
                    }
                    out.add(s.substring(start, pos));
                }
                skipSpaces();
                if (pos >= s.length()) {
                    throw error("unclosed '('");
                }
                c = s.charAt(pos++);
                if (c == ')') {
                    return quoted;
                }
                if (c != ',') {
                    throw error("expected ',' or ')'");
                }
            }
        }

        /** A label quoted with {@code q}: the quote doubled or backslash-escaped stands for itself. */
        private String quotedString(char q) {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == q) {
                    if (pos < s.length() && s.charAt(pos) == q) {
                        sb.append(q);
                        pos++;
                    } else {
                        return sb.toString();
                    }
                } else if (c == '\\' && pos < s.length()) {
                    sb.append(s.charAt(pos++));
                } else {
                    sb.append(c);
                }
            }
            throw error("unterminated quoted label");
        }

        private String word() {
            skipSpaces();
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            return s.substring(start, pos).toLowerCase(Locale.ROOT);
        }

        private String peekWord() {
            int save = pos;
            String w = word();
            pos = save;
            return w;
        }

        private void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("malformed MySQL column type '" + s + "' at position " + pos + ": "
                    + problem);
        }
    }
}
