package io.chpack.clickhousereader.plan;

import java.util.ArrayList;
import java.util.List;

import io.chpack.clickhousereader.client.ClickHouseConnection;
import io.chpack.clickhousereader.client.Sql;

/** A table's engine and keys from system.tables (18.16 has engine_full, partition_key, sorting_key). */
public final class TableMeta {
    public final String database;
    public final String table;
    public final String engine;
    public final String engineFull;
    public final String partitionKey;
    public final String sortingKey;

    TableMeta(String database, String table, String engine, String engineFull, String partitionKey, String sortingKey) {
        this.database = database;
        this.table = table;
        this.engine = engine;
        this.engineFull = engineFull;
        this.partitionKey = partitionKey;
        this.sortingKey = sortingKey;
    }

    /** @return null when the table does not exist */
    public static TableMeta load(ClickHouseConnection conn, String database, String table) {
        List<String[]> rows = conn.query("SELECT engine, engine_full, partition_key, sorting_key FROM system.tables"
                + " WHERE database = " + Sql.quote(database) + " AND name = " + Sql.quote(table));
        if (rows.isEmpty()) {
            return null;
        }
        String[] r = rows.get(0);
        return new TableMeta(database, table, r[0], r[1], r.length > 2 ? r[2] : "", r.length > 3 ? r[3] : "");
    }

    public String quotedName() {
        return Sql.table(database, table);
    }

    public boolean isMergeTree() {
        return engine.endsWith("MergeTree");
    }

    public boolean isDistributed() {
        return engine.equals("Distributed");
    }

    /** The partition expression, or null for an unpartitioned table. */
    public String partitionExpression() {
        String pk = partitionKey == null ? "" : partitionKey.trim();
        return pk.isEmpty() || pk.equals("tuple()") ? null : pk;
    }

    /** The first element of the sorting key (a column or an expression), or null. */
    public String firstSortingKeyElement() {
        String sk = sortingKey == null ? "" : sortingKey.trim();
        if (sk.isEmpty() || sk.equals("tuple()")) {
            return null;
        }
        List<String> parts = splitTopLevel(sk);
        if (parts.size() == 1 && sk.startsWith("(") && sk.endsWith(")")) {
            parts = splitTopLevel(sk.substring(1, sk.length() - 1));
        }
        String first = parts.get(0).trim();
        return first.isEmpty() ? null : first;
    }

    /** The first three arguments of {@code Distributed(cluster, db, table[, key])}, unquoted. */
    public String[] distributedTarget() {
        String e = engineFull.trim();
        int open = e.indexOf('(');
        int close = e.lastIndexOf(')');
        if (!e.startsWith("Distributed") || open < 0 || close < open) {
            throw new IllegalArgumentException("engine_full '" + engineFull + "' is not Distributed(cluster, db, table)");
        }
        List<String> args = splitTopLevel(e.substring(open + 1, close));
        if (args.size() < 3) {
            throw new IllegalArgumentException("engine_full '" + engineFull + "' has fewer than 3 arguments");
        }
        return new String[] {unquote(args.get(0)), unquote(args.get(1)), unquote(args.get(2))};
    }

    private static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && (t.charAt(0) == '\'' || t.charAt(0) == '`' || t.charAt(0) == '"')
                && t.charAt(t.length() - 1) == t.charAt(0)) {
            return t.substring(1, t.length() - 1).replace("\\'", "'").replace("\\\\", "\\");
        }
        return t;
    }

    /** Splits at commas outside parentheses, brackets and quotes. */
    static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<String>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '`' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(s.substring(start, i).trim());
                start = i + 1;
            }
        }
        parts.add(s.substring(start).trim());
        return parts;
    }
}
