package io.chpack.clickhousewriter.sharding;

import java.util.ArrayList;
import java.util.List;

/**
 * Prepare-time proof that the Java sharding key equals the server's: the server evaluates the key's exact
 * text over the sample rows (sent as literals of the columns' exact types), and the type and every value are
 * compared with {@link ShardingKey#evaluate}. Equal type and value imply the same shard.
 *
 * <p>The query (18.16-compatible: no {@code values()} table function) is
 * <pre>
 * SELECT toTypeName(__k), __k FROM (SELECT &lt;key&gt; AS __k FROM (
 *     SELECT tupleElement(__t, 1) AS `col1`, … FROM (SELECT arrayJoin([tuple(lit, …), …]) AS __t)))
 * </pre>
 * {@code arrayJoin} makes full (non-constant) columns, the same code path as an INSERT block, and keeps row
 * order. Rows go in chunks that stay under the server's default {@code max_query_size} (256 KiB).
 */
public final class ShardingSelfCheck {
    /** Runs one SQL statement and returns its TabSeparated output (throws on a server error). */
    public interface SqlRunner {
        String query(String sql);
    }

    /** 18.16 analyses a literal array in time that grows faster than linearly: 100 rows ~0.15 s, 400 rows ~1 s. */
    private static final int MAX_ROWS_PER_QUERY = 100;
    private static final int MAX_QUERY_CHARS = 200_000;

    private ShardingSelfCheck() {
    }

    /** Sends the samples as literals (see the class comment). */
    public static SelfCheckReport run(ShardingKey key, List<? extends ShardingRow> samples, SqlRunner sql) {
        return run(key, samples, sql, null, null);
    }

    /**
     * Evaluates the key over a table that already holds exactly the sample rows (e.g. rows just written to a
     * staging table), read in {@code orderColumn} order; one query however many rows.
     */
    public static SelfCheckReport runOnTable(ShardingKey key, List<? extends ShardingRow> samples, String table,
            String orderColumn, SqlRunner sql) {
        return run(key, samples, sql, table, orderColumn);
    }

    private static SelfCheckReport run(ShardingKey key, List<? extends ShardingRow> samples, SqlRunner sql,
            String table, String orderColumn) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("the self-check needs at least one sample row");
        }
        List<Integer> cols = key.referencedColumns();
        String javaType = key.type().typeName();
        String serverType = null;
        int checked = 0;
        int start = 0;
        while (start < samples.size()) {
            List<String> tuples = new ArrayList<>();
            int chars = 0;
            int end = start;
            while (table == null && end < samples.size() && tuples.size() < MAX_ROWS_PER_QUERY
                    && chars < MAX_QUERY_CHARS) {
                String t = tuple(key, cols, samples.get(end));
                tuples.add(t);
                chars += t.length() + 2;
                end++;
            }
            if (table != null) {
                end = samples.size();
            }
            String text;
            try {
                text = sql.query(table == null ? query(key, cols, tuples) : "SELECT toTypeName(__k), __k FROM (SELECT "
                        + key.expression() + " AS __k, " + SqlLiteral.identifier(orderColumn) + " FROM " + table
                        + " ORDER BY " + SqlLiteral.identifier(orderColumn) + ")");
            } catch (RuntimeException e) {
                return new SelfCheckReport(key.expression(), checked, javaType, serverType, -1, null, null, null,
                        String.valueOf(e.getMessage()), key.isDeterministic());
            }
            String[] lines = text.split("\n", -1);
            for (int i = start; i < end; i++) {
                String line = i - start < lines.length ? lines[i - start] : "";
                int tab = line.indexOf('\t');
                String type = plainType(tab < 0 ? line : line.substring(0, tab));
                String value = tab < 0 ? "" : line.substring(tab + 1);
                if (serverType == null) {
                    serverType = type;
                }
                if (!type.equals(javaType)) {
                    return new SelfCheckReport(key.expression(), checked, javaType, type, -1, null, null, null, null,
                            key.isDeterministic());
                }
                if (key.isDeterministic()) {
                    String javaValue = key.type().format(key.evaluate(samples.get(i)));
                    if (!javaValue.equals(value)) {
                        return new SelfCheckReport(key.expression(), checked, javaType, serverType, i,
                                inputs(key, cols, samples.get(i)), value, javaValue, null, true);
                    }
                }
                checked++;
            }
            start = end;
        }
        return new SelfCheckReport(key.expression(), checked, javaType, serverType, -1, null, null, null, null,
                key.isDeterministic());
    }

    /**
     * A hash over a LowCardinality column is LowCardinality(UInt64) on the server; the Distributed engine shards
     * by the dictionary's type ({@code createSelector} unwraps LowCardinality), so the values compare as plain.
     */
    private static String plainType(String serverType) {
        String p = "LowCardinality(";
        return serverType.startsWith(p) && serverType.endsWith(")")
                ? serverType.substring(p.length(), serverType.length() - 1) : serverType;
    }

    private static String query(ShardingKey key, List<Integer> cols, List<String> tuples) {
        StringBuilder sb = new StringBuilder("SELECT toTypeName(__k), __k FROM (SELECT ").append(key.expression())
                .append(" AS __k FROM (SELECT ");
        if (cols.isEmpty()) {
            sb.append("__t");
        }
        for (int k = 0; k < cols.size(); k++) {
            sb.append(k == 0 ? "" : ", ").append("tupleElement(__t, ").append(k + 1).append(") AS ")
                    .append(SqlLiteral.identifier(key.columns().get(cols.get(k)).name()));
        }
        sb.append(" FROM (SELECT arrayJoin([");
        for (int i = 0; i < tuples.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(tuples.get(i));
        }
        return sb.append("]) AS __t)))").toString();
    }

    private static String tuple(ShardingKey key, List<Integer> cols, ShardingRow row) {
        if (cols.isEmpty()) {
            return "tuple(0)";
        }
        return "tuple(" + inputs(key, cols, row) + ")";
    }

    private static String inputs(ShardingKey key, List<Integer> cols, ShardingRow row) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < cols.size(); k++) {
            int c = cols.get(k);
            sb.append(k == 0 ? "" : ", ").append(SqlLiteral.render(row.value(c), key.columns().get(c).type()));
        }
        return sb.toString();
    }
}
