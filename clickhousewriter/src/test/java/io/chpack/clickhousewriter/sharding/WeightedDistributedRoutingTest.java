package io.chpack.clickhousewriter.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chpack.testkit.ClickHouseServer;
import io.chpack.testkit.Wait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Unequal weights on a real 18.16 server: the testkit's 2x2 cluster has fixed weights 1/1, so this test gives
 * one server extra clusters whose shards all point back at itself, each shard with its own
 * {@code default_database} (s1, s2, s3) and a Distributed table with an empty database, so shard k's rows land
 * in {@code sk.t}. The clusters are written after start (the port is known only then) into a file the config
 * includes, and the config's mtime is bumped so the server reloads {@code remote_servers}.
 * {@code prefer_localhost_replica=0} makes the server send every shard's rows over TCP (with that shard's
 * default database) instead of inserting locally.
 */
class WeightedDistributedRoutingTest {
    private static final Map<String, int[]> CLUSTERS = Map.of("w13", new int[] {1, 3}, "w38", new int[] {3, 8},
            "w02", new int[] {0, 2}, "w214", new int[] {2, 1, 4});
    private static ClickHouseServer server;
    private static Path includeFile;

    @BeforeAll
    static void start() throws IOException {
        includeFile = Files.createTempFile("chpack-sharding-clusters", ".xml");
        Files.writeString(includeFile, "<yandex><chpack_test_clusters></chpack_test_clusters></yandex>\n");
        server = ClickHouseServer.builder().extraConfig("<include_from>" + includeFile
                + "</include_from>\n<remote_servers incl=\"chpack_test_clusters\"/>").start();
        StringBuilder x = new StringBuilder("<yandex><chpack_test_clusters>\n");
        for (Map.Entry<String, int[]> c : CLUSTERS.entrySet()) {
            x.append("<").append(c.getKey()).append(">");
            int[] w = c.getValue();
            for (int s = 0; s < w.length; s++) {
                x.append("<shard><weight>").append(w[s]).append("</weight><replica><host>127.0.0.1</host><port>")
                        .append(server.tcpPort()).append("</port><default_database>s").append(s + 1)
                        .append("</default_database></replica></shard>");
            }
            x.append("</").append(c.getKey()).append(">\n");
        }
        Files.writeString(includeFile, x.append("</chpack_test_clusters></yandex>\n").toString());
        Path config = server.scratchDir().resolve("config.xml");
        config.toFile().setLastModified(System.currentTimeMillis() + 2000);
        Wait.until("the test clusters to be loaded", Duration.ofSeconds(30),
                () -> server.query("SELECT count() FROM system.clusters WHERE cluster LIKE 'w%'").trim().equals("9"));
        for (int s = 1; s <= 3; s++) {
            server.query("CREATE DATABASE s" + s);
            server.query("CREATE TABLE s" + s + ".t " + RoutingFixture.localColumnsDdl() + " ENGINE = Log");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        Files.deleteIfExists(includeFile);
    }

    @Test
    void systemClustersReportsTheWeights() {
        for (Map.Entry<String, int[]> c : CLUSTERS.entrySet()) {
            String w = server.query("SELECT groupArray(shard_weight) FROM (SELECT shard_weight FROM system.clusters "
                    + "WHERE cluster = '" + c.getKey() + "' ORDER BY shard_num)").trim();
            assertEquals(Arrays.toString(c.getValue()).replace(" ", ""), w);
        }
    }

    @Test
    void everyRowLandsWhereTheJavaRouterSays() {
        ServerDialect dialect = ServerDialect.forVersion(server.query("SELECT version()").trim());
        int x = 0;
        for (Map.Entry<String, int[]> c : CLUSTERS.entrySet()) {
            for (String key : RoutingFixture.KEYS) {
                x++;
                String table = "default.d" + x;
                server.query("CREATE TABLE " + table + " " + RoutingFixture.localColumnsDdl() + " ENGINE = Distributed("
                        + c.getKey() + ", '', t, " + key + ")");
                String engine = server.query("SELECT engine_full FROM system.tables WHERE database = 'default' AND name = 'd"
                        + x + "'").trim();
                DistributedEngine parsed = DistributedEngine.parse(engine.replace("\\'", "'"));
                assertEquals(c.getKey(), parsed.cluster());
                ShardRouter router = ShardRouter.create(parsed.shardingKey(), RoutingFixture.COLUMNS, c.getValue(), dialect);
                List<Object[]> rows = RoutingFixture.rows(x);
                server.query(RoutingFixture.insertSelect(table, rows),
                        Map.of("insert_distributed_sync", "1", "prefer_localhost_replica", "0"));
                Map<String, Integer> landed = RoutingFixture.newLanding();
                for (int s = 0; s < c.getValue().length; s++) {
                    RoutingFixture.collect(server.query("SELECT x, n FROM s" + (s + 1) + ".t WHERE x = " + x), s, landed);
                }
                int[] perShard = RoutingFixture.assertRouted(router, x, rows, landed);
                for (int s = 0; s < perShard.length; s++) {
                    if (c.getValue()[s] == 0) {
                        assertEquals(0, perShard[s], "a weight-0 shard received rows for " + key);
                    }
                }
                // Keys reduced modulo a small number may legitimately fill only the first shard's slots.
                if (!key.contains("%") && Arrays.stream(c.getValue()).filter(w -> w > 0).count() > 1) {
                    assertTrue(Arrays.stream(perShard).filter(n -> n > 0).count() > 1,
                            "rows of " + key + " on " + c.getKey() + " all landed on one shard: " + Arrays.toString(perShard));
                }
            }
        }
    }
}
