package io.chpack.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** 2 shards x 2 replicas + ZooKeeper, shared by the class; tests run in order on the same tables. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClickHouseClusterTest {
    private static final Duration REPLICATION = Duration.ofSeconds(60);
    /** Short DDL timeout: a broken ON CLUSTER must fail the test, not hang for the default 180 s. */
    private static final Map<String, String> DDL = Map.of("distributed_ddl_task_timeout", "30");
    private static ClickHouseCluster cluster;

    @BeforeAll
    static void start() {
        cluster = ClickHouseCluster.start();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static long count(ClickHouseCluster.Node n, String table) {
        return Long.parseLong(n.query("SELECT count() FROM " + table).trim());
    }

    @Test
    @Order(1)
    void topology() {
        assertEquals("chpack", cluster.clusterName());
        assertEquals(4, cluster.nodes().size());
        Set<Integer> ports = new HashSet<>();
        for (ClickHouseCluster.Node n : cluster.nodes()) {
            ports.add(n.httpPort());
            ports.add(n.tcpPort());
            assertTrue(n.query("SELECT version()").startsWith("18.16"));
            assertEquals(n.shardMacro(), n.query("SELECT substitution FROM system.macros WHERE macro = 'shard'").trim());
            assertEquals(n.replicaMacro(),
                    n.query("SELECT substitution FROM system.macros WHERE macro = 'replica'").trim());
        }
        assertEquals(8, ports.size(), "distinct ports for every node");
        String clusters = cluster.node(1, 1).query(
                "SELECT shard_num, replica_num, port FROM system.clusters WHERE cluster = 'chpack' ORDER BY 1, 2");
        assertEquals(4, clusters.trim().split("\n").length, clusters);
        assertTrue(cluster.zookeeper().isRunning());
    }

    @Test
    @Order(2)
    void onClusterDdlDistributedInsertAndReplication() {
        ClickHouseCluster.Node first = cluster.node(1, 1);
        first.server().query("CREATE TABLE default.events ON CLUSTER chpack (id UInt64, v String) ENGINE = "
                + "ReplicatedMergeTree('/clickhouse/tables/{shard}/events', '{replica}') ORDER BY id", DDL);
        first.server().query("CREATE TABLE default.events_all ON CLUSTER chpack AS default.events "
                + "ENGINE = Distributed(chpack, default, events, id)", DDL);
        for (ClickHouseCluster.Node n : cluster.nodes()) {
            assertEquals("1", n.query("EXISTS TABLE default.events").trim(), "ON CLUSTER reached " + n);
            assertEquals("1", n.query("EXISTS TABLE default.events_all").trim(), "ON CLUSTER reached " + n);
        }
        cluster.node(2, 1).query("INSERT INTO default.events_all SELECT number, toString(number) FROM numbers(1000)");
        // Distributed forwards asynchronously and replicas fetch in the background: poll with a deadline.
        Wait.until("both shards' replicas to agree", REPLICATION, () -> {
            cluster.syncReplicas("default.events");
            return count(cluster.node(1, 1), "default.events") == count(cluster.node(1, 2), "default.events")
                    && count(cluster.node(2, 1), "default.events") == count(cluster.node(2, 2), "default.events")
                    && count(cluster.node(1, 1), "default.events") + count(cluster.node(2, 1), "default.events") == 1000;
        });
        long shard1 = count(cluster.node(1, 1), "default.events");
        long shard2 = count(cluster.node(2, 1), "default.events");
        assertTrue(shard1 > 0 && shard2 > 0, "sharding key spread rows over both shards: " + shard1 + "/" + shard2);
        // Each shard holds exactly its own rows: id % 2 picks the shard (weights 1:1, key id).
        assertEquals("0", cluster.node(1, 2).query("SELECT countIf(id % 2 != 0) FROM default.events").trim());
        assertEquals("0", cluster.node(2, 2).query("SELECT countIf(id % 2 != 1) FROM default.events").trim());
        for (ClickHouseCluster.Node n : cluster.nodes()) {
            assertEquals("1000", n.query("SELECT count() FROM default.events_all").trim(), "read through " + n);
        }
    }

    @Test
    @Order(3)
    void stoppedReplicaCatchesUpAfterRestart() {
        ClickHouseCluster.Node down = cluster.node(2, 2);
        ClickHouseCluster.Node peer = cluster.node(2, 1);
        long pid = down.server().pid();
        down.stop();
        assertFalse(down.isRunning());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        // Insert straight into the live replica of the same shard while its peer is down.
        peer.query("INSERT INTO default.events SELECT 1000 + number * 2 + 1, 'late' FROM numbers(500)");
        long expected = count(peer, "default.events");
        down.restart();
        assertTrue(down.isRunning());
        Wait.until("restarted replica to catch up", REPLICATION, () -> {
            down.query("SYSTEM SYNC REPLICA default.events");
            return count(down, "default.events") == expected;
        });
        assertEquals("500", down.query("SELECT count() FROM default.events WHERE v = 'late'").trim());
    }

    @Test
    @Order(4)
    void closeStopsEverything() {
        List<ClickHouseCluster.Node> nodes = cluster.nodes();
        long zkPid = cluster.zookeeper().pid();
        int zkPort = cluster.zookeeper().port();
        Path scratch = cluster.scratchDir();
        long[] pids = nodes.stream().mapToLong(n -> n.server().pid()).toArray();
        cluster.close();
        for (int i = 0; i < nodes.size(); i++) {
            Stopped.assertGone(pids[i], null, nodes.get(i).httpPort(), nodes.get(i).tcpPort());
        }
        Stopped.assertGone(zkPid, scratch, zkPort);
        cluster = null;
    }
}
