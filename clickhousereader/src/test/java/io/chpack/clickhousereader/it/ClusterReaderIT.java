package io.chpack.clickhousereader.it;

import static io.chpack.clickhousereader.it.ReaderJobs.assertSameRows;
import static io.chpack.clickhousereader.it.ReaderJobs.parseTsv;
import static io.chpack.clickhousereader.it.ReaderJobs.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.chpack.testkit.ClickHouseCluster;

/**
 * Cluster reads on the real 2 shards x 2 replicas: a Distributed table is read shard by shard from the local
 * ReplicatedMergeTree tables, splits spread over both replicas of each shard, and a dead replica's share is
 * served by the other one. Which node ran what is checked in system.query_log (enabled per query through the
 * job's session, which also proves session settings reach every read).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterReaderIT {
    private static final Map<String, String> DDL = Map.of("distributed_ddl_task_timeout", "60");
    private static ClickHouseCluster cluster;
    private static List<List<String>> expected;

    @BeforeAll
    static void start() {
        cluster = ClickHouseCluster.start();
        ClickHouseCluster.Node first = cluster.node(1, 1);
        first.server().query("CREATE TABLE default.ev ON CLUSTER chpack (id UInt64, p UInt8, k Int64, "
                + "nk Nullable(Int32), s String, d Date) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/ev', "
                + "'{replica}') PARTITION BY p ORDER BY (k, id)", DDL);
        first.server().query("CREATE TABLE default.ev_all ON CLUSTER chpack AS default.ev "
                + "ENGINE = Distributed(chpack, default, ev, id)", DDL);
        // Shard 1: even ids, shard 2: odd ids; partitions of very different sizes and a skewed key.
        cluster.node(1, 1).query("INSERT INTO default.ev SELECT number * 2, if(number < 30000, 1, 2 + number % 3), "
                + "if(number % 3 = 0, number, 5), if(number % 10 = 0, NULL, toInt32(number % 100)), "
                + "concat('e', toString(number)), toDate('2018-01-01') + number % 30 FROM numbers(40000)");
        cluster.node(2, 1).query("INSERT INTO default.ev SELECT number * 2 + 1, if(number < 5, 7, 1), number % 1000, "
                + "toInt32(number % 7), concat('o', toString(number)), toDate('2019-01-01') FROM numbers(25000)");
        cluster.syncReplicas("default.ev");
        expected = parseTsv(cluster.node(1, 2).query("SELECT id, p, k, nk, s, toString(toUInt64(toDateTime(d)) * 1000) "
                + "FROM default.ev_all"));
        assertEquals(65000, expected.size());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static Map<String, Object> reader(String table, String jobName) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("column", List.of("id", "p", "k", "nk", "s", "d"));
        List<String> urls = new ArrayList<>();
        for (ClickHouseCluster.Node n : cluster.nodes()) {
            urls.add(n.jdbcUrl("default"));
        }
        p.put("connection", List.of(new LinkedHashMap<>(Map.of("jdbcUrl", urls, "table", List.of(table)))));
        p.put("minSplitRows", 2000);
        p.put("jobName", jobName);
        p.put("session", List.of("SET log_queries = 1"));
        return p;
    }

    /** How many of this job's data reads each node ran: node "s/r" → count. */
    private static Map<String, Long> readsPerNode(String jobName) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (ClickHouseCluster.Node n : cluster.nodes()) {
            if (!n.isRunning()) {
                continue;
            }
            n.query("SYSTEM FLUSH LOGS");
            out.put(n.shard() + "/" + n.replica(), Long.parseLong(n.query("SELECT count() FROM system.query_log WHERE "
                    + "type = 2 AND query_id LIKE 'chpack-read-" + jobName + "-%' AND query LIKE '%FORMAT RowBinary%'").trim()));
        }
        return out;
    }

    @Test
    @Order(1)
    void distributedTableIsReadShardByShardSpreadOverReplicas() {
        ReaderJobs.Run run = ReaderJobs.run(reader("ev_all", "dist"), 4);
        assertTrue(run.result.isSuccess(), run.error());
        assertSameRows(expected, values(run.rows()), "ev_all by shards");
        assertTrue(run.slices.size() >= 4, "both shards split: " + run.slices.size());
        Map<String, Long> reads = readsPerNode("dist");
        for (Map.Entry<String, Long> e : reads.entrySet()) {
            assertTrue(e.getValue() > 0, "every replica served splits: " + reads);
        }
        assertEquals(run.slices.size(), reads.values().stream().mapToLong(Long::longValue).sum(), reads.toString());
    }

    @Test
    @Order(2)
    void clusterKeyWithLocalTable() {
        Map<String, Object> p = reader("ev", "local");
        p.put("cluster", "chpack");
        ReaderJobs.Run run = ReaderJobs.run(p, 2);
        assertTrue(run.result.isSuccess(), run.error());
        assertSameRows(expected, values(run.rows()), "ev on cluster chpack");
    }

    @Test
    @Order(3)
    void distributedReadThroughTheTable() {
        Map<String, Object> p = reader("ev_all", "through");
        p.put("distributedRead", "table");
        p.put("splitPk", "id");
        ReaderJobs.Run run = ReaderJobs.run(p, 3);
        assertTrue(run.result.isSuccess(), run.error());
        assertSameRows(expected, values(run.rows()), "ev_all through Distributed");
        assertTrue(run.slices.size() >= 3, "ranges of splitPk on the Distributed table: " + run.slices.size());
    }

    @Test
    @Order(4)
    void unknownReplicaEndpointsAreANamedError() {
        Map<String, Object> p = reader("ev_all", "unknown");
        p.put("connection", List.of(new LinkedHashMap<>(Map.of("jdbcUrl", List.of(cluster.node(1, 1).jdbcUrl("default")),
                "table", List.of("ev_all")))));
        ReaderJobs.Run run = ReaderJobs.run(p, 2);
        assertFalse(run.result.isSuccess());
        assertTrue(run.error().contains("shard 2 of cluster chpack has no reachable replica")
                && run.error().contains("clusterHttpPort"), run.error());
    }

    @Test
    @Order(5)
    void killedReplicaIsReplacedByTheOtherReplicaOfItsShard() {
        cluster.node(1, 1).kill();
        ReaderJobs.Run run = ReaderJobs.run(reader("ev_all", "failover"), 4);
        assertTrue(run.result.isSuccess(), run.error());
        assertSameRows(expected, values(run.rows()), "ev_all with shard 1 replica 1 dead");
        Map<String, Long> reads = readsPerNode("failover");
        assertTrue(reads.get("1/2") > 0, "shard 1 served by its second replica: " + reads);
    }
}
