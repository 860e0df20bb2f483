package io.chpack.clickhousewriter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.chpack.runner.JobResult;
import io.chpack.testkit.ClickHouseCluster;
import io.chpack.testkit.Wait;

/**
 * Cluster mode on the real 2 shards x 2 replicas 18.16 cluster (+ ZooKeeper): rows written shard by shard must
 * land exactly where the server's own Distributed routing puts the same rows (per-shard checksums against a
 * reference table filled through a Distributed table), weights, a replica killed mid-job, refusal and fallback for
 * an unsupported key, internal_replication=false, ZooKeeper discovery from one seed, staging and its commit lock.
 *
 * <p>Extra clusters over the same four nodes are added to every node's remote_servers after start (ports are
 * known only then; the config's mtime makes the servers reload it): {@code chpack_w13} (weights 1 and 3),
 * {@code chpack_fanout} (internal_replication=false) and {@code chpack_one} (only replica 1 of each shard listed).
 */
@Timeout(600)
class ClusterIT {
    static ClickHouseCluster cluster;
    @TempDir
    Path dir;
    private WriterHome home;

    private WriterHome home() {
        if (home == null) {
            home = new WriterHome(dir);
        }
        return home;
    }

    /** Seeded per slice by streamreader: the same job yields the same rows. */
    static final String COLS = "[{\"type\":\"long\",\"value\":\"%d\"},{\"type\":\"long\",\"incr\":\"1\"},"
            + "{\"type\":\"long\",\"random\":\"-1000000000000,1000000000000\"},{\"type\":\"string\",\"random\":\"0,24\"}]";
    static final String DDL = "(x UInt8, id UInt64, r Int64, s String)";
    static final String SUM = "count(), sum(cityHash64(x, id, r, s))";

