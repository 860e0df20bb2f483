package io.chpack.clickhousewriter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.chpack.runner.JobResult;
import io.chpack.testkit.ClickHouseServer;
import io.chpack.testkit.Wait;
import io.chpack.testkit.ZooKeeperServer;

/**
 * dedup and staging modes against ClickHouse 18.16 with ZooKeeper (ReplicatedMergeTree on one node): reruns,
 * append/overwrite, cleanup, and the server killed mid-job at several points then restarted.
 */
@Timeout(300)
class ExactlyOnceIT {
    static ZooKeeperServer zk;
    static ClickHouseServer ch;
    @TempDir
    Path dir;

    /** Two slices, each unique rows: id 1..n and a per-slice seeded random payload. */
    static final String COLS = "[{\"type\":\"long\",\"incr\":\"1\"},{\"type\":\"long\",\"random\":\"0,1000000000000\"},"
            + "{\"type\":\"string\",\"random\":\"5,20\"}]";
    static final String DDL_COLS = "(id UInt64, r Int64, s String)";

    @BeforeAll
    static void start() {
        zk = ZooKeeperServer.start();
        ch = ClickHouseServer.builder().extraConfig("<zookeeper><node><host>127.0.0.1</host><port>" + zk.port()
                + "</port></node></zookeeper>").start();
    }

    @AfterAll
    static void stop() {
        if (ch != null) {
            ch.close();
        }
        if (zk != null) {
            zk.close();
        }
    }

    private static void replicated(String table) {
        ch.query("DROP TABLE IF EXISTS " + table);
        ch.query("CREATE TABLE " + table + " " + DDL_COLS + " ENGINE = ReplicatedMergeTree('/clickhouse/tables/"
                + table + "_" + System.nanoTime() + "', 'r1') ORDER BY id");
    }

    private static void plain(String table, String partitionBy) {
        ch.query("DROP TABLE IF EXISTS " + table);
        ch.query("CREATE TABLE " + table + " " + DDL_COLS + " ENGINE = MergeTree()"
                + (partitionBy == null ? "" : " PARTITION BY " + partitionBy) + " ORDER BY id");
    }

    private static String fingerprint(String table) {
        return ch.query("SELECT count(), sum(cityHash64(id, r, s)) FROM " + table).trim();
    }

    private String writer(String table, String extra) {
        return Jobs.writer(ch.jdbcUrl("default"), table, "[\"id\",\"r\",\"s\"]", extra);
    }

    @Test
    void dedupRerunIntoReplicatedTableAddsNothing() {
        replicated("dd");
        plain("dd_ref", null);
        WriterHome home = new WriterHome(dir);
        assertTrue(home.run(Jobs.stream(2, 3000, COLS, writer("dd_ref", "\"batchSize\":500"))).isSuccess());
        String job = Jobs.stream(2, 3000, COLS, writer("dd", "\"mode\":\"dedup\",\"batchSize\":500"));
        JobResult first = home.run(job);
        assertTrue(first.isSuccess(), first::toString);
        assertEquals(fingerprint("dd_ref"), fingerprint("dd"));
        JobResult again = home.run(job);
        assertTrue(again.isSuccess(), again::toString);
        assertEquals(fingerprint("dd_ref"), fingerprint("dd"), "the rerun's identical blocks were dropped");
    }

    @Test
    void dedupOnPlainMergeTreeCannotDeduplicateAndSaysSo() {
        plain("dd_plain", null);
        WriterHome home = new WriterHome(dir);
        String job = Jobs.stream(1, 1000, COLS, writer("dd_plain", "\"mode\":\"dedup\",\"batchSize\":500"));
        assertTrue(home.run(job).isSuccess());
        assertTrue(home.run(job).isSuccess());
        // As documented and warned at prepare: 18.16's plain MergeTree keeps both copies.
        assertEquals("2000", ch.query("SELECT count() FROM dd_plain").trim());
    }

    @Test
    void stagingAppendAddsAndOverwriteReplacesPartitions() {
        plain("st", "id % 4");
        plain("st_ref", null);
        ch.query("INSERT INTO st VALUES (1000001, 1, 'keep-me')"); // partition 1: replaced by overwrite
        ch.query("INSERT INTO st VALUES (1000003, 3, 'keep-me-too')"); // partition 3 too
        WriterHome home = new WriterHome(dir);
        assertTrue(home.run(Jobs.stream(2, 2000, COLS, writer("st_ref", ""))).isSuccess());
        String append = Jobs.stream(2, 2000, COLS, writer("st", "\"mode\":\"staging\",\"batchSize\":700"));
        JobResult r = home.run(append);
        assertTrue(r.isSuccess(), r::toString);
        assertEquals("4002", ch.query("SELECT count() FROM st").trim());
        assertTrue(home.run(append).isSuccess());
        assertEquals("8002", ch.query("SELECT count() FROM st").trim());
        String overwrite = Jobs.stream(2, 2000, COLS, writer("st", "\"mode\":\"staging\",\"stagingMode\":\"overwrite\""));
        assertTrue(home.run(overwrite).isSuccess());
        assertEquals(fingerprint("st_ref"), fingerprint("st"), "every partition the job wrote was replaced");
        assertTrue(home.run(overwrite).isSuccess());
        assertEquals(fingerprint("st_ref"), fingerprint("st"), "overwrite reruns are idempotent");
        assertEquals("0", ch.query("SELECT count() FROM system.tables WHERE name LIKE '\\\\_\\\\_chpack\\\\_stage%'").trim());
    }

