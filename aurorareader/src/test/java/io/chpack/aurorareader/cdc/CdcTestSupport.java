package io.chpack.aurorareader.cdc;

import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.Record;
import io.chpack.common.mapping.SourceColumnMapping;
import io.chpack.testkit.ClickHouseServer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Test plumbing: an in-memory record, a canonical text for every DataX Column (type-tagged, so a LONG 1 and a
 * STRING "1" differ), and a ClickHouse ReplacingMergeTree(_version) target fed by HTTP inserts.
 */
final class CdcTestSupport {
    private CdcTestSupport() {
    }

    static final class ListRecord implements Record {
        final List<Column> columns = new ArrayList<>();

        @Override
        public void addColumn(Column column) {
            columns.add(column);
        }

        @Override
        public void setColumn(int i, Column column) {
            while (columns.size() <= i) {
                columns.add(null);
            }
            columns.set(i, column);
        }

        @Override
        public Column getColumn(int i) {
            return columns.get(i);
        }

        @Override
        public int getColumnNumber() {
            return columns.size();
        }

        @Override
        public int getByteSize() {
            return 0;
        }

        @Override
        public int getMemorySize() {
            return 0;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("[");
            for (Column c : columns) {
                sb.append(render(c)).append(", ");
            }
            return sb.append(']').toString();
        }
    }

    static final class ListSink implements ChangeSink {
        final List<ListRecord> records = new ArrayList<>();

        @Override
        public Record newRecord() {
            return new ListRecord();
        }

        @Override
        public void send(Record record) {
            records.add((ListRecord) record);
        }
    }

    /** Type-tagged exact text of a Column, null for SQL NULL. */
    static String render(Column c) {
        if (c == null || c.getRawData() == null) {
            return null;
        }
        if (c instanceof BytesColumn) {
            return "BYTES:" + hex(c.asBytes());
        }
        if (c instanceof DateColumn) {
            return "DATE/" + ((DateColumn) c).getSubType() + ":" + c.asLong();
        }
        return c.getType() + ":" + c.asString();
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02X", x & 0xFF));
        }
        return sb.toString();
    }

    /** The full load's way of reading a table: the mapping's readers over a JDBC result set. */
    static List<List<String>> readSource(Connection c, String sql, List<SourceColumnMapping> mappings)
            throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < mappings.size(); i++) {
                    row.add(render(mappings.get(i).reader().read(rs, i + 1)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** A ReplacingMergeTree(_version) table on ClickHouse 18.16 with every data column as (Nullable) String. */
    static final class ChTarget {
        final ClickHouseServer ch;
        final String table;
        final List<String> columns;
        final int[] key;

        ChTarget(ClickHouseServer ch, String table, List<String> columns, int[] key) {
            this.ch = ch;
            this.table = table;
            this.columns = columns;
            this.key = key;
            StringBuilder ddl = new StringBuilder("CREATE TABLE " + table + " (");
            for (int i = 0; i < columns.size(); i++) {
                ddl.append('`').append(columns.get(i)).append("` ").append(isKey(i) ? "String" : "Nullable(String)")
                        .append(", ");
            }
            ddl.append("_op String, _version UInt64, _is_deleted UInt8, _source_ts DateTime) ENGINE = "
                    + "ReplacingMergeTree(_version) ORDER BY (");
            for (int i = 0; i < key.length; i++) {
                ddl.append(i > 0 ? ", " : "").append('`').append(columns.get(key[i])).append('`');
            }
            ddl.append(')');
            ch.query("DROP TABLE IF EXISTS " + table);
            ch.query(ddl.toString());
        }

        private boolean isKey(int i) {
            for (int k : key) {
                if (k == i) {
                    return true;
                }
            }
            return false;
        }

        /** Snapshot rows: version 0, op 'r'. */
        void insertSnapshot(List<List<String>> rows) {
            StringBuilder body = new StringBuilder("INSERT INTO " + table + " FORMAT JSONEachRow\n");
            for (List<String> r : rows) {
                body.append('{');
                for (int i = 0; i < r.size(); i++) {
                    body.append(json(columns.get(i))).append(':').append(r.get(i) == null ? "null" : json(r.get(i)))
                            .append(',');
                }
                body.append("\"_op\":\"r\",\"_version\":0,\"_is_deleted\":0,\"_source_ts\":\"1970-01-02 00:00:00\"}\n");
            }
            if (!rows.isEmpty()) {
                ch.query(body.toString());
            }
        }

        /** CDC records: the data columns, then _op, _version, _is_deleted, _source_ts. */
        void apply(List<ListRecord> records) {
            StringBuilder body = new StringBuilder("INSERT INTO " + table + " FORMAT JSONEachRow\n");
            for (ListRecord r : records) {
                int n = columns.size();
                if (r.getColumnNumber() != n + 4) {
                    throw new AssertionError("record width " + r.getColumnNumber() + " != " + (n + 4) + ": " + r);
                }
                body.append('{');
                for (int i = 0; i < n; i++) {
                    String v = render(r.getColumn(i));
                    body.append(json(columns.get(i))).append(':').append(v == null ? "null" : json(v)).append(',');
                }
                body.append("\"_op\":").append(json(r.getColumn(n).asString())).append(",\"_version\":")
                        .append(r.getColumn(n + 1).asString()).append(",\"_is_deleted\":")
                        .append(r.getColumn(n + 2).asString()).append(",\"_source_ts\":\"")
                        .append(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(
                                java.time.LocalDateTime.ofEpochSecond(r.getColumn(n + 3).asLong() / 1000, 0,
                                        java.time.ZoneOffset.UTC))).append("\"}\n");
            }
            if (!records.isEmpty()) {
                ch.query(body.toString());
            }
        }

        /** Live rows: FINAL, _is_deleted = 0, ordered like {@code orderKey} (each value as N / V+hex). */
        List<String> finalRows() {
            StringBuilder sql = new StringBuilder("SELECT ");
            for (int i = 0; i < columns.size(); i++) {
                String c = "`" + columns.get(i) + "`";
                sql.append(i > 0 ? ", " : "").append("if(isNull(").append(c).append("), 'N', concat('V', hex(ifNull(")
                        .append(c).append(", ''))))");
            }
            sql.append(" FROM ").append(table).append(" FINAL WHERE _is_deleted = 0 FORMAT TabSeparated");
            List<String> out = new ArrayList<>();
            for (String line : ch.query(sql.toString()).split("\n")) {
                if (!line.isEmpty()) {
                    out.add(line);
                }
            }
            out.sort(null);
            return out;
        }
    }

    /** Expected rows in {@link ChTarget#finalRows()}'s encoding, sorted the same way. */
    static List<String> encode(List<List<String>> rows) {
        List<String> out = new ArrayList<>();
        for (List<String> r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                if (i > 0) {
                    sb.append('\t');
                }
                String v = r.get(i);
                sb.append(v == null ? "N" : "V" + hex(v.getBytes(StandardCharsets.UTF_8)));
            }
            out.add(sb.toString());
        }
        out.sort(null);
        return out;
    }

    static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') {
                sb.append('\\').append(ch);
            } else if (ch < 0x20) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }

    /** Decodes one {@link #finalRows()} / {@link #encode} line for readable assertion messages. */
    static String readable(String line) {
        StringBuilder sb = new StringBuilder();
        for (String f : line.split("\t", -1)) {
            if (sb.length() > 0) {
                sb.append(" | ");
            }
            if (f.equals("N")) {
                sb.append("NULL");
            } else {
                String h = f.substring(1);
                byte[] b = new byte[h.length() / 2];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
                }
                sb.append(new String(b, StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }
}
