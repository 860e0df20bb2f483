package io.chpack.aurorareader.plan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.alibaba.datax.common.exception.DataXException;
import io.chpack.aurorareader.AuroraErrorCode;
import io.chpack.aurorareader.config.Dialect;
import io.chpack.aurorareader.config.TableName;

/** A source table from the catalog: columns with exact type texts, the primary key, and the row estimate. */
public final class TableMeta {
    public final String name;
    public final List<ColumnInfo> columns;
    public final List<String> primaryKey;
    public final long rowEstimate;

    TableMeta(String name, List<ColumnInfo> columns, List<String> primaryKey, long rowEstimate) {
        this.name = name;
        this.columns = columns;
        this.primaryKey = primaryKey;
        this.rowEstimate = rowEstimate;
    }

    public ColumnInfo column(String n) {
        for (ColumnInfo c : columns) {
            if (c.name.equals(n)) {
                return c;
            }
        }
        for (ColumnInfo c : columns) {
            if (c.name.equalsIgnoreCase(n)) {
                return c;
            }
        }
        return null;
    }

    public static TableMeta load(Connection c, Dialect d, String table) throws SQLException {
        return d == Dialect.MYSQL ? mysql(c, table) : postgres(c, table);
    }

    private static TableMeta mysql(Connection c, String table) throws SQLException {
        String schema = TableName.schema(table);
        String name = TableName.table(table);
        String schemaExpr = schema == null ? "DATABASE()" : "?";
        Map<String, Integer> pk = new HashMap<>();
        List<String> pkList = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE "
                + "WHERE TABLE_SCHEMA = " + schemaExpr + " AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY' "
                + "ORDER BY ORDINAL_POSITION")) {
            bindSchema(ps, schema, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pkList.add(rs.getString(1));
                    pk.put(rs.getString(1), pkList.size());
                }
            }
        }
        List<ColumnInfo> cols = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE FROM "
                + "information_schema.COLUMNS WHERE TABLE_SCHEMA = " + schemaExpr + " AND TABLE_NAME = ? "
                + "ORDER BY ORDINAL_POSITION")) {
            bindSchema(ps, schema, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String n = rs.getString(1);
                    Integer k = pk.get(n);
                    cols.add(new ColumnInfo(n, rs.getString(2), false, "YES".equals(rs.getString(3)), k == null ? 0 : k));
                }
            }
        }
        if (cols.isEmpty()) {
            throw unknown(table);
        }
        long est = -1;
        try (PreparedStatement ps = c.prepareStatement("SELECT TABLE_ROWS FROM information_schema.TABLES WHERE "
                + "TABLE_SCHEMA = " + schemaExpr + " AND TABLE_NAME = ?")) {
            bindSchema(ps, schema, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    est = rs.getLong(1);
                    if (rs.wasNull()) {
                        est = -1;
                    }
                }
            }
        }
        return new TableMeta(table, cols, pkList, est);
    }

    private static void bindSchema(PreparedStatement ps, String schema, String name) throws SQLException {
        int i = 1;
        if (schema != null) {
            ps.setString(i++, schema);
        }
        ps.setString(i, name);
    }

    private static TableMeta postgres(Connection c, String table) throws SQLException {
        String qualified = Dialect.POSTGRES.quoteQualified(table);
        long oid;
        long est;
        try (PreparedStatement ps = c.prepareStatement("SELECT c.oid, c.reltuples::bigint FROM pg_class c "
                + "WHERE c.oid = to_regclass(?)")) {
            ps.setString(1, qualified);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    c.rollback();
                    throw unknown(table);
                }
                oid = rs.getLong(1);
                est = rs.getLong(2);
            }
        }
        List<String> pkList = new ArrayList<>();
        Map<String, Integer> pk = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname FROM pg_index i JOIN pg_attribute a "
                + "ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) WHERE i.indrelid = ? AND i.indisprimary "
                + "ORDER BY array_position(i.indkey::int2[], a.attnum)")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pkList.add(rs.getString(1));
                    pk.put(rs.getString(1), pkList.size());
                }
            }
        }
        List<ColumnInfo> cols = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, format_type(a.atttypid, a.atttypmod), "
                + "NOT a.attnotnull, t.typtype = 'e' OR COALESCE(et.typtype = 'e', false) FROM pg_attribute a "
                + "JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typelem <> 0 "
                + "WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String n = rs.getString(1);
                    Integer k = pk.get(n);
                    cols.add(new ColumnInfo(n, rs.getString(2), rs.getBoolean(4), rs.getBoolean(3), k == null ? 0 : k));
                }
            }
        }
        c.commit();
        return new TableMeta(table, cols, pkList, est);
    }

    private static DataXException unknown(String table) {
        return DataXException.asDataXException(AuroraErrorCode.UNKNOWN_TABLE, "table '" + table
                + "' does not exist (or the user may not see it) in the connection's database");
    }
}
