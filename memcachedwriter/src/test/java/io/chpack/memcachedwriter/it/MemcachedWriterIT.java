package io.chpack.memcachedwriter.it;

import static io.chpack.memcachedwriter.it.Jobs.meta;
import static io.chpack.memcachedwriter.it.Jobs.row;
import static io.chpack.memcachedwriter.it.Jobs.rows;
import static io.chpack.memcachedwriter.it.Jobs.run;
import static io.chpack.memcachedwriter.it.Jobs.writer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.chpack.runner.JobResult;
import io.chpack.testkit.MemcachedServer;
import io.chpack.testkit.MemcachedServers;
import net.spy.memcached.ConnectionFactoryBuilder;
import net.spy.memcached.DefaultHashAlgorithm;
import net.spy.memcached.FailureMode;
import net.spy.memcached.MemcachedClient;

/** memcachedwriter jobs through the runner with the shaded plugin jar, against three real memcached 1.6. */
class MemcachedWriterIT {
    private static MemcachedServers pool;
    private static List<MemcachedServer> servers;

    @BeforeAll
    static void start() {
        pool = MemcachedServers.start(3);
        servers = pool.servers();
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.close();
        }
    }

    @BeforeEach
    void flush() throws Exception {
        Jobs.flushAll(servers);
    }

    private static List<List<String>> users(int n) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(row("long:" + i, "string:r" + (i % 7), "string:name " + i, "double:" + i + ".50", "bool:" + (i % 2 == 0),
                    "date:" + (1700000000000L + i * 1000L)));
        }
        return rows;
    }

    private static final List<String> USER_COLUMNS = List.of("id", "region", "name", "score", "active", "seen");

    @Test
    void shadedJarCarriesSpymemcachedAndCommon() throws Exception {
        try (JarFile jar = new JarFile(System.getProperty("chpack.it.pluginJar"))) {
            assertNotNull(jar.getEntry("net/spy/memcached/MemcachedClient.class"));
            assertNotNull(jar.getEntry("io/chpack/common/convert/ColumnEncoder.class"));
            assertNotNull(jar.getEntry("io/chpack/memcachedwriter/MemcachedWriter$Task.class"));
            assertNull(jar.getEntry("com/alibaba/datax/common/spi/Writer.class"));
        }
    }

    @Test
    void jsonKetamaFoundByApplicationClients() throws Exception {
        JobResult r = run(rows(users(300)), writer(servers, "column", USER_COLUMNS, "key", "user:{id}:{region}",
                "namespace", "app", "timeZone", "Asia/Shanghai", "expireTime", 600), 1, 0);
        assertTrue(r.isSuccess(), r.errorMessage());
        assertEquals(300, r.writeSucceedRecords());
        MemcachedClient app = Jobs.ketamaClient(servers);
        try {
            int[] perNode = new int[3];
            for (int i = 0; i < 300; i++) {
                String key = "app:user:" + i + ":r" + (i % 7);
                Object v = app.get(key); // SerializingTranscoder: flags 0 = String
                assertEquals("{\"id\":" + i + ",\"region\":\"r" + (i % 7) + "\",\"name\":\"name " + i + "\",\"score\":" + i
                        + ".50,\"active\":" + (i % 2 == 0) + ",\"seen\":\""
                        + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                                .withZone(java.time.ZoneId.of("Asia/Shanghai"))
                                .format(java.time.Instant.ofEpochMilli(1700000000000L + i * 1000L)) + "\"}", v, key);
                List<Integer> holders = Jobs.holders(servers, key);
                assertEquals(1, holders.size(), key);
                // the node the application's KetamaNodeLocator names is the node that holds it
                assertEquals(app.getNodeLocator().getPrimary(key).getSocketAddress(),
                        Jobs.addresses(servers).get(holders.get(0)), key);
                // an independent ketama (MD5, 160 points, "ip:port-i") agrees
                assertEquals(holders.get(0).intValue(), ketama(key, "127.0.0.1:%d"), key);
                perNode[holders.get(0)]++;
            }
            for (int n : perNode) {
                assertTrue(n > 30, "keys spread over all three nodes: " + java.util.Arrays.toString(perNode));
            }
            Jobs.Item it = meta(servers.get(ketama("app:user:1:r1", "127.0.0.1:%d")), "app:user:1:r1");
            assertTrue(it.ttl > 500 && it.ttl <= 600, "ttl " + it.ttl);
            assertEquals(0, it.flags);
        } finally {
            app.shutdown();
        }
    }

    @Test
    void serverNamesOnTheContinuum() throws Exception {
        // servers written as host names: spymemcached names them "localhost/127.0.0.1:PORT" (InetSocketAddress
        // text), libmemcached "localhost:PORT"; each naming matches an independent ketama with that name
        List<String> byName = new ArrayList<>();
        for (MemcachedServer s : servers) {
            byName.add("localhost:" + s.port());
        }
        int differ = 0;
        for (String naming : List.of("spymemcached", "libmemcached")) {
            Jobs.flushAll(servers);
            Map<String, Object> w = writer(servers, "column", USER_COLUMNS, "key", "u{id}", "ketamaNodeNaming", naming,
                    "writeFormat", "text", "fieldDelimiter", "|");
            w.put("servers", byName);
            JobResult r = run(rows(users(200)), w, 1, 0);
            assertTrue(r.isSuccess(), r.errorMessage());
            for (int i = 0; i < 200; i++) {
                int want = ketama("u" + i, naming.equals("libmemcached") ? "localhost:%d" : "localhost/127.0.0.1:%d");
                assertEquals(List.of(want), Jobs.holders(servers, "u" + i), naming + " u" + i);
                if (ketama("u" + i, "localhost:%d") != ketama("u" + i, "localhost/127.0.0.1:%d")) {
                    differ++;
                }
            }
        }
        assertTrue(differ > 0, "the two namings place some keys differently");
    }

    @Test
    void modulaMatchesArrayModClient() throws Exception {
        JobResult r = run(rows(users(100)), writer(servers, "column", USER_COLUMNS, "key", "m{id}",
                "distribution", "modula", "hash", "fnv1a_32", "writeFormat", "raw", "rawColumn", "name"), 1, 0);
        assertTrue(r.isSuccess(), r.errorMessage());
        MemcachedClient app = Jobs.client(servers, ConnectionFactoryBuilder.Locator.ARRAY_MOD,
                DefaultHashAlgorithm.FNV1A_32_HASH, FailureMode.Redistribute);
        try {
            for (int i = 0; i < 100; i++) {
                assertEquals("name " + i, app.get("m" + i));
                List<Integer> h = Jobs.holders(servers, "m" + i);
                assertEquals(app.getNodeLocator().getPrimary("m" + i).getSocketAddress(), Jobs.addresses(servers).get(h.get(0)));
            }
        } finally {
            app.shutdown();
        }
    }

    @Test
    void partitionColumnPicksTheNode() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(row("long:" + i, "long:" + (i % 3 == 2 ? -1 : i % 3), "string:v" + i));
        }
        rows.add(row("long:99", "string:" + servers.get(2).address(), "string:by-name"));
        JobResult r = run(rows(rows), writer(servers, "column", List.of("id", "shard", "v"), "key", "p{id}",
                "distribution", "partition", "partitionColumn", "shard", "writeFormat", "raw", "rawColumn", "v"), 1, 0);
        assertTrue(r.isSuccess(), r.errorMessage());
        for (int i = 0; i < 30; i++) {
            int want = i % 3 == 2 ? 2 : i % 3; // -1 mod 3 = 2
            assertEquals(List.of(want), Jobs.holders(servers, "p" + i));
        }
        assertEquals(List.of(2), Jobs.holders(servers, "p99"));
    }

    @Test
    void stockOcswriterKeysAndTextFormat() throws Exception {
        // proxy + port, indexes, fieldDelimiter default \u0001, writeFormat text, expireTime, batchSize
        MemcachedServer one = servers.get(1);
        JobResult r = run(rows(List.of(row("long:7", "string:a", "null:string", "double:1.5"),
                row("long:8", "string:b", "string:x\u0001y", "double:2"))), Map.of("proxy", one.host(), "port", one.port(),
                "writeMode", "set", "writeFormat", "text", "indexes", "0", "expireTime", 100, "batchSize", 64), 1, 1);
        assertTrue(r.isSuccess(), r.errorMessage());
        assertEquals("7\u0001a\u0001\u00011.5", meta(one, "7").text()); // key columns kept, NULL as empty: stock format
        assertNull(meta(one, "8"));
        assertTrue(Jobs.dirtyMessages(r).contains("contains the fieldDelimiter"), Jobs.dirtyMessages(r));
        // excludeKeyColumns drops the key columns from the value
        r = run(rows(List.of(row("long:9", "string:a", "string:b"))), Map.of("proxy", one.host() + ":" + one.port(),
                "writeFormat", "text", "indexes", "0", "excludeKeyColumns", true, "column", List.of("id", "x", "y")), 1, 0);
        assertTrue(r.isSuccess(), r.errorMessage());
        assertEquals("a\u0001b", meta(one, "9").text());
    }

    @Test
    void everyModeAndItsNotStoredOutcome() throws Exception {
        MemcachedServer s = servers.get(0);
        List<String> cols = List.of("k", "v");
        Object[] base = {"column", cols, "key", "{k}", "writeFormat", "raw", "rawColumn", "v"};
        // add: new key stored, existing key counted (default notStored count for add)
        s.command("set exists 0 0 3\r\nold");
        JobResult r = run(rows(List.of(row("string:exists", "string:new"), row("string:fresh", "string:f")))
                , writer(List.of(s), concat(base, "writeMode", "add")), 1, 0);
        assertTrue(r.isSuccess(), r.errorMessage());
        assertEquals("old", meta(s, "exists").text());
        assertEquals("f", meta(s, "fresh").text());
        // add with notStored dirty
        r = run(rows(List.of(row("string:exists", "string:new"))), writer(List.of(s), concat(base, "writeMode", "add",
                "notStored", "dirty")), 1, 5);
        assertEquals(1, r.errorRecords(), Jobs.dirtyMessages(r));
        assertTrue(Jobs.dirtyMessages(r).contains("add: key exists"), Jobs.dirtyMessages(r));
        // replace: missing key is dirty (default), existing replaced
        r = run(rows(List.of(row("string:exists", "string:R"), row("string:nothere", "string:x"))),
                writer(List.of(s), concat(base, "writeMode", "replace")), 1, 5);
        assertEquals("R", meta(s, "exists").text());
        assertEquals(1, r.errorRecords());
        assertTrue(Jobs.dirtyMessages(r).contains("replace: key does not exist"), Jobs.dirtyMessages(r));
        // append / prepend
        r = run(rows(List.of(row("string:exists", "string:>"), row("string:nothere", "string:x"))),
                writer(List.of(s), concat(base, "writeMode", "append")), 1, 5);
        assertEquals("R>", meta(s, "exists").text());
        assertEquals(1, r.errorRecords());
        r = run(rows(List.of(row("string:exists", "string:<"))), writer(List.of(s), concat(base, "writeMode", "prepend")), 1, 0);
        assertTrue(r.isSuccess(), r.errorMessage());
        assertEquals("<R>", meta(s, "exists").text());
        // touch sets a TTL; missing keys counted
        r = run(rows(List.of(row("string:exists", "string:ignored"), row("string:nothere", "string:x"))),
                writer(List.of(s), concat(base, "writeMode", "touch", "expireTime", 1000)), 1, 0);
        assertTrue(r.isSuccess(), r.errorMessage());
        long ttl = meta(s, "exists").ttl;
        assertTrue(ttl > 900 && ttl <= 1000, "ttl " + ttl);
        // delete: found deleted, missing counted
        r = run(rows(List.of(row("string:exists", "string:ignored"), row("string:nothere", "string:x"))),
                writer(List.of(s), concat(base, "writeMode", "delete")), 1, 0);
        assertTrue(r.isSuccess(), r.errorMessage());
        assertNull(meta(s, "exists"));
        // text protocol does the same
        r = run(rows(List.of(row("string:t1", "string:one"))), writer(List.of(s), concat(base, "protocol", "text")), 1, 0);
        assertTrue(r.isSuccess(), r.errorMessage());
        assertEquals("one", meta(s, "t1").text());
    }

    @Test
    void ttlRules() throws Exception {
        MemcachedServer s = servers.get(0);
        long day = 86400;
        JobResult r = run(rows(List.of(row("string:a", "long:50"), row("string:b", "long:" + 40 * day),
                        row("string:c", "null:long"), row("string:d", "long:-5"), row("string:e", "long:0"))),
                writer(List.of(s), "column", List.of("k", "ttl"), "key", "ttl-{k}", "writeFormat", "raw", "rawColumn", "k",
                        "ttlColumn", "ttl", "expireTime", 300), 1, 5);
        assertEquals(1, r.errorRecords(), Jobs.dirtyMessages(r));
        assertTrue(Jobs.dirtyMessages(r).contains("is negative"));
        assertTrue(meta(s, "ttl-a").ttl <= 50 && meta(s, "ttl-a").ttl > 40);
        long b = meta(s, "ttl-b").ttl; // sent as an absolute unix time, memcached reports the remaining seconds
        assertTrue(b > 40 * day - 100 && b <= 40 * day + 1, "ttl-b " + b);
        assertTrue(meta(s, "ttl-c").ttl <= 300 && meta(s, "ttl-c").ttl > 290); // NULL → expireTime
        assertEquals(-1, meta(s, "ttl-e").ttl); // 0 = never expires
        // jitter: 1000 ± 100, spread
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(row("string:j" + i));
        }
        r = run(rows(rows), writer(List.of(s), "column", List.of("k"), "key", "{k}", "writeFormat", "raw", "rawColumn", "k",
                "expireTime", 1000, "ttlJitter", 100), 1, 0);
        assertTrue(r.isSuccess(), r.errorMessage());
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 50; i++) {
            long t = meta(s, "j" + i).ttl;
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        assertTrue(min >= 890 && max <= 1100 && max - min > 50, min + ".." + max);
    }

    @Test
    void badKeysNullsMissingColumnsAndTooLargeItems() throws Exception {
        MemcachedServer s = servers.get(0);
        String big = "x".repeat(1_100_000); // default item_size_max is 1 MiB
        String longPart = "L".repeat(300);
        List<List<String>> rows = List.of(
                row("string:ok", "string:v"),
                row("string:has space", "string:v"),
                row("string:ctl\u0007", "string:v"),
                row("null:string", "string:v"),
                row("string:" + longPart, "string:v"),
                row("string:big", "string:" + big),
                row("string:short"));
        JobResult r = run(rows(rows), writer(List.of(s), "column", List.of("k", "v"), "key", "{k}", "writeFormat", "raw",
                "rawColumn", "v"), 1, 10);
        String dirty = Jobs.dirtyMessages(r);
        assertEquals(6, r.errorRecords(), dirty);
        assertTrue(dirty.contains("has a space or control character (0x20)"), dirty);
        assertTrue(dirty.contains("(0x07)"), dirty);
        assertTrue(dirty.contains("key column 'k' is NULL"), dirty);
        assertTrue(dirty.contains("takes 300 bytes, more than memcached's 250"), dirty);
        assertTrue(dirty.contains("item too large"), dirty);
        assertTrue(dirty.contains("rawColumn 'v' (index 1) is missing"), dirty);
        assertEquals("v", meta(s, "ok").text());
        // longKeys hash: prefix of 209 bytes + '#' + sha1 hex of the whole key
        r = run(rows(List.of(row("string:" + longPart, "string:hashed"))), writer(List.of(s), "column", List.of("k", "v"),
                "key", "{k}", "writeFormat", "raw", "rawColumn", "v", "longKeys", "hash"), 1, 0);
        assertTrue(r.isSuccess(), r.errorMessage());
        String hashed = longPart.substring(0, 209) + "#" + sha1(longPart);
        assertEquals("hashed", meta(s, hashed).text());
        // a template naming an unknown column fails the job with a named configuration error
        r = run(rows(List.of(row("string:a"))), writer(List.of(s), "column", List.of("k"), "key", "{k}:{nope}"), 1, 0);
        assertFalse(r.isSuccess());
        assertTrue(r.errorMessage().contains("parameter.key refers to column 'nope'"), r.errorMessage());
        // the server's own "too large" answer (our estimate told to allow 2 MiB) is a dirty record too
        for (String protocol : List.of("binary", "text")) {
            r = run(rows(List.of(row("string:k", "string:" + big))), writer(List.of(s), "column", List.of("k", "v"),
                    "key", "{k}", "writeFormat", "raw", "rawColumn", "v", "itemSizeMax", 2 << 20, "protocol", protocol), 1, 5);
            assertEquals(1, r.errorRecords(), Jobs.dirtyMessages(r));
            assertTrue(Jobs.dirtyMessages(r).contains("too large"), Jobs.dirtyMessages(r));
        }
    }

    @Test
    void compressionUsesSpymemcachedFlags() throws Exception {
        MemcachedServer s = servers.get(0);
        String v = "abc".repeat(2000);
        JobResult r = run(rows(List.of(row("string:z", "string:" + v), row("string:small", "string:tiny"))),
                writer(List.of(s), "column", List.of("k", "v"), "key", "{k}", "writeFormat", "raw", "rawColumn", "v",
                        "compressThreshold", 1024), 1, 0);
        assertTrue(r.isSuccess(), r.errorMessage());
        Jobs.Item z = meta(s, "z");
        assertEquals(2, z.flags);
        assertTrue(z.value.length < 500);
        assertEquals(v, new String(new GZIPInputStream(new ByteArrayInputStream(z.value)).readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(0, meta(s, "small").flags);
        MemcachedClient app = Jobs.ketamaClient(List.of(s)); // the default transcoder decompresses
        try {
            assertEquals(v, app.get("z"));
        } finally {
            app.shutdown();
        }
        // raw bytes column: flags 8<<8 (spymemcached byte[])
        r = run(rows(List.of(row("string:b", "bytes:raw"))), writer(List.of(s), "column", List.of("k", "v"), "key", "{k}",
                "writeFormat", "raw", "rawColumn", "v"), 1, 0);
        assertTrue(r.isSuccess(), r.errorMessage());
        assertEquals(2048, meta(s, "b").flags);
        assertArrayEquals("raw".getBytes(StandardCharsets.UTF_8), meta(s, "b").value);
    }

    @Test
    void atomicWarmupFlipsThePointer() throws Exception {
        Object[] p = {"column", List.of("id", "v"), "key", "item:{id}", "namespace", "cat", "atomicWarmup", true,
            "writeFormat", "raw", "rawColumn", "v", "verifySample", 50};
        JobResult r = run(rows(List.of(row("long:1", "string:one"), row("long:2", "string:two"))),
                writer(servers, concat(p, "version", "1")), 1, 0);
        assertTrue(r.isSuccess(), r.errorMessage());
        MemcachedClient app = Jobs.ketamaClient(servers);
        try {
            assertEquals("1", app.get("cat:current"));
            assertEquals("one", app.get("cat:v1:item:1"));
            r = run(rows(List.of(row("long:1", "string:uno"), row("long:2", "string:dos"))), writer(servers, concat(p, "version", "2")), 1, 0);
            assertTrue(r.isSuccess(), r.errorMessage());
            // the application's read pattern: pointer, then the versioned key
            String v = (String) app.get("cat:current");
            assertEquals("2", v);
            assertEquals("1", app.get("cat:current:previous"));
            assertEquals("uno", app.get("cat:v" + v + ":item:1"));
            assertEquals("one", app.get("cat:v1:item:1"));
            // a dirty record (NULL key) keeps the pointer on version 2 and fails the job
            r = run(rows(List.of(row("long:1", "string:x"), row("null:long", "string:y"))), writer(servers, concat(p, "version", "3")), 1, 5);
            assertFalse(r.isSuccess());
            assertTrue(r.errorMessage().contains("MemcachedWriter-05"), r.errorMessage());
            assertEquals("2", app.get("cat:current"));
            // auto version: yyyyMMddHHmmss
            r = run(rows(List.of(row("long:1", "string:auto"))), writer(servers, p), 1, 0);
            assertTrue(r.isSuccess(), r.errorMessage());
            String auto = (String) app.get("cat:current");
            assertTrue(auto.matches("\\d{14}"), auto);
            assertEquals("auto", app.get("cat:v" + auto + ":item:1"));
        } finally {
            app.shutdown();
        }
    }

    @Test
    void verifySampleDetectsAMismatch() throws Exception {
        // a key written twice with different values in one job: the sample holds both, one must differ
        List<List<String>> rows = List.of(row("string:dup", "string:first"), row("string:dup", "string:second"));
        JobResult r = run(rows(rows), writer(List.of(servers.get(0)), "column", List.of("k", "v"), "key", "{k}",
                "writeFormat", "raw", "rawColumn", "v", "verifySample", 10, "maxInFlightPerNode", 1), 1, 0);
        assertFalse(r.isSuccess());
        assertTrue(r.errorMessage().contains("MemcachedWriter-04") && r.errorMessage().contains("'dup' holds"), r.errorMessage());
    }

    static Object[] concat(Object[] a, Object... b) {
        Object[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static String sha1(String s) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8));
        StringBuilder sb = new StringBuilder();
        for (byte x : d) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }

    /**
     * An independent ketama: MD5 of "name-i" for i in 0..39, four 32-bit little-endian points per digest
     * (160 per server), key hash = first four digest bytes little-endian, first point >= hash (wrapping).
     * {@code nameFormat} gives a server's name on the continuum from its port.
     */
    static int ketama(String key, String nameFormat) throws Exception {
        TreeMap<Long, Integer> ring = new TreeMap<>();
        for (int n = 0; n < servers.size(); n++) {
            MemcachedServer s = servers.get(n);
            String name = String.format(nameFormat, s.port());
            for (int i = 0; i < 40; i++) {
                byte[] d = MessageDigest.getInstance("MD5").digest((name + "-" + i).getBytes(StandardCharsets.UTF_8));
                for (int h = 0; h < 4; h++) {
                    ring.put(point(d, h), n);
                }
            }
        }
        long k = point(MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8)), 0);
        Map.Entry<Long, Integer> e = ring.ceilingEntry(k);
        return (e == null ? ring.firstEntry() : e).getValue();
    }

    private static long point(byte[] d, int h) {
        return ((long) (d[3 + h * 4] & 0xFF) << 24) | ((long) (d[2 + h * 4] & 0xFF) << 16)
                | ((long) (d[1 + h * 4] & 0xFF) << 8) | (d[h * 4] & 0xFF);
    }
}
