package io.chpack.kafkareader.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.alibaba.fastjson2.JSON;

import io.chpack.testkit.ClickHouseServer;
import io.chpack.testkit.FreePorts;
import io.chpack.testkit.KafkaBroker;
import io.chpack.testkit.Wait;
import io.chpack.testkit.ZooKeeperServer;

/**
 * kafkareader → clickhousewriter against a real Kafka 4.3.1 KRaft broker and ClickHouse 18.16 with ZooKeeper
 * (ReplicatedMergeTree for dedup mode). Every job runs in a child JVM through the runner's ChpackMain.
 */
@Timeout(900)
class KafkaReaderIT {
    static ZooKeeperServer zk;
    static ClickHouseServer ch;
    static KafkaBroker broker;
    static Kafka kafka;
    static ItHome home;

    static final String DDL = "(id UInt64, name String, amount Float64, x Int64, part UInt32, off UInt64)";
    static final List<Object> JSON_COLUMNS = List.of("id", "name", "amount", Map.of("name", "x", "path", "$.tags.x"),
            Map.of("name", "part", "meta", "partition"), Map.of("name", "off", "meta", "offset"));

    @BeforeAll
    static void start() {
        zk = ZooKeeperServer.start();
        ch = ClickHouseServer.builder().extraConfig("<zookeeper><node><host>127.0.0.1</host><port>" + zk.port()
                + "</port></node></zookeeper>").start();
        broker = KafkaBroker.start();
        kafka = new Kafka(broker.bootstrapServers());
        home = new ItHome();
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (ch != null) {
            ch.close();
        }
        if (zk != null) {
            zk.close();
        }
    }

    // ---------------------------------------------------------------- helpers

    static void plain(String table) {
        ch.query("DROP TABLE IF EXISTS " + table);
        ch.query("CREATE TABLE " + table + " " + DDL + " ENGINE = MergeTree() ORDER BY id");
    }

    static void replicated(String table) {
        ch.query("DROP TABLE IF EXISTS " + table);
        ch.query("CREATE TABLE " + table + " " + DDL + " ENGINE = ReplicatedMergeTree('/clickhouse/tables/" + table
                + "_" + System.nanoTime() + "', 'r1') ORDER BY id");
    }

    static String json(long i) {
        return "{\"id\":" + i + ",\"name\":\"n" + i + "\",\"amount\":" + i + ".25,\"tags\":{\"x\":" + (i % 7) + "}}";
    }

    /** Messages id from..to-1, round-robin over the partitions. */
    static void produce(String topic, int partitions, long from, long to) {
        for (long i = from; i < to; i++) {
            kafka.send(topic, (int) (i % partitions), "k" + i, json(i));
        }
        kafka.flush();
    }

    static Map<String, Object> reader(String topic, String group, Map<String, Object> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("bootstrapServers", broker.bootstrapServers());
        p.put("topic", topic);
        if (group != null) {
            p.put("groupId", group);
        }
        p.put("format", "json");
        p.put("column", JSON_COLUMNS);
        p.putAll(extra);
        return p;
    }

    static Map<String, Object> writer(String table, Map<String, Object> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("username", "default");
        p.put("password", "");
        p.put("column", List.of("id", "name", "amount", "x", "part", "off"));
        p.put("connection", List.of(Map.of("jdbcUrl", ch.jdbcUrl("default"), "table", List.of(table))));
        p.putAll(extra);
        return p;
    }

    static String job(Map<String, Object> reader, Map<String, Object> writer, int channels, int errorLimit,
            Map<String, Object> top) {
        Map<String, Object> job = new LinkedHashMap<>(top);
        job.put("job", Map.of("setting", Map.of("speed", Map.of("channel", channels), "errorLimit",
                Map.of("record", errorLimit)), "content", List.of(Map.of(
                "reader", Map.of("name", "kafkareader", "parameter", reader),
                "writer", Map.of("name", "clickhousewriter", "parameter", writer)))));
        return JSON.toJSONString(job);
    }

    static String job(Map<String, Object> reader, Map<String, Object> writer, int channels) {
        return job(reader, writer, channels, 0, Map.of());
    }

    static long count(String sql) {
        return Long.parseLong(ch.query(sql).trim());
    }

