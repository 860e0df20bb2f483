package io.chpack.aurorareader.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.chpack.runner.JobResult;
import io.chpack.testkit.ClickHouseServer;
import io.chpack.testkit.MariaDbServer;
import io.chpack.testkit.PostgresServer;

/**
 * Snapshot → CDC hand-off ({@code cdc.captureStart}) through the engine with the shaded plugin jar: a full load
 * runs while a writer thread keeps inserting, updating, deleting and re-inserting rows (free-running, plus a
 * {@code testHook.afterChunk} that holds each task after every chunk until the writer finished rounds that began
 * after that chunk, so changes certainly fall between the captured position and later chunk reads, into rows of
 * chunks already read and of chunks still to read). The snapshot goes into a ClickHouse 18.16
 * ReplacingMergeTree(_version) with version 0, a {@code mode: cdc} run adds the changes with their versions; the
 * table read with FINAL and {@code _is_deleted = 0} must equal the source at the end. MariaDB (binlog) and
 * PostgreSQL (pgoutput, slot created by the full load). A failing full load commits no position, and its rerun
 * (a resume) commits the position the failed run captured.
 */
class CdcHandOffIT {
    static MariaDbServer maria;
    static PostgresServer pg;
    static ClickHouseServer ch;
    static final int ROWS = 3000;
    static final List<String> DATA = List.of("id", "v", "n");
    static final List<String> ALL = List.of("id", "v", "n", "_op", "_version", "_is_deleted", "_source_ts");

    @BeforeAll
    static void start() {
        maria = MariaDbServer.start();
        pg = PostgresServer.start();
        ch = ClickHouseServer.start();
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

    /** The SQL of one source kind. */
    enum Kind {
        MARIA("INSERT INTO %s (id, v, n) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE v = VALUES(v), n = n + 1"),
        PG("INSERT INTO %s AS t (id, v, n) VALUES (?, ?, 1) ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v, n = t.n + 1");

        final String upsert;

        Kind(String upsert) {
            this.upsert = upsert;
        }

        Connection connect() throws SQLException {
            return this == MARIA ? Db.connect(maria.jdbcUrl(), "root", maria.rootPassword())
                    : Db.connect(pg.jdbcUrl(), pg.user(), pg.password());
        }

        Map<String, Object> reader(String table, Map<String, Object> extra) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("username", this == MARIA ? "root" : pg.user());
            p.put("password", this == MARIA ? maria.rootPassword() : pg.password());
            p.put("column", List.of("*"));
            p.put("connection", List.of(Map.of("jdbcUrl", List.of(this == MARIA ? maria.jdbcUrl() : pg.jdbcUrl()),
                    "table", List.of(table))));
            p.putAll(extra);
            return p;
        }

        void createSource(String table) throws SQLException {
            try (Connection c = connect()) {
                Db.exec(c, "CREATE TABLE " + table + " (id INT PRIMARY KEY, v VARCHAR(60), n INT NOT NULL)");
                if (this == PG) {
                    Db.exec(c, "ALTER TABLE " + table + " REPLICA IDENTITY FULL");
                }
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?)")) {
                    // even ids: the writer's odd ids land between existing rows of every chunk
                    for (int i = 1; i <= ROWS; i++) {
                        ps.setInt(1, 2 * i);
                        ps.setString(2, i % 9 == 0 ? null : "row-" + i + "-é✓");
                        ps.setInt(3, 0);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
                c.setAutoCommit(true);
                Db.exec(c, this == MARIA ? "ANALYZE TABLE " + table : "ANALYZE " + table);
            }
        }
    }

    /**
     * Keeps changing the table (upserts of new, existing and deleted ids, updates, deletes, multi-statement
     * transactions) until stopped; counts completed rounds so a hook can wait for rounds begun after it was called.
     */
    static final class ChangeWriter implements Runnable {
        final Kind kind;
        final String table;
        final Random random = new Random(42);
        final Object lock = new Object();
        volatile boolean stop;
        long rounds;
        Throwable failure;
        final Thread thread;

        ChangeWriter(Kind kind, String table) {
            this.kind = kind;
            this.table = table;
            this.thread = new Thread(this, "change-writer-" + table);
        }

        ChangeWriter startWriting() {
            thread.start();
            return this;
        }

        @Override
        public void run() {
            try (Connection c = kind.connect();
                    PreparedStatement upsert = c.prepareStatement(String.format(kind.upsert, table));
                    PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET v = ?, n = n + 1 WHERE id = ?");
                    PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
                long r = 0;
                while (!stop) {
                    r++;
                    boolean tx = r % 4 == 0;
                    if (tx) {
                        c.setAutoCommit(false);
                    }
                    int span = 2 * ROWS + 200; // beyond the initial maximum too (the open last chunk)
                    upsert.setInt(1, 1 + random.nextInt(span));
                    upsert.setString(2, r % 7 == 0 ? null : "ins-" + r + "-ü");
                    upsert.executeUpdate();
                    update.setString(1, r % 5 == 0 ? null : "upd-" + r);
                    update.setInt(2, 1 + random.nextInt(span));
                    update.executeUpdate();
                    delete.setInt(1, 1 + random.nextInt(span));
                    delete.executeUpdate();
                    if (tx) {
                        if (r % 8 == 0) {
                            c.rollback(); // never visible, never in the log
                        } else {
                            c.commit();
                        }
                        c.setAutoCommit(true);
                    }
                    synchronized (lock) {
                        rounds = r;
                        lock.notifyAll();
                    }
                }
            } catch (Throwable t) {
                synchronized (lock) {
                    failure = t;
                    lock.notifyAll();
                }
            }
        }

