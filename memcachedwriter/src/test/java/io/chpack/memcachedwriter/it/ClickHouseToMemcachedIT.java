package io.chpack.memcachedwriter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.alibaba.fastjson2.JSON;
import io.chpack.runner.Engine;
import io.chpack.runner.JobResult;
import io.chpack.testkit.ClickHouseServer;
import io.chpack.testkit.MemcachedServers;
import net.spy.memcached.MemcachedClient;

/** The seed's cache warm-up: clickhousereader → memcachedwriter through the engine, both shaded jars. */
class ClickHouseToMemcachedIT {
    @Test
    void warmsTheCacheFromAClickHouseTable() throws Exception {
        try (ClickHouseServer ch = ClickHouseServer.start(); MemcachedServers pool = MemcachedServers.start(3)) {
            ch.query("CREATE TABLE users (id UInt64, region String, name String, score Decimal(9, 2), "
                    + "updated DateTime('UTC'), tags Array(String)) ENGINE = MergeTree ORDER BY id");
            ch.query("INSERT INTO users SELECT number, concat('r', toString(number % 5)), concat('user ', toString(number)), "
                    + "toDecimal32(number / 4, 2), toDateTime(1700000000 + number, 'UTC'), [toString(number), 'x'] "
                    + "FROM system.numbers LIMIT 5000");
            List<String> servers = List.of(pool.servers().get(0).address(), pool.servers().get(1).address(),
                    pool.servers().get(2).address());
            String job = demoJob(ch.jdbcUrl("default"), servers);
            Path f = Jobs.newDir("ch").resolve("job.json");
            Files.writeString(f, job);
            JobResult r = new Engine(ItHome.get()).run(f, Collections.emptyMap());
            assertTrue(r.isSuccess(), r.errorMessage());
            assertEquals(5000, r.writeSucceedRecords());
            MemcachedClient app = Jobs.ketamaClient(pool.servers());
            try {
                String version = (String) app.get("users:current");
                assertTrue(version.matches("\\d{14}"), version);
                for (long id : new long[] {0, 1, 7, 4999}) {
                    String v = (String) app.get("users:v" + version + ":user:" + id + ":r" + (id % 5));
                    String score = new java.math.BigDecimal(id).divide(java.math.BigDecimal.valueOf(4)).setScale(2,
                            java.math.RoundingMode.DOWN).toPlainString();
                    String updated = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                            .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.ofEpochSecond(1700000000 + id));
                    assertEquals("{\"id\":" + id + ",\"region\":\"r" + id % 5 + "\",\"name\":\"user " + id + "\",\"score\":"
                            + score + ",\"updated\":\"" + updated + "\",\"tags\":\"[\\\"" + id + "\\\",\\\"x\\\"]\"}", v);
                }
            } finally {
                app.shutdown();
            }
        }
    }

    /** The example job of the plugin doc and the README demo (jdbcUrl and servers filled in). */
    static String demoJob(String jdbcUrl, List<String> servers) {
        Map<String, Object> reader = Map.of("name", "clickhousereader", "parameter", Map.of(
                "username", "default", "password", "",
                "column", List.of("id", "region", "name", "score", "updated", "tags"),
                "connection", List.of(Map.of("jdbcUrl", List.of(jdbcUrl), "table", List.of("users")))));
        Map<String, Object> writer = Map.of("name", "memcachedwriter", "parameter", Map.ofEntries(
                Map.entry("servers", servers),
                Map.entry("column", List.of("id", "region", "name", "score", "updated", "tags")),
                Map.entry("key", "user:{id}:{region}"),
                Map.entry("namespace", "users"),
                Map.entry("atomicWarmup", true),
                Map.entry("writeFormat", "json"),
                Map.entry("timeZone", "UTC"),
                Map.entry("expireTime", 86400),
                Map.entry("ttlJitter", 600),
                Map.entry("verifySample", 100)));
        return JSON.toJSONString(Map.of("job", Map.of(
                "setting", Map.of("speed", Map.of("channel", 2), "errorLimit", Map.of("record", 0)),
                "content", List.of(Map.of("reader", reader, "writer", writer)))));
    }
}
