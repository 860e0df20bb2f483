package io.chpack.clickhousewriter.meta;

/** Quoting of identifiers and string literals for the SQL the writer builds (always quoted, never trusted). */
public final class Identifiers {
    private Identifiers() {
    }

    /** {@code `name`} with backslashes and backticks escaped. */
    public static String quote(String name) {
        return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }

    /** {@code `db`.`table`}. */
    public static String quote(String database, String table) {
        return quote(database) + "." + quote(table);
    }

    /** A single-quoted string literal. */
    public static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * A name as a user writes it in the job: a plain identifier or one quoted with backticks or double quotes;
     * the quotes are removed.
     */
    public static String unquote(String name) {
        String n = name.trim();
        if (n.length() >= 2 && ((n.startsWith("`") && n.endsWith("`")) || (n.startsWith("\"") && n.endsWith("\"")))) {
            return n.substring(1, n.length() - 1).replace("\\`", "`").replace("\\\\", "\\");
        }
        return n;
    }
}