    /** The table holds exactly ids [0, n): n rows, n distinct ids, the right sum, each row's own values. */
    static void assertExactly(String table, long n, String context) {
        String expected = n + "\t" + n + "\t" + (n * (n - 1) / 2) + "\t0";
        String actual = ch.query("SELECT count(), uniqExact(id), sum(id), countIf(name != concat('n', toString(id)) "
                + "OR x != id % 7 OR amount != id + 0.25 OR part != id % 3) FROM " + table).trim();
        assertEquals(expected, actual, context + ": rows, distinct ids, sum of ids, wrong rows in " + table);
    }

    // ---------------------------------------------------------------- bounded runs and offsets

    @Test
    void boundedRunsReadEachMessageOnceAndCommitInPost() throws Exception {
        String topic = "orders_bounded";
        kafka.createTopic(topic, 3);
        produce(topic, 3, 0, 3000);
        plain("t_bounded");
        String job = job(reader(topic, "g_bounded", Map.of()), writer("t_bounded", Map.of()), 2);
        ItHome.Result r = home.run(job);
        assertTrue(r.ok(), r::toString);
        assertExactly("t_bounded", 3000, "first run");
        Map<TopicPartition, OffsetAndMetadata> committed = kafka.committed("g_bounded");
        assertEquals(3, committed.size(), committed::toString);
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
            assertEquals(1000, e.getValue().offset(), e::toString);
            assertTrue(e.getValue().metadata().startsWith("chpack-done:1:"), e::toString);
        }
        ItHome.Result again = home.run(job);
        assertTrue(again.ok(), again::toString);
        assertExactly("t_bounded", 3000, "second run, nothing new");
        assertTrue(again.output().contains("reading 0 messages"), "the rerun planned nothing");
        produce(topic, 3, 3000, 4000);
        ItHome.Result third = home.run(job);
        assertTrue(third.ok(), third::toString);
        assertExactly("t_bounded", 4000, "third run, 1000 more");
    }

    @Test
    void failedJobCommitsNothingAndTheRerunReplaysTheSamePlan() throws Exception {
        String topic = "orders_failed";
        kafka.createTopic(topic, 3);
        produce(topic, 3, 0, 1500);
        kafka.send(topic, 1, "bad", "{not json");
        kafka.flush();
        produce(topic, 3, 1500, 3000); // after the bad message: planned in the same run
        replicated("t_failed");
        Map<String, Object> w = writer("t_failed", Map.of("mode", "dedup", "batchSize", 200));
        Map<String, Object> rd = reader(topic, "g_failed", Map.of("blockRows", 200));
        ItHome.Result failed = home.run(job(rd, w, 2, 0, Map.of()));
        assertFalse(failed.ok(), failed::toString);
        assertTrue(failed.output().contains(topic + "/1@500"), "the dirty record names topic/partition@offset");
        for (OffsetAndMetadata om : kafka.committed("g_failed").values()) {
            assertTrue(om.metadata().startsWith("chpack-plan:1:"), "only the pending plan, nothing committed: " + om);
            assertEquals(0, om.offset(), om::toString);
        }
        // A new message arrives before the rerun: the rerun replays the old plan only, then the next run reads it.
        kafka.send(topic, 0, "late", json(3000));
        kafka.flush();
        ItHome.Result rerun = home.run(job(rd, w, 3, 1, Map.of()));
        assertTrue(rerun.ok(), rerun::toString);
        assertTrue(rerun.output().contains("replaying"), rerun::toString);
        assertExactly("t_failed", 3000, "replayed plan, blocks of the failed run dropped as duplicates");
        ItHome.Result next = home.run(job(rd, w, 2, 0, Map.of()));
        assertTrue(next.ok(), next::toString);
        assertExactly("t_failed", 3001, "the late message in the next run");
    }

    // ---------------------------------------------------------------- kill mid-run

    @Test
    void jobKilledMidRunDedupModeRerunIsExact() throws Exception {
        killAndRerun("dedup");
    }

    @Test
    void jobKilledMidRunStagingModeRerunIsExact() throws Exception {
        killAndRerun("staging");
    }

    /**
     * Three kill points per mode: the job (1 channel, throttled to 5000 records/s) is SIGKILLed once the target
     * (dedup) or the staging tables (staging) hold a share of the rows; the rerun uses 3 channels, so its tasks group
     * the partitions differently: the blocks still match because they are cut at the reader's block keys. The
     * table must end with exactly the topic's messages; then 900 more messages add exactly 900 rows.
     */
    private void killAndRerun(String mode) throws Exception {
        int n = 15_000;
        double[] points = {0.2, 0.5, 0.8};
        List<String> outcomes = new ArrayList<>();
        for (int k = 0; k < points.length; k++) {
            String topic = "orders_kill_" + mode + "_" + k;
            String table = "t_kill_" + mode + "_" + k;
            String group = "g_kill_" + mode + "_" + k;
            kafka.createTopic(topic, 3);
            produce(topic, 3, 0, n);
            if ("dedup".equals(mode)) {
                replicated(table);
            } else {
                plain(table);
            }
            Map<String, Object> rd = reader(topic, group, Map.of("blockRows", 500));
            Map<String, Object> w = writer(table, Map.of("mode", mode, "batchSize", 500));
            Map<String, Object> slow = Map.of("core", Map.of("transport", Map.of("channel", Map.of("speed",
                    Map.of("record", 5000)))));
            ItHome.Run run = home.start(job(rd, w, 1, 0, slow));
            long threshold = (long) (points[k] * n);
            String progress = "dedup".equals(mode) ? "SELECT count() FROM " + table
                    : "SELECT sum(rows) FROM system.parts WHERE active AND table LIKE '\\\\_\\\\_chpack\\\\_stage\\\\_"
                    + table + "%'";
            Wait.until("progress " + threshold + " rows for " + table, Duration.ofSeconds(120),
                    () -> !run.process.isAlive() || count(progress) >= threshold);
            assertTrue(run.process.isAlive(), "the job ended before the kill point: " + run.output());
            run.kill();
            if ("staging".equals(mode)) {
                assertEquals(0, count("SELECT count() FROM " + table), "staging: nothing in the target before post");
            }
            ItHome.Result rerun = home.run(job(rd, w, 3));
            assertTrue(rerun.ok(), rerun::toString);
            assertTrue(rerun.output().contains("replaying"), "the rerun replays the killed run's plan");
            assertExactly(table, n, mode + " kill at " + points[k]);
            produce(topic, 3, n, n + 900);
            ItHome.Result more = home.run(job(rd, w, 2));
            assertTrue(more.ok(), more::toString);
            assertExactly(table, n + 900, mode + " after the kill at " + points[k] + ", 900 more");
            outcomes.add(points[k] + ": exact");
        }
        System.out.println("kill outcomes (" + mode + "): " + outcomes);
    }

    // ---------------------------------------------------------------- formats

    @Test
    void rawFormatSelectsKeyValueHeadersTopicPartitionOffsetTimestamp() throws Exception {
        String topic = "raw_topic";
        kafka.createTopic(topic, 2);
        long ts = 1_700_000_000_000L;
        for (int i = 0; i < 10; i++) {
            ProducerRecord<String, String> rec = new ProducerRecord<>(topic, i % 2, ts + i * 1000L, i == 9 ? null
                    : "key" + i,
                    "value " + i);
            rec.headers().add("h", ("hv" + i).getBytes(StandardCharsets.UTF_8));
            kafka.send(rec);
        }
        kafka.flush();
        ch.query("DROP TABLE IF EXISTS t_raw");
        ch.query("CREATE TABLE t_raw (k Nullable(String), v String, hs String, h String, topic String, p UInt32, "
                + "o UInt64, ts DateTime) ENGINE = MergeTree() ORDER BY (p, o)");
        Map<String, Object> rd = new LinkedHashMap<>();
        rd.put("bootstrapServers", broker.bootstrapServers());
        rd.put("topic", topic);
        rd.put("groupId", "g_raw");
        rd.put("format", "raw");
        rd.put("column", List.of("key", "value", "headers", "header:h", "topic", "partition", "offset", "timestamp"));
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("column", List.of("k", "v", "hs", "h", "topic", "p", "o", "ts"));
        w.put("connection", List.of(Map.of("jdbcUrl", ch.jdbcUrl("default"), "table", List.of("t_raw"))));
        ItHome.Result r = home.run(job(rd, w, 2));
        assertTrue(r.ok(), r::toString);
        assertEquals("key0\tvalue 0\t{\"h\":\"hv0\"}\thv0\traw_topic\t0\t0\t" + ch.query(
                "SELECT toString(toDateTime(1700000000))").trim(),
                ch.query("SELECT * FROM t_raw WHERE p = 0 AND o = 0").trim());
        assertEquals("10\t1\t5\t5", ch.query("SELECT count(), countIf(k IS NULL), countIf(p = 0), countIf(p = 1) "
                + "FROM t_raw").trim());
    }

    @Test
    void csvFormatWithQuotesNullsAndBadLines() throws Exception {
        String topic = "csv_topic";
        kafka.createTopic(topic, 1);
        kafka.send(topic, 0, null, "1,alice,\"a, \"\"quoted\"\" text\",10");
        kafka.send(topic, 0, null, "2,bob,\\N,20");
        kafka.send(topic, 0, null, "3,carol,plain,not-a-number");
        kafka.send(topic, 0, null, "4,dave,\"unclosed,40");
        kafka.send(topic, 0, null, "5,eve");
        kafka.flush();
        ch.query("DROP TABLE IF EXISTS t_csv");
        ch.query("CREATE TABLE t_csv (id UInt32, name String, note Nullable(String), n Nullable(Int64)) "
                + "ENGINE = MergeTree() ORDER BY id");
        Map<String, Object> rd = new LinkedHashMap<>();
        rd.put("bootstrapServers", broker.bootstrapServers());
        rd.put("topic", topic);
        rd.put("groupId", "g_csv");
        rd.put("format", "csv");
        rd.put("nullFormat", "\\N");
        rd.put("column", List.of("id", "name", "note", Map.of("name", "n", "index", 3, "type", "long")));
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("column", List.of("id", "name", "note", "n"));
        w.put("connection", List.of(Map.of("jdbcUrl", ch.jdbcUrl("default"), "table", List.of("t_csv"))));
        ItHome.Result r = home.run(job(rd, w, 1, 10, Map.of()));
        assertTrue(r.ok(), r::toString);
        assertEquals("1\talice\ta, \"quoted\" text\t10\n2\tbob\t\\N\t20\n5\teve\t\\N\t\\N",
                ch.query("SELECT * FROM t_csv ORDER BY id").trim());
        assertTrue(r.output().contains("csv_topic/0@2"), "dirty: not-a-number, named by offset");
        assertTrue(r.output().contains("csv_topic/0@3"), "dirty: unclosed quote, named by offset");
    }

    @Test
    void debeziumEnvelopesIntoReplacingMergeTree() throws Exception {
        String topic = "dbz_topic";
        kafka.createTopic(topic, 1);
        String[] events = {
            "{\"schema\":{},\"payload\":{\"op\":\"r\",\"before\":null,\"after\":{\"id\":1,\"v\":\"a\"},\"ts_ms\":1}}",
            "{\"op\":\"c\",\"before\":null,\"after\":{\"id\":2,\"v\":\"b\"},\"ts_ms\":2}",
            "{\"op\":\"u\",\"before\":{\"id\":1,\"v\":\"a\"},\"after\":{\"id\":1,\"v\":\"a2\"},\"ts_ms\":3}",
            "{\"op\":\"d\",\"before\":{\"id\":2,\"v\":\"b\"},\"after\":null,\"ts_ms\":4}",
            null, // tombstone
            "{\"op\":\"c\",\"after\":{\"id\":3,\"v\":\"c\"},\"ts_ms\":5}",
            "{\"op\":\"x\",\"after\":{\"id\":4}}" // unknown op: dirty
        };
        for (String e : events) {
            kafka.send(topic, 0, "k", e);
        }
        kafka.flush();
        ch.query("DROP TABLE IF EXISTS t_dbz");
        ch.query("CREATE TABLE t_dbz (id UInt32, v String, op String, deleted UInt8, version UInt64, ts Int64) "
                + "ENGINE = ReplacingMergeTree(version) ORDER BY id");
        Map<String, Object> rd = new LinkedHashMap<>();
        rd.put("bootstrapServers", broker.bootstrapServers());
        rd.put("topic", topic);
        rd.put("groupId", "g_dbz");
        rd.put("format", "debezium");
        rd.put("column", List.of("id", "v", Map.of("name", "op", "meta", "op"), Map.of("name", "deleted", "meta",
                "deleted"), Map.of("name", "version", "meta", "version"), Map.of("name", "ts", "meta", "tsMs")));
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("column", List.of("id", "v", "op", "deleted", "version", "ts"));
        w.put("connection", List.of(Map.of("jdbcUrl", ch.jdbcUrl("default"), "table", List.of("t_dbz"))));
        ItHome.Result r = home.run(job(rd, w, 1, 1, Map.of()));
        assertTrue(r.ok(), r::toString);
        assertEquals("5", ch.query("SELECT count() FROM t_dbz").trim(), "r, c, u, d, c: 5 rows (tombstone skipped)");
        assertEquals("1\ta2\tu\t0\t2\t3\n3\tc\tc\t0\t5\t5",
                ch.query("SELECT * FROM t_dbz FINAL WHERE deleted = 0 ORDER BY id").trim());
        assertEquals("2\tb\td\t1\t3\t4", ch.query("SELECT * FROM t_dbz FINAL WHERE deleted = 1").trim());
        assertTrue(r.output().contains("dbz_topic/0@6"), "unknown op is dirty, named by offset");
    }

    @Test
    void jsonMissingFieldsAreNullOrDirtyByOption() throws Exception {
        String topic = "json_missing";
        kafka.createTopic(topic, 1);
        kafka.send(topic, 0, null, "{\"id\":1,\"name\":\"full\",\"amount\":1.5,\"tags\":{\"x\":3}}");
        kafka.send(topic, 0, null, "{\"id\":2,\"amount\":2}");
        kafka.send(topic, 0, null, "[1,2]");
        kafka.flush();
        ch.query("DROP TABLE IF EXISTS t_missing");
        ch.query("CREATE TABLE t_missing (id UInt64, name Nullable(String), amount Float64, x Nullable(Int64), "
                + "part UInt32, off UInt64) ENGINE = MergeTree() ORDER BY id");
        Map<String, Object> w = writer("t_missing", Map.of());
        ItHome.Result asNull = home.run(job(reader(topic, "g_missing_null", Map.of()), w, 1, 5, Map.of()));
        assertTrue(asNull.ok(), asNull::toString);
        // [1,2] has none of the fields: all NULL, and NULL into the UInt64 id is the writer's dirty record.
        assertEquals("1\tfull\t1.5\t3\n2\t\\N\t2\t\\N", ch.query("SELECT id, name, amount, x FROM t_missing ORDER BY id")
                .trim());
        ch.query("TRUNCATE TABLE t_missing");
        ItHome.Result dirty = home.run(job(reader(topic, "g_missing_dirty", Map.of("missingField", "dirty")), w, 1, 5,
                Map.of()));
        assertTrue(dirty.ok(), dirty::toString);
        assertEquals("1", ch.query("SELECT groupArray(id) = [1] FROM t_missing").trim());
        assertTrue(dirty.output().contains("json_missing/0@1") && dirty.output().contains("is missing"),
                dirty::toString);
    }

    // ---------------------------------------------------------------- start positions and checkpoints

    @Test
    void startPositionsEarliestLatestTimestampOffsets() throws Exception {
        String topic = "positions";
        kafka.createTopic(topic, 3);
        long t0 = System.currentTimeMillis() - 3_600_000;
        for (long i = 0; i < 300; i++) {
            kafka.send(new ProducerRecord<>(topic, (int) (i % 3), t0 + i * 1000, "k" + i, json(i)));
        }
        kafka.flush();
        // timestamp: messages 150.. (each partition from its first message at or after t0 + 150 s)
        plain("t_ts");
        ItHome.Result ts = home.run(job(reader(topic, "g_ts", Map.of("startPosition", "timestamp", "startTimestamp",
                Long.toString(t0 + 150_000))), writer("t_ts", Map.of()), 2));
        assertTrue(ts.ok(), ts::toString);
        assertEquals("150\t150\t299", ch.query("SELECT count(), min(id), max(id) FROM t_ts").trim());
        // offsets: partition 0 from offset 90 (id 270..), the others from the group (none: noCommittedOffset latest)
        plain("t_off");
        ItHome.Result off = home.run(job(reader(topic, "g_off", Map.of("startPosition", "offsets", "startOffsets",
                Map.of("0", 90), "noCommittedOffset", "latest")), writer("t_off", Map.of()), 2));
        assertTrue(off.ok(), off::toString);
        assertEquals("10\t270\t297", ch.query("SELECT count(), min(id), max(id) FROM t_off").trim());
        // latest: nothing now, then only what arrives after
        plain("t_latest");
        Map<String, Object> latest = reader(topic, "g_latest", Map.of("startPosition", "latest"));
        assertTrue(home.run(job(latest, writer("t_latest", Map.of()), 2)).ok());
        assertEquals(0, count("SELECT count() FROM t_latest"));
        produce(topic, 3, 300, 330);
        Map<String, Object> group = reader(topic, "g_latest", Map.of());
        ItHome.Result after = home.run(job(group, writer("t_latest", Map.of()), 2));
        assertTrue(after.ok(), after::toString);
        assertEquals("30\t300\t329", ch.query("SELECT count(), min(id), max(id) FROM t_latest").trim());
        // earliest: everything again (a reload), whatever the group committed
        plain("t_earliest");
        ItHome.Result earliest = home.run(job(reader(topic, "g_latest", Map.of("startPosition", "earliest")),
                writer("t_earliest", Map.of()), 2));
        assertTrue(earliest.ok(), earliest::toString);
        assertExactly("t_earliest", 330, "earliest");
    }

    @Test
    void fileAndZooKeeperCheckpointsInsteadOfAGroup() throws Exception {
        String topic = "ckpt_topic";
        kafka.createTopic(topic, 2);
        produce(topic, 2, 0, 400);
        Path file = home.work.resolve("ckpt/offsets.json");
        Map<String, Object> fileCkpt = Map.of("checkpoint", Map.of("type", "file", "path", file.toString()));
        Map<String, Object> zkCkpt = Map.of("checkpoint", Map.of("type", "zookeeper", "zookeeper", zk.connectString(),
                "path", "/chpack/kafkareader/ckpt_it"));
        for (Map<String, Object> ck : List.of(fileCkpt, zkCkpt)) {
            String table = ck == fileCkpt ? "t_ckpt_file" : "t_ckpt_zk";
            plain(table);
            Map<String, Object> rd = reader(topic, null, ck);
            // Each partition of this topic holds ids of one parity; assertExactly's part check is for 3 partitions.
            ItHome.Result r = home.run(job(rd, writer(table, Map.of()), 2));
            assertTrue(r.ok(), r::toString);
            assertEquals("400\t400", ch.query("SELECT count(), uniqExact(id) FROM " + table).trim());
            assertTrue(home.run(job(rd, writer(table, Map.of()), 2)).ok());
            assertEquals("400", ch.query("SELECT count() FROM " + table).trim(), "second run reads nothing");
        }
        String doc = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        assertEquals("{\"version\":1,\"offsets\":{\"ckpt_topic/0\":200,\"ckpt_topic/1\":200}}", doc);
    }

    // ---------------------------------------------------------------- named errors

    @Test
    void missingTopicAndUnreachableBrokerAreNamedErrors() throws Exception {
        plain("t_err");
        ItHome.Result missing = home.run(job(reader("no_such_topic", "g_err", Map.of()), writer("t_err", Map.of()), 1));
        assertFalse(missing.ok());
        assertTrue(missing.output().contains("KafkaReader-02") && missing.output().contains("no_such_topic"),
                missing::toString);
        int port = FreePorts.pick(1)[0];
        Map<String, Object> rd = reader("orders", "g_err", Map.of("requestTimeoutMs", 3000));
        rd.put("bootstrapServers", "127.0.0.1:" + port);
        ItHome.Result unreachable = home.run(job(rd, writer("t_err", Map.of()), 1));
        assertFalse(unreachable.ok());
        assertTrue(unreachable.output().contains("KafkaReader-01") && unreachable.output().contains("127.0.0.1:" + port),
                unreachable::toString);
        Map<String, Object> secret = reader("orders", "g_err", Map.of("properties", Map.of("security.protocol",
                "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN", "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" "
                        + "password=\"s3cr3t-Pa55\";")));
        ItHome.Result auth = home.run(job(secret, writer("t_err", Map.of()), 1));
        assertFalse(auth.ok());
        assertTrue(auth.output().contains("sasl.jaas.config=******"), "kafkareader logs the property masked");
        // nowhere: not in the engine's echo of the job JSON, not in kafkareader's or kafka-clients' lines
        assertFalse(auth.output().contains("s3cr3t-Pa55"), "the SASL password leaked: " + auth.output());
    }
}
