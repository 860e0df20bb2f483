package io.chpack.aurorareader.it;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/** Small JDBC helpers for the source databases (drivers from the test class path). */
public final class Db {
    private Db() {
    }

    public static Connection connect(String url, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password == null ? "" : password);
        String u = url.startsWith("jdbc:mysql:") ? url.replace("jdbc:mysql:", "jdbc:mariadb:") : url;
        return DriverManager.getConnection(u + (u.contains("?") ? "&" : "?")
                + (u.startsWith("jdbc:mariadb:") ? "allowMultiQueries=true&rewriteBatchedStatements=true" : "reWriteBatchedInserts=true"), p);
    }

    public static void exec(Connection c, String... sqls) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : sqls) {
                s.execute(sql);
            }
        }
    }

    /** Rows as lists of text (NULL → null), numbers with trailing zeros stripped. */
    public static List<List<String>> rows(Connection c, String sql) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> r = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    r.add(rs.getString(i));
                }
                out.add(r);
            }
        }
        return out;
    }

    /** ClickHouse TabSeparated → rows (\N → null, escapes undone). */
    public static List<List<String>> tsv(String body) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : body.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> row = new ArrayList<>();
            for (String cell : line.split("\t", -1)) {
                row.add(cell.equals("\\N") ? null : unescape(cell));
            }
            rows.add(row);
        }
        return rows;
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 't': b.append('\t'); break;
                    case 'n': b.append('\n'); break;
                    case '0': b.append('\0'); break;
                    default: b.append(n);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Canonical number text (no trailing zeros) for columns that hold decimals. */
    public static String num(String v) {
        return v == null ? null : new BigDecimal(v).stripTrailingZeros().toPlainString();
    }

    /**
     * Multiset equality with an order-independent checksum (sum of FNV-1a hashes of each row) and, on mismatch,
     * a few differing rows.
     */
    public static void assertSameRows(List<List<String>> expected, List<List<String>> actual, String what) {
        if (expected.size() != actual.size()) {
            throw new AssertionError(what + ": row count " + actual.size() + ", expected " + expected.size());
        }
        long he = 0;
        long ha = 0;
        List<String> e = new ArrayList<>();
        List<String> a = new ArrayList<>();
        for (List<String> r : expected) {
            he += hash(r.toString());
            e.add(r.toString());
        }
        for (List<String> r : actual) {
            ha += hash(r.toString());
            a.add(r.toString());
        }
        if (he != ha) {
            Collections.sort(e);
            Collections.sort(a);
            for (int i = 0; i < e.size(); i++) {
                if (!e.get(i).equals(a.get(i))) {
                    throw new AssertionError(what + ": checksum differs; first difference at sorted row " + i
                            + ": expected " + e.get(i) + " got " + a.get(i));
                }
            }
            throw new AssertionError(what + ": checksum differs");
        }
    }

    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