    @Test
    void failedStagingJobLeavesTargetUntouchedAndDropsItsStaging() {
        plain("sf", null);
        ch.query("INSERT INTO sf VALUES (1, 1, 'before')");
        // A stale staging table of a killed run (older than stagingStaleMinutes=0) is dropped at prepare.
        ch.query("CREATE TABLE __chpack_stage_sf_20000101000000_dead AS sf");
        WriterHome home = new WriterHome(dir);
        String bad = "[{\"type\":\"string\",\"value\":\"not-a-number\"},{\"type\":\"long\",\"value\":\"1\"},"
                + "{\"type\":\"string\",\"value\":\"x\"}]";
        String job = "{\"job\":{\"setting\":{\"speed\":{\"channel\":1},\"errorLimit\":{\"record\":0}},"
                + "\"content\":[{\"reader\":{\"name\":\"streamreader\",\"parameter\":{\"sliceRecordCount\":10,"
                + "\"column\":" + bad + "}},\"writer\":{\"name\":\"clickhousewriter\",\"parameter\":"
                + writer("sf", "\"mode\":\"staging\",\"stagingStaleMinutes\":0") + "}}]}}";
        JobResult r = home.run(job);
        assertFalse(r.isSuccess());
        assertEquals("1", ch.query("SELECT count() FROM sf").trim());
        assertEquals("0", ch.query("SELECT count() FROM system.tables WHERE name LIKE '\\\\_\\\\_chpack\\\\_stage\\\\_sf%'").trim());
    }

    @Test
    void serverKilledMidJobDedupMode() throws Exception {
        killAndRestart("dedup", true);
    }

    @Test
    void serverKilledMidJobStagingMode() throws Exception {
        killAndRestart("staging", false);
    }

    /**
     * Five runs; in each the server is SIGKILLed once the target (or the staging tables) holds a given share of
     * the rows, then restarted at once. The job must succeed, or fail and succeed when rerun; either way the
     * target ends with exactly the source rows.
     */
    private void killAndRestart(String mode, boolean replicatedTarget) throws Exception {
        int slices = 2;
        int perSlice = 40_000;
        plain("k_ref_" + mode, null);
        WriterHome home = new WriterHome(dir);
        assertTrue(home.run(Jobs.stream(slices, perSlice, COLS, writer("k_ref_" + mode, ""))).isSuccess());
        String expected = fingerprint("k_ref_" + mode);
        // The source is throttled (10k records/s per channel, ~4 s a slice) so the last kill point still leaves
        // about 0.6 s of work: blocks land within one block of being generated, so a later point would race
        // the end of the job rather than test a kill.
        double[] points = {0.1, 0.3, 0.5, 0.7, 0.85};
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            String table = "k_" + mode + "_" + i;
            if (replicatedTarget) {
                replicated(table);
            } else {
                plain(table, null);
            }
            String job = Jobs.stream(slices, perSlice, COLS, writer(table, "\"mode\":\"" + mode + "\",\"batchSize\":2000,"
                    + "\"maxRetries\":40,\"retryBackoffMs\":100,\"maxRetryBackoffMs\":1000,\"jobId\":\"kill_" + mode
                    + "_" + i + "\""), "\"core\":{\"transport\":{\"channel\":{\"speed\":{\"record\":10000}}}},");
            CompletableFuture<JobResult> run = CompletableFuture.supplyAsync(() -> home.run(job));
            long threshold = (long) (points[i] * slices * perSlice);
            String progress = "staging".equals(mode)
                    ? "SELECT sum(rows) FROM system.parts WHERE active AND table LIKE '\\\\_\\\\_chpack\\\\_stage\\\\_" + table + "%'"
                    : "SELECT count() FROM " + table;
            Wait.until("progress " + threshold + " rows in " + table, Duration.ofSeconds(60),
                    () -> run.isDone() || written(progress) >= threshold);
            assertFalse(run.isDone(), "the job finished before the kill point; slow it down");
            ch.kill();
            ch.restart();
            JobResult r = run.get(120, TimeUnit.SECONDS);
            String outcome = r.isSuccess() ? "completed" : "failed, rerun";
            if (!r.isSuccess()) {
                JobResult rerun = home.run(job);
                assertTrue(rerun.isSuccess(), rerun::toString);
            }
            outcomes.add(points[i] + ": " + outcome);
            assertEquals(expected, fingerprint(table), "kill at " + points[i] + " (" + outcome + ")");
        }
        System.out.println("kill/restart " + mode + ": " + outcomes);
    }

    private static long written(String sql) {
        try {
            String v = ch.query(sql).trim();
            return v.isEmpty() || v.equals("\\N") ? 0 : Long.parseLong(v);
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
