package io.chpack.aurorareader.plan;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.chpack.aurorareader.config.Dialect;

/**
 * The chunking key: the primary key (composite allowed) or the configured {@code splitPk}. Key values travel
 * as text (exact: integers and decimals as digits, bytes as hex) and are bound back with their own type, so
 * a BIGINT boundary is never compared as a double and a PostgreSQL key is cast to the column's type.
 */
public final class KeySpec {
    public enum Kind { NUMBER, BYTES, TEXT }

    public final List<String> columns;
    public final List<String> types;
    public final List<Kind> kinds;
    /** True for the primary key: chunks can resume after the last key read (rows are ordered by it). */
    public final boolean unique;
    /** A nullable splitPk: NULL keys get a chunk of their own. */
    public final boolean nullable;

    public KeySpec(List<String> columns, List<String> types, List<Kind> kinds, boolean unique, boolean nullable) {
        this.columns = columns;
        this.types = types;
        this.kinds = kinds;
        this.unique = unique;
        this.nullable = nullable;
    }

    public static Kind kindOf(String type, String dataxType) {
        String t = type.toLowerCase(Locale.ROOT);
        if (t.startsWith("bit") && !t.startsWith("bit varying") || t.equals("bytea")) {
            return Kind.BYTES;
        }
        switch (dataxType) {
            case "LONG":
            case "DOUBLE":
                return t.startsWith("float") || t.startsWith("double") || t.startsWith("real") ? Kind.TEXT : Kind.NUMBER;
            case "BYTES":
                return Kind.BYTES;
            default:
                return Kind.TEXT;
        }
    }

    public int size() {
        return columns.size();
    }

    /** Reads the key of the current row (columns at {@code firstIndex}, …) as text. */
    public List<String> read(ResultSet rs, int firstIndex) throws SQLException {
        List<String> out = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            if (kinds.get(i) == Kind.BYTES) {
                byte[] b = rs.getBytes(firstIndex + i);
                out.add(b == null ? null : hex(b));
            } else {
                out.add(rs.getString(firstIndex + i));
            }
        }
        return out;
    }

    /** The placeholder for key column i: PostgreSQL casts text to the column's type. */
    public String placeholder(Dialect d, int i) {
        if (d == Dialect.POSTGRES && kinds.get(i) != Kind.BYTES) {
            return "CAST(? AS " + types.get(i) + ")";
        }
        return "?";
    }

    public void bind(Dialect d, PreparedStatement ps, int index, int keyColumn, String value) throws SQLException {
        Kind k = kinds.get(keyColumn);
        if (k == Kind.BYTES) {
            ps.setBytes(index, unhex(value));
        } else if (k == Kind.NUMBER && d == Dialect.MYSQL) {
            ps.setBigDecimal(index, new BigDecimal(value));
        } else {
            ps.setString(index, value);
        }
    }

    public static String hex(byte[] b) {
        char[] digits = "0123456789abcdef".toCharArray();
        char[] out = new char[b.length * 2];
        for (int i = 0; i < b.length; i++) {
            out[2 * i] = digits[(b[i] >> 4) & 15];
            out[2 * i + 1] = digits[b[i] & 15];
        }
        return new String(out);
    }

    static byte[] unhex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
