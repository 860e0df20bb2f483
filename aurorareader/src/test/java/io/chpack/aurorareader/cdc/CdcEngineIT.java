package io.chpack.aurorareader.cdc;

import io.chpack.aurorareader.it.Db;
import io.chpack.aurorareader.it.ItHome;
import io.chpack.runner.JobResult;
import io.chpack.testkit.ClickHouseServer;
import io.chpack.testkit.MariaDbServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's story through the runner engine with the shaded plugin jars: MariaDB ("Aurora MySQL") full load into
 * a ClickHouse 18.16 ReplacingMergeTree(_version), then changes, then two {@code mode: cdc} jobs through
 * clickhousewriter; the table read with FINAL and {@code _is_deleted = 0} equals the source.
 */
class CdcEngineIT {
    private static MariaDbServer db;
    private static ClickHouseServer ch;

    @BeforeAll
    static void start() {
        db = MariaDbServer.start();
        ch = ClickHouseServer.start();
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
        if (ch != null) {
            ch.close();
        }
    }

    private static Map<String, Object> reader(Map<String, Object> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("username", db.user());
        p.put("password", db.rootPassword());
        p.put("column", List.of("*"));
        p.put("connection", List.of(Map.of("jdbcUrl", List.of(db.jdbcUrl()), "table", List.of("demo"))));
        p.putAll(extra);
        return p;
    }

    private static final List<String> DATA = List.of("id", "name", "qty", "price", "updated");

    private static Map<String, Object> writer(List<String> columns) {
        return ItHome.clickhouseWriter(ch.jdbcUrl("default"), "demo", Map.of("column", columns));
    }

    private static String sourceText(Connection c) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id, name, qty, price, updated FROM demo ORDER BY id")) {
            while (rs.next()) {
                for (int i = 1; i <= 5; i++) {
                    String v = rs.getString(i);
                    sb.append(i > 1 ? "\t" : "").append(v == null ? "\\N" : v);
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String clickhouseText() {
        return ch.query("SELECT id, name, qty, price, updated FROM demo FINAL WHERE _is_deleted = 0 ORDER BY id");
    }

    private static void ok(JobResult r) {
        assertTrue(r.isSuccess(), () -> "job failed: " + r.errorMessage());
    }

    @Test
    void snapshotThenCdcRunsMakeClickHouseEqualTheSource() throws Exception {
        Path checkpoints = ItHome.scratch("cdc-checkpoints");
        Map<String, Object> checkpoint = Map.of("type", "file", "path", checkpoints.toString(), "id", "demo");
        try (Connection c = Db.connect(db.jdbcUrl(), db.user(), db.rootPassword())) {
            Db.exec(c, "CREATE TABLE demo (id INT PRIMARY KEY, name VARCHAR(50), qty INT UNSIGNED, "
                    + "price DECIMAL(10,2), updated DATETIME)",
                    "INSERT INTO demo VALUES (1, 'one', 1, 1.10, '2024-01-01 10:00:00'), (2, 'two', 4294967295, "
                            + "2.20, NULL), (3, 'three', 3, 3.30, '2024-01-03 10:00:00')");
            ch.query("CREATE TABLE demo (id Int32, name Nullable(String), qty Nullable(UInt32), "
                    + "price Nullable(Decimal(10,2)), updated Nullable(DateTime), _op String, _version UInt64, "
                    + "_is_deleted UInt8, _source_ts DateTime) ENGINE = ReplacingMergeTree(_version) ORDER BY id");

            // The hand-off position, taken before the snapshot reads (what cdc.captureStart records).
            String start;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW MASTER STATUS")) {
                rs.next();
                start = "binlog:" + rs.getString(1) + ":" + rs.getLong(2);
            }
            Db.exec(c, "UPDATE demo SET name = 'one, during snapshot' WHERE id = 1");
            ok(ItHome.run(reader(Map.of("mode", "full")), writer(DATA), 2));

            Db.exec(c, "INSERT INTO demo VALUES (4, 'four ✓', 4, 4.40, '2024-01-04 10:00:00')",
                    "UPDATE demo SET qty = 42, price = 9.99 WHERE id = 2", "UPDATE demo SET id = 30 WHERE id = 3",
                    "DELETE FROM demo WHERE id = 1");
            c.setAutoCommit(false);
            Db.exec(c, "INSERT INTO demo VALUES (5, 'rolled back', 5, 5, NULL)");
            c.rollback();
            Db.exec(c, "INSERT INTO demo VALUES (6, 'six', 6, 6.60, NULL)", "UPDATE demo SET name = 'six!' WHERE id = 6");
            c.commit();
            c.setAutoCommit(true);

            List<String> all = List.of("id", "name", "qty", "price", "updated", "_op", "_version", "_is_deleted",
                    "_source_ts");
            ok(ItHome.run(reader(Map.of("mode", "cdc", "checkpoint", checkpoint, "cdc", Map.of("startPosition",
                    start))), writer(all), 2));
            assertEquals(sourceText(c), clickhouseText());

            Db.exec(c, "DELETE FROM demo WHERE id = 30", "INSERT INTO demo VALUES (7, 'seven', 7, 7.70, NULL)",
                    "UPDATE demo SET updated = '2025-05-05 05:05:05' WHERE id = 2");
            // The second run starts where the first committed (no startPosition needed any more).
            ok(ItHome.run(reader(Map.of("mode", "cdc", "checkpoint", checkpoint)), writer(all), 2));
            assertEquals(sourceText(c), clickhouseText());
            assertFalse(clickhouseText().contains("rolled back"));

            // A user without replication privileges gets the named error.
            Db.exec(c, "CREATE USER 'reader'@'%' IDENTIFIED BY 'pw'", "GRANT SELECT ON *.* TO 'reader'@'%'");
            Map<String, Object> noPriv = reader(Map.of("mode", "cdc", "checkpoint", checkpoint));
            noPriv.put("username", "reader");
            noPriv.put("password", "pw");
            JobResult refused = ItHome.run(noPriv, writer(all), 1);
            assertFalse(refused.isSuccess());
            assertTrue(refused.errorMessage().contains("AuroraCdc-04"), refused.errorMessage());
        }
    }
}
