package io.chpack.clickhousereader.client;

/** Quoting of ClickHouse identifiers and string literals. */
public final class Sql {
    private Sql() {
    }

    /** A string literal: {@code 'it\'s'}, backslashes and control characters escaped. */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\'': b.append("\\'"); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                case '\0': b.append("\\0"); break;
                default: b.append(c);
            }
        }
        return b.append('\'').toString();
    }

    /** An identifier in backquotes: {@code `my table`}. */
    public static String ident(String name) {
        return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }

    /** {@code `db`.`table`}. */
    public static String table(String database, String table) {
        return ident(database) + "." + ident(table);
    }
}
