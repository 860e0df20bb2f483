package io.chpack.aurorareader.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.chpack.runner.JobResult;
import io.chpack.testkit.ClickHouseServer;
import io.chpack.testkit.MariaDbServer;
import io.chpack.testkit.PostgresServer;
import io.chpack.testkit.ZooKeeperServer;

/**
 * Full loads, resumed loads, watermark runs and bad inputs through the engine with the shaded plugin jar,
 * MariaDB 10.11 / PostgreSQL 15 → clickhousewriter → ClickHouse 18.16; values compared in ClickHouse.
 */
class FullLoadIT {
    static MariaDbServer maria;
    static PostgresServer pg;
    static ClickHouseServer ch;
    static final int SKEW_ROWS = 20_000;

    @BeforeAll
    static void start() throws Exception {
        maria = MariaDbServer.start();
        pg = PostgresServer.start();
        ch = ClickHouseServer.start();
        try (Connection c = mariaConn()) {
            Db.exec(c, "CREATE TABLE skew (a INT NOT NULL, b VARCHAR(20) NOT NULL, v VARCHAR(100), d DECIMAL(12,3), "
                    + "PRIMARY KEY (a, b))");
            Db.exec(c, "CREATE TABLE ids (id BIGINT UNSIGNED PRIMARY KEY, v VARCHAR(40))");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO skew VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < SKEW_ROWS; i++) {
                    // 60 % of the rows share a = 1 (skew inside the leading key column), the rest spread widely
                    int a = i < SKEW_ROWS * 6 / 10 ? 1 : (int) ((i * 2654435761L) % 1_000_000_000L);
                    ps.setInt(1, a);
                    ps.setString(2, "k" + i);
                    ps.setString(3, i % 7 == 0 ? null : "val-" + i + "-é✓");
                    ps.setBigDecimal(4, new java.math.BigDecimal(i).movePointLeft(3));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ids VALUES (?, ?)")) {
                for (int i = 0; i < 5000; i++) {
                    // dense low ids, then a sparse cluster near 2^64 (unsigned, beyond a signed long)
                    String id = i < 4000 ? Integer.toString(i + 1) : "184467440737095" + (10000 + i);
                    ps.setString(1, id);
                    ps.setString(2, "r" + i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            Db.exec(c, "ANALYZE TABLE skew, ids");
        }
        try (Connection c = pgConn()) {
            Db.exec(c, "CREATE TABLE pskew (g text NOT NULL, n bigint NOT NULL, ts timestamptz, v text, PRIMARY KEY (g, n))",
                    "INSERT INTO pskew SELECT CASE WHEN i % 10 < 7 THEN 'hot' ELSE 'g' || (i % 97) END, i, "
                            + "timestamptz '2024-01-01 00:00:00.123456+00' + i * interval '1 second', "
                            + "CASE WHEN i % 5 = 0 THEN NULL ELSE 'p' || i END FROM generate_series(1, 12000) i",
                    "ANALYZE pskew");
        }
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable s : new AutoCloseable[] {maria, pg, ch}) {
            try {
                if (s != null) {
                    s.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    static Connection mariaConn() throws Exception {
        return Db.connect(maria.jdbcUrl(), "root", maria.rootPassword());
    }

    static Connection pgConn() throws Exception {
        return Db.connect(pg.jdbcUrl(), pg.user(), "");
    }

    static Map<String, Object> mariaReader(String table, Map<String, Object> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("username", "root");
        p.put("password", maria.rootPassword());
        p.put("column", List.of("*"));
        p.put("connection", List.of(Map.of("jdbcUrl", List.of(maria.jdbcUrl()), "table", List.of(table))));
        p.putAll(extra);
        return p;
    }

    static Map<String, Object> pgReader(String table, Map<String, Object> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("username", pg.user());
        p.put("password", "");
        p.put("column", List.of("*"));
        p.put("connection", List.of(Map.of("jdbcUrl", List.of(pg.jdbcUrl()), "table", List.of(table))));
        p.putAll(extra);
        return p;
    }

    static Map<String, Object> writer(String table, Map<String, Object> extra) {
        return ItHome.clickhouseWriter(ch.jdbcUrl("default"), table, extra);
    }

    static void ok(JobResult r) {
        assertTrue(r.isSuccess(), () -> "job failed: " + r.errorMessage());
    }

    @Test
    void compositeSkewedKeyAcrossManyChunksEqualsSource() throws Exception {
        ch.query("CREATE TABLE skew_full (a Int32, b String, v Nullable(String), d Decimal(12,3)) "
                + "ENGINE = MergeTree ORDER BY (a, b)");
        JobResult r = ItHome.run(mariaReader("skew", Map.of("chunkRows", 700)), writer("skew_full", Map.of()), 4);
        ok(r);
        assertEquals(4, r.taskNumber(), "one task per channel");
        List<List<String>> src = new ArrayList<>();
        try (Connection c = mariaConn()) {
            for (List<String> row : Db.rows(c, "SELECT a, b, v, d FROM skew")) {
                src.add(List.of(row.get(0), row.get(1), String.valueOf(row.get(2)), Db.num(row.get(3))));
            }
        }
        List<List<String>> dst = new ArrayList<>();
        for (List<String> row : Db.tsv(ch.query("SELECT a, b, v, d FROM skew_full FORMAT TabSeparated"))) {
            dst.add(List.of(row.get(0), row.get(1), String.valueOf(row.get(2)), Db.num(row.get(3))));
        }
        Db.assertSameRows(src, dst, "skew (composite key, 60% of rows under a=1)");
    }

    @Test
    void unsignedBigintKeyBeyondSignedLongSplitsExactly() throws Exception {
        ch.query("CREATE TABLE ids_full (id UInt64, v String) ENGINE = MergeTree ORDER BY id");
        ok(ItHome.run(mariaReader("ids", Map.of("chunkRows", 333)), writer("ids_full", Map.of()), 3));
        List<List<String>> src;
        try (Connection c = mariaConn()) {
            src = Db.rows(c, "SELECT id, v FROM ids");
        }
        Db.assertSameRows(src, Db.tsv(ch.query("SELECT id, v FROM ids_full FORMAT TabSeparated")), "ids");
    }

    @Test
    void postgresCompositeKeyFullLoad() throws Exception {
        ch.query("CREATE TABLE pskew_full (g String, n Int64, ts Nullable(String), v Nullable(String)) "
                + "ENGINE = MergeTree ORDER BY (g, n)");
        // Each task loses its connection once in the middle of a chunk (test hook) and continues after the last
        // (g, n) it sent: the equality below would see a duplicate or a gap.
        ok(ItHome.run(pgReader("pskew", Map.of("chunkRows", 500, "fetchSize", 100,
                "testHook", Map.of("dropConnectionAfterRows", 1234))),
                writer("pskew_full", Map.of()), 4));
        List<List<String>> src = new ArrayList<>();
        try (Connection c = pgConn()) {
            for (List<String> row : Db.rows(c, "SELECT g, n, to_char(ts AT TIME ZONE 'UTC', "
                    + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), v FROM pskew")) {
                src.add(row);
            }
        }
        Db.assertSameRows(src, Db.tsv(ch.query("SELECT g, n, ts, v FROM pskew_full FORMAT TabSeparated")), "pskew");
    }

    @Test
    void killedLoadResumesFromCheckpointWithoutDuplicatesInReplacingMergeTree() throws Exception {
        Path cp = ItHome.scratch("checkpoint");
        resume("skew_resume", Map.of("type", "file", "path", cp.toString(), "id", "resume1"));
        assertFalse(Files.exists(cp.resolve("resume1/full-plan.json")), "plan cleared by Job.post");
        assertTrue(Files.exists(cp.resolve("resume1/full-completed.json")));
    }

    @Test
    void resumeWorksWithTheZooKeeperStore() throws Exception {
        try (ZooKeeperServer zk = ZooKeeperServer.start()) {
            resume("skew_resume_zk", Map.of("type", "zookeeper", "connectString", zk.connectString(), "id", "resumezk"));
            org.apache.zookeeper.ZooKeeper client = new org.apache.zookeeper.ZooKeeper(zk.connectString(), 10_000, e -> { });
            try {
                assertTrue(client.exists("/chpack/aurorareader/resumezk/values/full-completed", false) != null);
                assertEquals(null, client.exists("/chpack/aurorareader/resumezk/values/full-plan", false));
                assertEquals(0, client.getChildren("/chpack/aurorareader/resumezk/chunks", false).size());
            } finally {
                client.close();
            }
        }
    }

    private void resume(String table, Map<String, Object> checkpoint) throws Exception {
        ch.query("CREATE TABLE " + table + " (a Int32, b String, v Nullable(String), d Decimal(12,3)) "
                + "ENGINE = ReplacingMergeTree ORDER BY (a, b)");
        Map<String, Object> w = Map.of("batchSize", 100);
        Map<String, Object> failing = new LinkedHashMap<>(Map.of("chunkRows", 500, "checkpoint", checkpoint));
        failing.put("testHook", Map.of("failAfterChunks", 16));
        JobResult first = ItHome.run(mariaReader("skew", failing), writer(table, w), 2);
        assertFalse(first.isSuccess());
        assertTrue(first.errorMessage().contains("AuroraReader-99"), first.errorMessage());
        long afterFirst = Long.parseLong(ch.query("SELECT count() FROM " + table).trim());
        assertTrue(afterFirst > 0 && afterFirst < SKEW_ROWS, "the first run stopped midway: " + afterFirst);

        JobResult second = ItHome.run(mariaReader("skew", Map.of("chunkRows", 500, "checkpoint", checkpoint)),
                writer(table, w), 2);
        ok(second);
        long secondRows = second.totalReadRecords();
        assertTrue(secondRows > 0 && secondRows < SKEW_ROWS - 2 * 500, "the rerun skipped the chunks certainly "
                + "written by the first run (all but the replay window): it read " + secondRows);
        assertEquals(Integer.toString(SKEW_ROWS), ch.query("SELECT count() FROM " + table + " FINAL").trim());
        List<List<String>> src = new ArrayList<>();
        try (Connection c = mariaConn()) {
            for (List<String> row : Db.rows(c, "SELECT a, b, v, d FROM skew")) {
                src.add(List.of(row.get(0), row.get(1), String.valueOf(row.get(2)), Db.num(row.get(3))));
            }
        }
        List<List<String>> dst = new ArrayList<>();
        for (List<String> row : Db.tsv(ch.query("SELECT a, b, v, d FROM " + table + " FINAL FORMAT TabSeparated"))) {
            dst.add(List.of(row.get(0), row.get(1), String.valueOf(row.get(2)), Db.num(row.get(3))));
        }
        Db.assertSameRows(src, dst, "resumed load");
    }

    /**
     * A dense unique integer key (every 7th id missing) gets computed boundaries min - 1 + i × chunkRows instead of
     * the walk (which would cut after every 500th row, i.e. at 583, 1166, …): the plan a failed run leaves in the
     * checkpoint shows them; a clean run equals the source (MariaDB and PostgreSQL).
     */
    @Test
    void denseIntegerKeyGetsComputedBoundariesWithoutTheWalk() throws Exception {
        try (Connection c = mariaConn()) {
            Db.exec(c, "CREATE TABLE dense (id INT UNSIGNED PRIMARY KEY, v VARCHAR(20))");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dense VALUES (?, ?)")) {
                for (int i = 1; i <= 6000; i++) {
                    if (i % 7 != 0) {
                        ps.setInt(1, i);
                        ps.setString(2, "d" + i);
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            Db.exec(c, "ANALYZE TABLE dense");
        }
        try (Connection c = pgConn()) {
            Db.exec(c, "CREATE TABLE pdense (id bigint PRIMARY KEY, v text)",
                    "INSERT INTO pdense SELECT i, 'd' || i FROM generate_series(1, 6000) i WHERE i % 7 <> 0",
                    "ANALYZE pdense");
        }
        for (boolean pgSource : new boolean[] {false, true}) {
            String table = pgSource ? "pdense" : "dense";
            ch.query("CREATE TABLE " + table + "_scratch (id UInt64, v String) ENGINE = MergeTree ORDER BY id");
            ch.query("CREATE TABLE " + table + "_full (id UInt64, v String) ENGINE = MergeTree ORDER BY id");
            Path cp = ItHome.scratch("dense");
            Map<String, Object> failing = Map.of("chunkRows", 500, "checkpoint", Map.of("path", cp.toString(), "id",
                    table), "testHook", Map.of("failAfterChunks", 1));
            JobResult failed = ItHome.run(pgSource ? pgReader(table, failing) : mariaReader(table, failing),
                    writer(table + "_scratch", Map.of()), 2);
            assertFalse(failed.isSuccess());
            List<String> his = new ArrayList<>();
            com.alibaba.fastjson2.JSONArray chunks = com.alibaba.fastjson2.JSON.parseObject(
                    Files.readString(cp.resolve(table + "/full-plan.json"))).getJSONArray("0-0");
            for (int i = 0; i < chunks.size(); i++) {
                com.alibaba.fastjson2.JSONArray hi = chunks.getJSONObject(i).getJSONArray("hi");
                his.add(hi == null ? null : hi.getString(0));
            }
            List<String> expected = new ArrayList<>();
            for (int b = 500; b < 6000; b += 500) {
                expected.add(Integer.toString(b));
            }
            expected.add(null);
            assertEquals(expected, his, table + ": computed boundaries");

            ok(ItHome.run(pgSource ? pgReader(table, Map.of("chunkRows", 500)) : mariaReader(table,
                    Map.of("chunkRows", 500)), writer(table + "_full", Map.of()), 3));
            List<List<String>> src;
            try (Connection c = pgSource ? pgConn() : mariaConn()) {
                src = Db.rows(c, "SELECT id, v FROM " + table);
            }
            Db.assertSameRows(src, Db.tsv(ch.query("SELECT id, v FROM " + table + "_full FORMAT TabSeparated")), table);
        }
    }

    @Test
    void watermarkRunsPickUpOnlyNewRowsAndCommitOnlyOnSuccess() throws Exception {
        try (Connection c = mariaConn()) {
            Db.exec(c, "CREATE TABLE wm (id INT PRIMARY KEY, v VARCHAR(10), updated DATETIME(6) NOT NULL)",
                    "INSERT INTO wm VALUES (1,'a','2024-01-01 00:00:00.000001'),(2,'b','2024-01-01 00:00:00.000002'),"
                            + "(3,'c','2024-01-02 00:00:00')");
        }
        ch.query("CREATE TABLE wm_t (id Int32, v String, updated String) ENGINE = MergeTree ORDER BY id");
        Path cp = ItHome.scratch("wm");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("mode", "watermark");
        params.put("watermark", Map.of("column", "updated"));
        params.put("checkpoint", Map.of("path", cp.toString(), "id", "wm1"));
        ok(ItHome.run(mariaReader("wm", params), writer("wm_t", Map.of()), 2));
        assertEquals("3", ch.query("SELECT count() FROM wm_t").trim());
        assertEquals("2024-01-02 00:00:00.000000", Files.readString(cp.resolve("wm1/watermark-0-0.json")));

        try (Connection c = mariaConn()) {
            Db.exec(c, "INSERT INTO wm VALUES (4,'d','2024-01-02 00:00:00.000001'),(5,'e','2024-01-03 00:00:00')",
                    "UPDATE wm SET v = 'a2', updated = '2024-01-05 00:00:00' WHERE id = 1");
        }
        // A failing run reads rows but must not move the watermark.
        Map<String, Object> failing = new LinkedHashMap<>(params);
        failing.put("testHook", Map.of("failAfterChunks", 1));
        ch.query("CREATE TABLE wm_scratch (id Int32, v String, updated String) ENGINE = MergeTree ORDER BY id");
        assertFalse(ItHome.run(mariaReader("wm", failing), writer("wm_scratch", Map.of()), 1).isSuccess());
        assertEquals("2024-01-02 00:00:00.000000", Files.readString(cp.resolve("wm1/watermark-0-0.json")));

        ok(ItHome.run(mariaReader("wm", params), writer("wm_t", Map.of()), 2));
        assertEquals(List.of(List.of("1", "a", "2024-01-01 00:00:00.000001"), List.of("1", "a2", "2024-01-05 00:00:00.000000"),
                List.of("2", "b", "2024-01-01 00:00:00.000002"), List.of("3", "c", "2024-01-02 00:00:00.000000"),
                List.of("4", "d", "2024-01-02 00:00:00.000001"), List.of("5", "e", "2024-01-03 00:00:00.000000")),
                Db.tsv(ch.query("SELECT id, v, updated FROM wm_t ORDER BY id, updated FORMAT TabSeparated")));
        // Nothing new: an empty run keeps the watermark.
        ok(ItHome.run(mariaReader("wm", params), writer("wm_t", Map.of()), 2));
        assertEquals("6", ch.query("SELECT count() FROM wm_t").trim());
        assertEquals("2024-01-05 00:00:00.000000", Files.readString(cp.resolve("wm1/watermark-0-0.json")));
    }

    @Test
    void badInputsFailWithNamedErrors() throws Exception {
        ch.query("CREATE TABLE IF NOT EXISTS bad_t (x String) ENGINE = MergeTree ORDER BY x");
        JobResult unknown = ItHome.run(mariaReader("no_such_table", Map.of()), writer("bad_t", Map.of()), 1);
        assertFalse(unknown.isSuccess());
        assertTrue(unknown.errorMessage().contains("AuroraReader-03") && unknown.errorMessage().contains("no_such_table"),
                unknown.errorMessage());

        Map<String, Object> badPw = mariaReader("skew", Map.of());
        badPw.put("password", "wrong");
        JobResult auth = ItHome.run(badPw, writer("bad_t", Map.of()), 1);
        assertTrue(auth.errorMessage().contains("AuroraReader-02"), auth.errorMessage());
        assertFalse(auth.errorMessage().contains("wrong"), "the password is never shown");

        JobResult col = ItHome.run(mariaReader("skew", Map.of("column", List.of("a", "nope"))), writer("bad_t", Map.of()), 1);
        assertTrue(col.errorMessage().contains("AuroraReader-04") && col.errorMessage().contains("nope"), col.errorMessage());

        JobResult pgUnknown = ItHome.run(pgReader("public.nope", Map.of()), writer("bad_t", Map.of()), 1);
        assertTrue(pgUnknown.errorMessage().contains("AuroraReader-03"), pgUnknown.errorMessage());

        Map<String, Object> refused = mariaReader("skew", Map.of("connectTimeoutSeconds", 2));
        refused.put("connection", List.of(Map.of("jdbcUrl", List.of("jdbc:mysql://127.0.0.1:1/chpack"), "table", List.of("skew"))));
        JobResult down = ItHome.run(refused, writer("bad_t", Map.of()), 1);
        assertTrue(down.errorMessage().contains("AuroraReader-01"), down.errorMessage());

        JobResult mode = ItHome.run(mariaReader("skew", Map.of("mode", "snapshot")), writer("bad_t", Map.of()), 1);
        assertTrue(mode.errorMessage().contains("AuroraReader-00") && mode.errorMessage().contains("mode"),
                mode.errorMessage());
    }
}
