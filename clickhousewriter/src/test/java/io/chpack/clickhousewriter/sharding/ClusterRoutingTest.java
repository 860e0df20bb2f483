package io.chpack.clickhousewriter.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chpack.testkit.ClickHouseCluster;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole flow on the real 2 shards x 2 replicas cluster: ReplicatedMergeTree local tables ON CLUSTER, one
 * Distributed table per sharding key, rows inserted through it (synchronously), then each shard's local
 * table read on its first replica after SYNC REPLICA. The router is built the way the writer will build it:
 * key text from {@code system.tables.engine_full}, weights from {@code system.clusters}, dialect from
 * {@code version()}; and the prepare-time self-check must agree for every key.
 */
class ClusterRoutingTest {
    private static ClickHouseCluster cluster;

    @BeforeAll
    static void start() {
        cluster = ClickHouseCluster.start();
        cluster.node(1, 1).query("CREATE TABLE default.rows_local ON CLUSTER chpack " + RoutingFixture.localColumnsDdl()
                + " ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/rows_local', '{replica}') ORDER BY (x, n)");
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyRowLandsOnTheShardTheRouterPicks() {
        ClickHouseCluster.Node entry = cluster.node(1, 1);
        ServerDialect dialect = ServerDialect.forVersion(entry.query("SELECT version()").trim());
        int[] weights = weights(entry.query("SELECT shard_num, any(shard_weight) FROM system.clusters WHERE cluster = 'chpack' "
                + "GROUP BY shard_num ORDER BY shard_num"));
        assertEquals(2, weights.length);
        List<String> keys = RoutingFixture.KEYS;
        for (int x = 1; x <= keys.size(); x++) {
            entry.query("CREATE TABLE default.dist" + x + " " + RoutingFixture.localColumnsDdl()
                    + " ENGINE = Distributed(chpack, default, rows_local, " + keys.get(x - 1) + ")");
            DistributedEngine engine = DistributedEngine.parse(entry.query("SELECT engine_full FROM system.tables WHERE "
                    + "database = 'default' AND name = 'dist" + x + "' FORMAT TSVRaw").trim());
            ShardRouter router = ShardRouter.create(engine.shardingKey(), RoutingFixture.COLUMNS, weights, dialect);
            List<Object[]> rows = RoutingFixture.rows(x);
            SelfCheckReport check = ShardingSelfCheck.run(router.key(), rows.stream().map(ShardingRow::of).toList(),
                    entry::query);
            assertTrue(check.agrees(), check.toString());
            entry.server().query(RoutingFixture.insertSelect("default.dist" + x, rows), Map.of("insert_distributed_sync", "1"));
        }
        cluster.syncReplicas("default.rows_local");
        Map<String, Integer> landed = RoutingFixture.newLanding();
        for (int s = 1; s <= 2; s++) {
            RoutingFixture.collect(cluster.node(s, 1).query("SELECT x, n FROM default.rows_local"), s - 1, landed);
        }
        int[] total = new int[2];
        for (int x = 1; x <= keys.size(); x++) {
            ShardRouter router = ShardRouter.create(keys.get(x - 1), RoutingFixture.COLUMNS, weights, dialect);
            int[] per = RoutingFixture.assertRouted(router, x, RoutingFixture.rows(x), landed);
            total[0] += per[0];
            total[1] += per[1];
        }
        assertEquals(keys.size() * RoutingFixture.ROWS, landed.size());
        assertTrue(total[0] > 0 && total[1] > 0, "both shards must receive rows");
    }

    private static int[] weights(String tsv) {
        String[] lines = tsv.trim().split("\n");
        int[] w = new int[lines.length];
        for (int i = 0; i < lines.length; i++) {
            String[] f = lines[i].split("\t");
            assertEquals(String.valueOf(i + 1), f[0]);
            w[i] = Integer.parseInt(f[1]);
        }
        return w;
    }
}