    @BeforeAll
    static void start() throws IOException {
        cluster = ClickHouseCluster.start();
        addClusters();
        onCluster("CREATE TABLE default.rt_local ON CLUSTER chpack " + DDL + " ENGINE = ReplicatedMergeTree("
                + "'/clickhouse/tables/{shard}/default/rt_local', '{replica}') ORDER BY (x, id)");
        onCluster("CREATE TABLE default.rt_ref ON CLUSTER chpack " + DDL + " ENGINE = ReplicatedMergeTree("
                + "'/clickhouse/tables/{shard}/default/rt_ref', '{replica}') ORDER BY (x, id)");
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static void onCluster(String ddl) {
        cluster.node(1, 1).query(ddl);
    }

    private static String jdbcUrl(List<ClickHouseCluster.Node> nodes) {
        StringBuilder b = new StringBuilder("jdbc:clickhouse://");
        for (int i = 0; i < nodes.size(); i++) {
            b.append(i == 0 ? "" : ",").append("127.0.0.1:").append(nodes.get(i).httpPort());
        }
        return b.append("/default").toString();
    }

    private String job(String table, int slices, long rows, int x, String extra) {
        return job(jdbcUrl(cluster.nodes()), table, slices, rows, x, extra, "");
    }

    private String job(String url, String table, int slices, long rows, int x, String extra, String top) {
        return Jobs.stream(slices, rows, String.format(COLS, x), Jobs.writer(url, table, "[\"x\",\"id\",\"r\",\"s\"]",
                extra), top);
    }

    /** Per shard (node(s,1) after SYNC REPLICA): count and checksum of x's rows in a local table. */
    private static String perShard(String localTable, int x) {
        cluster.syncReplicas("default." + localTable);
        StringBuilder b = new StringBuilder();
        for (int s = 1; s <= 2; s++) {
            b.append("shard ").append(s).append(": ").append(cluster.node(s, 1).query("SELECT " + SUM + " FROM default."
                    + localTable + " WHERE x = " + x).trim()).append("; ");
        }
        return b.toString();
    }

    private static long count(ClickHouseCluster.Node n, String table, int x) {
        return Long.parseLong(n.query("SELECT count() FROM default." + table + " WHERE x = " + x).trim());
    }

    /**
     * Writes x's rows through the writer into a Distributed table over rt_local, re-inserts the very rows through a
     * Distributed table with the same key over rt_ref (server routing, synchronously), and compares per shard.
     */
    private long[] routeLikeTheServer(int x, String clusterName, String key) {
        String d = "rt_d" + x;
        String ref = "rt_refd" + x;
        cluster.node(1, 1).query("CREATE TABLE default." + d + " " + DDL + " ENGINE = Distributed(" + clusterName
                + ", default, rt_local, " + key + ")");
        cluster.node(1, 1).query("CREATE TABLE default." + ref + " " + DDL + " ENGINE = Distributed(" + clusterName
                + ", default, rt_ref, " + key + ")");
        JobResult r = home().run(job(d, 2, 4000, x, "\"mode\":\"dedup\",\"batchSize\":1500"));
        assertTrue(r.isSuccess(), r::toString);
        cluster.syncReplicas("default.rt_local");
        cluster.node(1, 1).server().query("INSERT INTO default." + ref + " SELECT * FROM default." + d + " WHERE x = "
                + x, Map.of("insert_distributed_sync", "1"));
        String mine = perShard("rt_local", x);
        assertEquals(perShard("rt_ref", x), mine, "key " + key + " on " + clusterName);
        long[] rows = {count(cluster.node(1, 1), "rt_local", x), count(cluster.node(2, 1), "rt_local", x)};
        assertEquals(8000, rows[0] + rows[1], mine);
        assertTrue(rows[0] > 0 && rows[1] > 0, "both shards get rows: " + mine);
        return rows;
    }

    @Test
    void rowsLandWhereTheServersShardingExpressionPutsThem() {
        routeLikeTheServer(1, "chpack", "cityHash64(s)");
        routeLikeTheServer(2, "chpack", "r"); // a plain (signed) column
        routeLikeTheServer(3, "chpack", "intHash64(id)");
        routeLikeTheServer(4, "chpack", "r % 7");
    }

    @Test
    void weightsAreHonoured() {
        long[] rows = routeLikeTheServer(5, "chpack_w13", "intHash64(id)");
        double ratio = (double) rows[1] / rows[0];
        assertTrue(ratio > 2.5 && ratio < 3.5, "weights 1:3 gave " + rows[0] + ":" + rows[1]);
    }

    @Test
    void unsupportedKeyIsRefusedNamingItAndFallbackWritesThroughTheDistributedTable() {
        // ON CLUSTER: the fallback writes through the Distributed table on every host of the URL.
        onCluster("CREATE TABLE default.rt_d6 ON CLUSTER chpack " + DDL + " ENGINE = Distributed(chpack, default, "
                + "rt_local, cityHash64(lower(s)))");
        WriterHome home = home();
        JobResult refused = home.run(job("rt_d6", 1, 100, 6, ""));
        assertFalse(refused.isSuccess());
        assertTrue(refused.errorMessage().contains("cityHash64(lower(s))"), refused.errorMessage());
        assertTrue(refused.errorMessage().contains("distributedFallback"), refused.errorMessage());
        JobResult fallback = home.run(job("rt_d6", 2, 1000, 6, "\"distributedFallback\":true,"
                + "\"settings\":{\"insert_distributed_sync\":1}"));
        assertTrue(fallback.isSuccess(), fallback::toString);
        cluster.syncReplicas("default.rt_local");
        assertEquals(2000, count(cluster.node(1, 1), "rt_local", 6) + count(cluster.node(2, 1), "rt_local", 6));
    }

    @Test
    void replicaKilledMidJobLosesAndDuplicatesNothing() throws Exception {
        onCluster("CREATE TABLE default.kill_local ON CLUSTER chpack " + DDL + " ENGINE = ReplicatedMergeTree("
                + "'/clickhouse/tables/{shard}/default/kill_local', '{replica}') ORDER BY (x, id)");
        onCluster("CREATE TABLE default.kill_d ON CLUSTER chpack " + DDL + " ENGINE = Distributed(chpack, default, "
                + "kill_local, cityHash64(id, r))");
        cluster.node(1, 1).query("CREATE TABLE default.kill_ref " + DDL + " ENGINE = MergeTree ORDER BY id");
        WriterHome home = home();
        // The same rows into a plain single-node table: the expected count and checksum.
        String url1 = "jdbc:clickhouse://127.0.0.1:" + cluster.node(1, 1).httpPort() + "/default";
        assertTrue(home.run(job(url1, "kill_ref", 2, 60_000, 7, "", "")).isSuccess());
        String expected = cluster.node(1, 1).query("SELECT " + SUM + " FROM default.kill_ref").trim();
        // Only shard 2's nodes are polled and the entry of the job: node (1,1) is the victim.
        String job = job(jdbcUrl(List.of(cluster.node(2, 1), cluster.node(1, 1), cluster.node(1, 2),
                cluster.node(2, 2))), "kill_d", 2, 60_000, 7, "\"mode\":\"dedup\",\"batchSize\":2000,\"maxRetries\":40,"
                        + "\"retryBackoffMs\":100,\"maxRetryBackoffMs\":1000",
                "\"core\":{\"transport\":{\"channel\":{\"speed\":{\"record\":15000}}}},");
        CompletableFuture<JobResult> run = CompletableFuture.supplyAsync(() -> home.run(job));
        ClickHouseCluster.Node watch = cluster.node(1, 2);
        Wait.until("a third of shard 1's rows", Duration.ofSeconds(60),
                () -> run.isDone() || count(watch, "kill_local", 7) >= 20_000);
        assertFalse(run.isDone(), () -> "the job finished before the kill point: " + run.join());
        cluster.node(1, 1).kill();
        JobResult r = run.get(180, TimeUnit.SECONDS);
        assertTrue(r.isSuccess(), r::toString);
        cluster.node(1, 1).restart();
        cluster.syncReplicas("default.kill_local");
        long total = 0;
        StringBuilder sums = new StringBuilder();
        for (int s = 1; s <= 2; s++) {
            ClickHouseCluster.Node first = cluster.node(s, 1);
            ClickHouseCluster.Node second = cluster.node(s, 2);
            // On 18.16 SYNC REPLICA on a just-restarted replica can return before it has pulled the replication
            // log, so the replicas converge a little later: wait for that (with a deadline), then compare.
            Wait.until("replicas of shard " + s + " converge", Duration.ofSeconds(120),
                    () -> sum(first, "kill_local").equals(sum(second, "kill_local")));
            String a = sum(first, "kill_local");
            String b = sum(second, "kill_local");
            assertEquals(a, b, "replicas of shard " + s + " agree");
            sums.append(a).append(' ');
            total += Long.parseLong(a.split("\t")[0]);
        }
        assertEquals(120_000, total, sums.toString());
        String all = cluster.node(2, 1).query("SELECT " + SUM + " FROM default.kill_d").trim();
        assertEquals(expected, all, "exactly the source rows");
    }

    private static String sum(ClickHouseCluster.Node node, String table) {
        return node.query("SELECT " + SUM + " FROM default." + table).trim();
    }

    @Test
    void internalReplicationFalseWritesEveryReplicaAndMustBeDeclaredOn1816() {
        onCluster("CREATE TABLE default.fan_local ON CLUSTER chpack " + DDL + " ENGINE = MergeTree ORDER BY id");
        cluster.node(1, 1).query("CREATE TABLE default.fan_d " + DDL + " ENGINE = Distributed(chpack_fanout, default, "
                + "fan_local, intHash64(id))");
        WriterHome home = home();
        JobResult refused = home.run(job("fan_d", 1, 100, 8, ""));
        assertFalse(refused.isSuccess());
        assertTrue(refused.errorMessage().contains("internalReplication"), refused.errorMessage());
        JobResult r = home.run(job("fan_d", 2, 3000, 8, "\"internalReplication\":\"false\""));
        assertTrue(r.isSuccess(), r::toString);
        long total = 0;
        for (int s = 1; s <= 2; s++) {
            String a = cluster.node(s, 1).query("SELECT " + SUM + " FROM default.fan_local").trim();
            assertEquals(a, cluster.node(s, 2).query("SELECT " + SUM + " FROM default.fan_local").trim(),
                    "every replica of shard " + s + " has the shard's rows");
            total += Long.parseLong(a.split("\t")[0]);
        }
        assertEquals(6000, total);
    }

    @Test
    void zooKeeperFindsReplicasFromOneSeed() {
        onCluster("CREATE TABLE default.zk_local ON CLUSTER chpack " + DDL + " ENGINE = ReplicatedMergeTree("
                + "'/clickhouse/tables/{shard}/default/zk_local', '{replica}') ORDER BY (x, id)");
        // chpack_one lists only replica 1 of each shard; shard 1's listed replica is down.
        cluster.node(2, 1).query("CREATE TABLE default.zk_d " + DDL + " ENGINE = Distributed(chpack_one, default, "
                + "zk_local, intHash64(id))");
        StringBuilder map = new StringBuilder("\"clusterHttpEndpoints\":{");
        for (ClickHouseCluster.Node n : cluster.nodes()) {
            map.append(n == cluster.nodes().get(0) ? "" : ",").append("\"127.0.0.1:").append(n.tcpPort())
                    .append("\":\"127.0.0.1:").append(n.httpPort()).append('"');
        }
        map.append('}');
        String seed = "jdbc:clickhouse://127.0.0.1:" + cluster.node(2, 1).httpPort() + "/default";
        cluster.node(1, 1).stop();
        try {
            WriterHome home = home();
            JobResult without = home.run(job(seed, "zk_d", 1, 100, 9, map.toString(), ""));
            assertFalse(without.isSuccess());
            assertTrue(without.errorMessage().contains("shard 1"), without.errorMessage());
            JobResult with = home.run(job(seed, "zk_d", 2, 2000, 9, map + ",\"zookeeper\":\""
                    + cluster.zookeeper().connectString() + "\"", ""));
            assertTrue(with.isSuccess(), with::toString);
            long s1 = count(cluster.node(1, 2), "zk_local", 9);
            long s2 = count(cluster.node(2, 1), "zk_local", 9);
            assertTrue(s1 > 0 && s2 > 0, s1 + " / " + s2);
            assertEquals(4000, s1 + s2);
        } finally {
            cluster.node(1, 1).restart();
        }
    }

    @Test
    void stagingCommitsShardByShardUnderTheZooKeeperLock() throws Exception {
        onCluster("CREATE TABLE default.st_local ON CLUSTER chpack " + DDL + " ENGINE = ReplicatedMergeTree("
                + "'/clickhouse/tables/{shard}/default/st_local', '{replica}') PARTITION BY id % 4 ORDER BY (x, id)");
        cluster.node(1, 1).query("CREATE TABLE default.st_d " + DDL + " ENGINE = Distributed(chpack, default, st_local, "
                + "intHash64(id))");
        String zk = cluster.zookeeper().connectString();
        String staging = "\"mode\":\"staging\",\"zookeeper\":\"" + zk + "\",\"batchSize\":700";
        WriterHome home = home();
        JobResult first = home.run(job("st_d", 2, 2000, 10, staging));
        assertTrue(first.isSuccess(), first::toString);
        assertStaged(4000);
        try (CuratorFramework c = CuratorFrameworkFactory.builder().connectString(zk).retryPolicy(new RetryOneTime(100))
                .defaultData("test-holder".getBytes(StandardCharsets.UTF_8)).build()) {
            c.start();
            InterProcessMutex held = new InterProcessMutex(c, "/chpack/locks/default.st_local");
            held.acquire();
            // A job that cannot get the lock in time fails naming lock and holder, and commits nothing.
            JobResult refused = home.run(job("st_d", 2, 2000, 10, staging + ",\"lockTimeoutMs\":1500"));
            assertFalse(refused.isSuccess());
            assertTrue(refused.errorMessage().contains("/chpack/locks/default.st_local")
                    && refused.errorMessage().contains("test-holder"), refused.errorMessage());
            assertStaged(4000);
            // A job that may wait commits only once the lock is free.
            // Other rows (x = 11): ATTACH PARTITION into a Replicated table drops parts identical to ones attached
            // before (18.16 keeps their checksums as block ids), so appending the same rows again would add less.
            CompletableFuture<JobResult> waiting = CompletableFuture.supplyAsync(() -> home.run(job("st_d", 2, 2000, 11,
                    staging)));
            Wait.until("the second job to queue for the lock", Duration.ofSeconds(60),
                    () -> waiting.isDone() || participants(held) >= 2);
            assertFalse(waiting.isDone(), () -> waiting.join().toString());
            assertRows(4000); // its staging tables exist, nothing is committed yet
            held.release();
            JobResult r = waiting.get(120, TimeUnit.SECONDS);
            assertTrue(r.isSuccess(), r::toString);
        }
        assertStaged(8000);
    }

    private static int participants(InterProcessMutex m) {
        try {
            return m.getParticipantNodes().size();
        } catch (Exception e) {
            return 0;
        }
    }

    /** Every replica of every shard holds its shard's rows; no staging table is left anywhere. */
    private static void assertStaged(long expected) {
        assertRows(expected);
        for (ClickHouseCluster.Node n : cluster.nodes()) {
            assertEquals("0", n.query("SELECT count() FROM system.tables WHERE name LIKE '\\\\_\\\\_chpack\\\\_stage%'")
                    .trim(), "staging tables left on " + n);
        }
    }

    private static void assertRows(long expected) {
        cluster.syncReplicas("default.st_local");
        long total = 0;
        for (int s = 1; s <= 2; s++) {
            String a = cluster.node(s, 1).query("SELECT " + SUM + " FROM default.st_local").trim();
            assertEquals(a, cluster.node(s, 2).query("SELECT " + SUM + " FROM default.st_local").trim(),
                    "ATTACH PARTITION replicated to the other replica of shard " + s);
            total += Long.parseLong(a.split("\t")[0]);
        }
        assertEquals(expected, total);
    }

    /** Adds test clusters to every node's remote_servers and waits until every node has loaded them. */
    private static void addClusters() throws IOException {
        List<ClickHouseCluster.Node> n = cluster.nodes();
        String w13 = "<chpack_w13>" + shard(1, true, n.get(0), n.get(1)) + shard(3, true, n.get(2), n.get(3))
                + "</chpack_w13>";
        String fan = "<chpack_fanout>" + shard(1, false, n.get(0), n.get(1)) + shard(1, false, n.get(2), n.get(3))
                + "</chpack_fanout>";
        String one = "<chpack_one>" + shard(1, true, n.get(0)) + shard(1, true, n.get(2)) + "</chpack_one>";
        List<Path> configs = new ArrayList<>();
        for (ClickHouseCluster.Node node : n) {
            configs.add(node.server().scratchDir().resolve("config.xml"));
        }
        for (Path p : configs) {
            String xml = Files.readString(p);
            assertTrue(xml.contains("</remote_servers>"), p.toString());
            Files.writeString(p, xml.replace("</remote_servers>", w13 + fan + one + "</remote_servers>"));
            p.toFile().setLastModified(System.currentTimeMillis() + 2000);
        }
        for (ClickHouseCluster.Node node : n) {
            Wait.until("test clusters on " + node, Duration.ofSeconds(30), () -> node.query(
                    "SELECT count() FROM system.clusters WHERE cluster IN ('chpack_w13', 'chpack_fanout', 'chpack_one')")
                    .trim().equals("10"));
        }
    }

    private static String shard(int weight, boolean internal, ClickHouseCluster.Node... replicas) {
        StringBuilder b = new StringBuilder("<shard><weight>" + weight + "</weight><internal_replication>" + internal
                + "</internal_replication>");
        for (ClickHouseCluster.Node r : replicas) {
            b.append("<replica><host>127.0.0.1</host><port>").append(r.tcpPort()).append("</port></replica>");
        }
        return b.append("</shard>").toString();
    }
}
