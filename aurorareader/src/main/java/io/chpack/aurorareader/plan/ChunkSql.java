package io.chpack.aurorareader.plan;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.chpack.aurorareader.config.Dialect;

/**
 * Keyset predicates, never OFFSET: {@code key > lo AND key <= hi}, composite keys compared as tuples
 * (PostgreSQL row values; on MySQL/MariaDB the expanded form {@code k1 >= ? AND (k1 > ? OR (k1 = ? AND k2 > ?))},
 * whose leading {@code k1 >= ?} gives the optimiser an index range).
 */
public final class ChunkSql {
    /** SQL with '?' placeholders and the values to bind in order. */
    public static final class Bound {
        public final String sql;
        final List<Integer> keyColumn = new ArrayList<>();
        final List<String> values = new ArrayList<>();
        final List<String> plain = new ArrayList<>();
        final List<Integer> plainPos = new ArrayList<>();

        Bound(String sql) {
            this.sql = sql;
        }

        public void bind(Dialect d, KeySpec key, PreparedStatement ps) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                int k = keyColumn.get(i);
                if (k < 0) {
                    ps.setString(i + 1, values.get(i));
                } else {
                    key.bind(d, ps, i + 1, k, values.get(i));
                }
            }
        }
    }

    private final Dialect d;
    private final KeySpec key;
    private final StringBuilder sql = new StringBuilder();
    private final List<Integer> keyColumn = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    private ChunkSql(Dialect d, KeySpec key) {
        this.d = d;
        this.key = key;
    }

    /**
     * @param select       the select list, already quoted
     * @param extra        predicates joined with AND (the user's where, the watermark range), may be empty
     * @param extraParams  text parameters of {@code extra}, in order
     * @param resumeAfter  read only keys above this one (a chunk continued after a failure), or null
     * @param ordered      ORDER BY the key (needed to continue a chunk exactly)
     */
    public static Bound select(Dialect d, String select, String table, KeySpec key, Chunk chunk, List<String> extra,
            List<String> extraParams, List<String> resumeAfter, boolean ordered) {
        ChunkSql b = new ChunkSql(d, key);
        b.sql.append("SELECT ").append(select).append(" FROM ").append(table);
        List<String> preds = new ArrayList<>();
        int extraParam = 0;
        for (String e : extra) {
            preds.add("(" + e + ")");
        }
        StringBuilder where = new StringBuilder();
        for (String p : preds) {
            where.append(where.length() == 0 ? "" : " AND ").append(p);
        }
        for (int i = 0; i < extraParams.size(); i++) {
            b.keyColumn.add(-1);
            b.values.add(extraParams.get(i));
        }
        extraParam = extraParams.size();
        if (key != null && chunk != null) {
            if (chunk.nullKeys) {
                where.append(where.length() == 0 ? "" : " AND ").append(d.quote(key.columns.get(0))).append(" IS NULL");
            } else {
                List<String> lo = resumeAfter != null ? resumeAfter : chunk.lo;
                if (lo != null) {
                    where.append(where.length() == 0 ? "" : " AND ");
                    b.compare(where, lo, true);
                }
                if (chunk.hi != null) {
                    where.append(where.length() == 0 ? "" : " AND ");
                    b.compare(where, chunk.hi, false);
                }
                if (lo == null && chunk.hi == null && key.nullable) {
                    where.append(where.length() == 0 ? "" : " AND ").append(d.quote(key.columns.get(0)))
                            .append(" IS NOT NULL");
                }
            }
        }
        if (where.length() > 0) {
            b.sql.append(" WHERE ").append(where);
        }
        if (ordered && key != null) {
            b.sql.append(" ORDER BY ").append(b.keyList());
        }
        Bound out = new Bound(b.sql.toString());
        out.keyColumn.addAll(b.keyColumn);
        out.values.addAll(b.values);
        assert extraParam >= 0;
        return out;
    }

    /** {@code SELECT keys FROM t WHERE extra AND key > after ORDER BY keys LIMIT 1 OFFSET n}: a boundary lookup. */
    public static Bound boundary(Dialect d, String table, KeySpec key, List<String> extra, List<String> extraParams,
            List<String> after, long skip) {
        ChunkSql b = new ChunkSql(d, key);
        b.sql.append("SELECT ").append(b.keyList()).append(" FROM ").append(table);
        StringBuilder where = new StringBuilder();
        for (String e : extra) {
            where.append(where.length() == 0 ? "" : " AND ").append('(').append(e).append(')');
        }
        for (String p : extraParams) {
            b.keyColumn.add(-1);
            b.values.add(p);
        }
        if (key.nullable) {
            where.append(where.length() == 0 ? "" : " AND ").append(d.quote(key.columns.get(0))).append(" IS NOT NULL");
        }
        if (after != null) {
            where.append(where.length() == 0 ? "" : " AND ");
            b.compare(where, after, true);
        }
        if (where.length() > 0) {
            b.sql.append(" WHERE ").append(where);
        }
        b.sql.append(" ORDER BY ").append(b.keyList()).append(" LIMIT 1 OFFSET ").append(skip);
        Bound out = new Bound(b.sql.toString());
        out.keyColumn.addAll(b.keyColumn);
        out.values.addAll(b.values);
        return out;
    }

    private String keyList() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < key.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(d.quote(key.columns.get(i)));
        }
        return sb.toString();
    }

    /** key > v (greater) or key <= v. */
    private void compare(StringBuilder w, List<String> v, boolean greater) {
        int n = key.size();
        if (n == 1) {
            w.append(d.quote(key.columns.get(0))).append(greater ? " > " : " <= ").append(key.placeholder(d, 0));
            param(0, v.get(0));
            return;
        }
        if (d == Dialect.POSTGRES) {
            w.append('(').append(keyList()).append(greater ? ") > (" : ") <= (");
            for (int i = 0; i < n; i++) {
                w.append(i == 0 ? "" : ", ").append(key.placeholder(d, i));
                param(i, v.get(i));
            }
            w.append(')');
            return;
        }
        // k1 >= ? AND (k1 > ? OR (k1 = ? AND (k2 > ? OR (k2 = ? AND k3 > ?))))  (<=: < … <=)
        String strict = greater ? " > " : " < ";
        String last = greater ? " > " : " <= ";
        w.append('(').append(d.quote(key.columns.get(0))).append(greater ? " >= " : " <= ").append("? AND ");
        param(0, v.get(0));
        for (int i = 0; i < n; i++) {
            String col = d.quote(key.columns.get(i));
            if (i == n - 1) {
                w.append(col).append(last).append('?');
                param(i, v.get(i));
            } else {
                w.append('(').append(col).append(strict).append("? OR (").append(col).append(" = ? AND ");
                param(i, v.get(i));
                param(i, v.get(i));
            }
        }
        for (int i = 0; i < n - 1; i++) {
            w.append("))");
        }
        w.append(')');
    }

    private void param(int keyCol, String value) {
        keyColumn.add(keyCol);
        values.add(value);
    }
}