        long rounds() {
            synchronized (lock) {
                return rounds;
            }
        }

        /** Blocks until {@code more} further rounds have completed (so at least {@code more - 1} began after the call). */
        void awaitRounds(long more) {
            synchronized (lock) {
                long target = rounds + more;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (rounds < target && failure == null) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new IllegalStateException("the change writer did not complete " + more + " rounds in 60 s");
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(lock, left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
                if (failure != null) {
                    throw new IllegalStateException("the change writer failed", failure);
                }
            }
        }

        void finish() throws Exception {
            stop = true;
            thread.join(TimeUnit.SECONDS.toMillis(60));
            assertFalse(thread.isAlive(), "change writer stopped");
            if (failure != null) {
                throw new AssertionError("the change writer failed", failure);
            }
        }
    }

    static Map<String, Object> writer(String table, List<String> columns) {
        // _source_ts carries milliseconds (PostgreSQL commit time); 18.16's DateTime has whole seconds
        return ItHome.clickhouseWriter(ch.jdbcUrl("default"), table, Map.of("column", columns,
                "dateTimeRounding", "truncate"));
    }

    static void createTarget(String table) {
        ch.query("CREATE TABLE " + table + " (id Int32, v Nullable(String), n Int32, _op String, _version UInt64, "
                + "_is_deleted UInt8, _source_ts DateTime) ENGINE = ReplacingMergeTree(_version) ORDER BY id");
    }

    static List<List<String>> source(Kind kind, String table) throws SQLException {
        try (Connection c = kind.connect()) {
            return Db.rows(c, "SELECT id, v, n FROM " + table + " ORDER BY id");
        }
    }

    static List<List<String>> target(String table) {
        return Db.tsv(ch.query("SELECT id, v, n FROM " + table + " FINAL WHERE _is_deleted = 0 ORDER BY id "
                + "FORMAT TabSeparated"));
    }

    static void ok(JobResult r) {
        assertTrue(r.isSuccess(), () -> "job failed: " + r.errorMessage());
    }

    static String stored(Path checkpoints, String id, String key) throws Exception {
        Path f = checkpoints.resolve(id).resolve(key + ".json");
        return Files.exists(f) ? new String(Files.readAllBytes(f), StandardCharsets.UTF_8).trim() : null;
    }

    @Test
    void mariadbSnapshotWithConcurrentChangesThenCdcEqualsSource() throws Exception {
        snapshotThenCdc(Kind.MARIA, "ho_maria", Map.of("captureStart", true));
    }

    @Test
    void postgresSnapshotWithConcurrentChangesThenCdcEqualsSource() throws Exception {
        // The slot does not exist before the full load: captureStart creates it before the snapshot.
        snapshotThenCdc(Kind.PG, "ho_pg", Map.of("captureStart", true, "createSlot", true, "slot", "ho_slot",
                "publication", "ho_pub"));
        try (Connection c = Kind.PG.connect()) {
            assertEquals(List.of(List.of("pgoutput")), Db.rows(c,
                    "SELECT plugin FROM pg_replication_slots WHERE slot_name = 'ho_slot'"));
        }
    }

    private void snapshotThenCdc(Kind kind, String table, Map<String, Object> cdc) throws Exception {
        kind.createSource(table);
        createTarget(table);
        Path checkpoints = ItHome.scratch("handoff-" + table);
        Map<String, Object> checkpoint = Map.of("type", "file", "path", checkpoints.toString(), "id", table);

        ChangeWriter changes = new ChangeWriter(kind, table);
        AtomicInteger chunks = new AtomicInteger();
        long[] roundsAtFirstChunk = {-1};
        String hookName = "chpack.it.handoff." + table;
        Consumer<String> hook = chunkId -> {
            if (chunks.getAndIncrement() == 0) {
                roundsAtFirstChunk[0] = changes.rounds();
            }
            changes.awaitRounds(2);
        };
        System.getProperties().put(hookName, hook);
        JobResult full;
        try {
            changes.startWriting();
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("chunkRows", 150);
            p.put("checkpoint", checkpoint);
            p.put("cdc", cdc);
            p.put("testHook", Map.of("afterChunk", hookName));
            full = ItHome.run(kind.reader(table, p), writer(table, DATA), 2);
        } finally {
            changes.finish();
            System.getProperties().remove(hookName);
        }
        ok(full);
        assertTrue(chunks.get() >= 20, "every chunk passed the hook: " + chunks.get());
        // two tasks: each calls the hook after each of its chunks, one after the other (≥ chunks/2 calls each)
        assertTrue(changes.rounds() - roundsAtFirstChunk[0] >= chunks.get() - 2,
                "the writer changed rows between the chunk reads: " + changes.rounds() + " rounds");
        String committed = stored(checkpoints, table, "cdc.position");
        assertTrue(committed != null && committed.startsWith(kind == Kind.MARIA ? "binlog:" : "lsn:"),
                "the full load committed its CDC start: " + committed);
        assertEquals(null, stored(checkpoints, table, "cdc-handoff-pending"), "pending hand-off cleared in post");

        List<List<String>> end = source(kind, table);
        // The snapshot alone is stale: without the changes after the captured position the test proves nothing.
        assertNotEquals(end, target(table), "the source changed during the snapshot");

        ok(ItHome.run(kind.reader(table, Map.of("mode", "cdc", "checkpoint", checkpoint, "cdc", cdc)),
                writer(table, ALL), 1));
        Db.assertSameRows(end, target(table), table + ": snapshot + CDC (last version wins, deletes removed)");
        assertEquals(end.size(), target(table).size());
    }

