package io.chpack.common.mapping;

/** Quoting of identifiers in generated DDL. */
public final class Identifiers {
    private Identifiers() {
    }

    /**
     * ClickHouse: always back-quoted; a back quote or backslash inside is backslash-escaped (the server's own
     * {@code backQuote()} spelling, accepted by 18.16 and 26.x alike).
     */
    public static String clickHouse(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty identifier");
        }
        StringBuilder sb = new StringBuilder(name.length() + 2).append('`');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '`' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('`').toString();
    }

    /**
     * MaxCompute: back-quoted. MaxCompute table and column names are letters, digits and underscores,
     * starting with a letter or underscore, at most 128 bytes; anything else is refused here rather than
     * by the service after the job started.
     */
    public static String maxCompute(String name, String what) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,127}")) {
            throw new IllegalArgumentException(what + " name '" + name + "' is not a valid MaxCompute name (letters, "
                    + "digits and '_', starting with a letter or '_', at most 128 characters); rename it in the "
                    + "column mapping");
        }
        return "`" + name + "`";
    }
}