    @Test
    void failedFullLoadCommitsNoPositionAndItsResumeKeepsTheFirstCapture() throws Exception {
        Kind kind = Kind.MARIA;
        String table = "ho_fail";
        kind.createSource(table);
        createTarget(table);
        Path checkpoints = ItHome.scratch("handoff-fail");
        Map<String, Object> checkpoint = Map.of("type", "file", "path", checkpoints.toString(), "id", table);
        Map<String, Object> cdc = Map.of("captureStart", true);

        // Several instances: a chunk could be read on a lagging replica; refused before anything is captured.
        Map<String, Object> twoUrls = kind.reader(table, Map.of("checkpoint", checkpoint, "cdc", cdc));
        twoUrls.put("connection", List.of(Map.of("jdbcUrl", List.of(maria.jdbcUrl(), maria.jdbcUrl() + "?x=1"),
                "table", List.of(table))));
        JobResult refusedUrls = ItHome.run(twoUrls, writer(table, DATA), 1);
        assertFalse(refusedUrls.isSuccess());
        assertTrue(refusedUrls.errorMessage().contains("AuroraReader-00")
                && refusedUrls.errorMessage().contains("cdc.captureStart"), refusedUrls.errorMessage());
        assertEquals(null, stored(checkpoints, table, "cdc-handoff-pending"));

        JobResult failed = ItHome.run(kind.reader(table, Map.of("chunkRows", 300, "checkpoint", checkpoint, "cdc", cdc,
                "testHook", Map.of("failAfterChunks", 1))), writer(table, DATA), 2);
        assertFalse(failed.isSuccess());
        assertTrue(failed.errorMessage().contains("AuroraReader-99"), failed.errorMessage());
        assertEquals(null, stored(checkpoints, table, "cdc.position"), "a failed full load commits no CDC position");
        String firstCapture = stored(checkpoints, table, "cdc-handoff-pending");
        assertTrue(firstCapture != null && firstCapture.startsWith("binlog:"), String.valueOf(firstCapture));
        JobResult refused = ItHome.run(kind.reader(table, Map.of("mode", "cdc", "checkpoint", checkpoint)),
                writer(table, ALL), 1);
        assertFalse(refused.isSuccess());
        assertTrue(refused.errorMessage().contains("captureStart"), refused.errorMessage());

        // Changes between the failed run and its rerun: after the first capture, so CDC from it replays them.
        try (Connection c = kind.connect()) {
            Db.exec(c, "UPDATE " + table + " SET v = 'between runs', n = n + 1 WHERE id % 10 = 0",
                    "DELETE FROM " + table + " WHERE id % 14 = 0",
                    "INSERT INTO " + table + " VALUES (1, 'new between runs', 7), (6003, 'past the end', 8)");
        }
        String now;
        try (Connection c = kind.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW MASTER STATUS")) {
            rs.next();
            now = "binlog:" + rs.getString(1) + ":" + rs.getLong(2);
        }
        assertNotEquals(firstCapture, now, "the log moved between the runs");

        ok(ItHome.run(kind.reader(table, Map.of("chunkRows", 300, "checkpoint", checkpoint, "cdc", cdc)),
                writer(table, DATA), 2));
        assertEquals(firstCapture, stored(checkpoints, table, "cdc.position"),
                "the resumed load commits the position captured before its first chunk");
        assertEquals(null, stored(checkpoints, table, "cdc-handoff-pending"));

        try (Connection c = kind.connect()) {
            Db.exec(c, "DELETE FROM " + table + " WHERE id = 1", "UPDATE " + table + " SET v = NULL WHERE id = 6003");
        }
        ok(ItHome.run(kind.reader(table, Map.of("mode", "cdc", "checkpoint", checkpoint)), writer(table, ALL), 1));
        List<List<String>> end = source(kind, table);
        Db.assertSameRows(end, target(table), table + ": resumed snapshot + CDC");
        List<String> ids = new ArrayList<>();
        for (List<String> r : target(table)) {
            ids.add(r.get(0));
        }
        assertFalse(ids.contains("1"));
        assertTrue(ids.contains("6003"));
    }
}
