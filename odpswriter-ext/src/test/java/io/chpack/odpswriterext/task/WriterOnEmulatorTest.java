package io.chpack.odpswriterext.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.element.StringColumn;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.plugin.RecordReceiver;
import com.alibaba.datax.common.plugin.TaskPluginCollector;
import com.alibaba.datax.common.util.Configuration;
import com.aliyun.odps.data.Binary;
import com.aliyun.odps.data.Struct;

import io.chpack.odpswriterext.config.OdpsWriterConfig;
import io.chpack.odpswriterext.conn.OdpsConnection;
import io.chpack.odpswriterext.plan.WritePlanner;
import io.chpack.testkit.maxcompute.MaxComputeEmulator;

/** Planner + tasks + commit against the in-process emulator, without the engine (fast checks of the codec). */
class WriterOnEmulatorTest {
    private static MaxComputeEmulator mc;

    @BeforeAll
    static void start() {
        mc = MaxComputeEmulator.builder().start();
    }

    @AfterAll
    static void stop() {
        if (mc != null) {
            mc.close();
        }
    }

    static Configuration params(String table, String partition, List<String> columns) {
        Configuration c = Configuration.newDefault();
        c.set("odpsServer", mc.endpoint());
        c.set("tunnelServer", mc.tunnelEndpoint());
        c.set("project", mc.defaultProject());
        c.set("accessId", mc.accessId());
        c.set("accessKey", mc.accessKey());
        c.set("table", table);
        c.set("partition", partition);
        c.set("column", columns);
        c.set("timeZone", "UTC");
        return c;
    }

    /** Job.prepare, split(tasks), each task over its records, Job.post; returns the dirty messages. */
    static List<String> run(Configuration p, List<List<Record>> perTask) {
        OdpsWriterConfig cfg = OdpsWriterConfig.from(p);
        WritePlanner planner = new WritePlanner(cfg, new OdpsConnection(cfg), "streamreader", null);
        List<String> dirty = new ArrayList<>();
        try {
            planner.prepare();
            List<Configuration> tasks = planner.split(p, perTask.size());
            for (int i = 0; i < tasks.size(); i++) {
                new UploadTask(tasks.get(i), collector(dirty)).run(receiver(perTask.get(i)));
            }
            planner.commit();
        } finally {
            planner.destroy();
        }
        return dirty;
    }

    static TaskPluginCollector collector(List<String> dirty) {
        return new TaskPluginCollector() {
            @Override
            public void collectDirtyRecord(Record r, Throwable t, String message) {
                dirty.add(message != null ? message : String.valueOf(t));
            }

            @Override
            public void collectMessage(String key, String value) {
            }
        };
    }

    static RecordReceiver receiver(List<Record> records) {
        Deque<Record> q = new ArrayDeque<>(records);
        return new RecordReceiver() {
            @Override
            public Record getFromReader() {
                return q.poll();
            }

            @Override
            public void shutdown() {
            }
        };
    }

    static Record rec(Column... cols) {
        Record r = new io.chpack.runner.transport.RunnerRecord();
        for (Column c : cols) {
            r.addColumn(c);
        }
        return r;
    }

    @Test
    void everyTypeConvertsAndRoundTrips() {
        mc.execute("CREATE TABLE all_t (c_tinyint TINYINT, c_smallint SMALLINT, c_int INT, c_bigint BIGINT, "
                + "c_float FLOAT, c_double DOUBLE, c_dec DECIMAL(20,0), c_dec2 DECIMAL(9,2), c_bool BOOLEAN, "
                + "c_string STRING, c_varchar VARCHAR(5), c_binary BINARY, c_date DATE, c_datetime DATETIME, "
                + "c_ts TIMESTAMP, c_array ARRAY<BIGINT>, c_map MAP<STRING,DOUBLE>, c_struct STRUCT<a:INT,b:STRING>, "
                + "c_nested ARRAY<STRUCT<x:DECIMAL(5,1),y:ARRAY<STRING>>>) PARTITIONED BY (pt STRING)");
        List<String> cols = Arrays.asList("c_tinyint", "c_smallint", "c_int", "c_bigint", "c_float", "c_double", "c_dec",
                "c_dec2", "c_bool", "c_string", "c_varchar", "c_binary", "c_date", "c_datetime", "c_ts", "c_array",
                "c_map", "c_struct", "c_nested");
        long ms = Instant.parse("2026-03-04T05:06:07.089Z").toEpochMilli();
        Record good = rec(new LongColumn(-128L), new LongColumn(32767L), new LongColumn(-5L),
                new LongColumn(Long.MAX_VALUE), new DoubleColumn("NaN"), new DoubleColumn("0.1"),
                new LongColumn(new BigInteger("18446744073709551615")), new DoubleColumn("1234567.89"),
                new LongColumn(1L), new StringColumn("h\u00e9llo \uD83D\uDE00"), new StringColumn("abcde"),
                new BytesColumn(new byte[] {0, 1, (byte) 0xff}), new DateColumn(Instant.parse("2026-03-04T00:00:00Z")
                        .toEpochMilli()), new DateColumn(ms), new StringColumn("2026-03-04 05:06:07.123456789"),
                new StringColumn("[1,null,3]"), new StringColumn("{\"a\":1.5,\"b\":null}"),
                new StringColumn("[7,\"x\"]"), new StringColumn("[{\"x\":1.5,\"y\":[\"p\",null]}]"));
        Record nulls = rec(new LongColumn((Long) null), new LongColumn((Long) null), new LongColumn((Long) null),
                new LongColumn((Long) null), new DoubleColumn((Double) null), new DoubleColumn((Double) null),
                new LongColumn((Long) null), new DoubleColumn((Double) null), new LongColumn((Long) null),
                new StringColumn(null), new StringColumn(null), new BytesColumn(null), new DateColumn((Long) null),
                new DateColumn((Long) null), new StringColumn(null), new StringColumn(null), new StringColumn(null),
                new StringColumn(null), new StringColumn(null));
        Record overLong = rec(new LongColumn(1L), new LongColumn(1L), new LongColumn(1L), new LongColumn(1L),
                new DoubleColumn("1"), new DoubleColumn("1"), new LongColumn(1L), new DoubleColumn("1"),
                new LongColumn(0L), new StringColumn("s"), new StringColumn("abcdef"), new BytesColumn(new byte[0]),
                new DateColumn((Long) null), new DateColumn((Long) null), new StringColumn(null),
                new StringColumn(null), new StringColumn(null), new StringColumn(null), new StringColumn(null));
        Record decimalOverflow = rec(new LongColumn(1L), new LongColumn(1L), new LongColumn(1L), new LongColumn(1L),
                new DoubleColumn("1"), new DoubleColumn("1"), new LongColumn(1L), new DoubleColumn("12345678.9"),
                new LongColumn(0L), new StringColumn("s"), new StringColumn("a"), new BytesColumn(new byte[0]),
                new DateColumn((Long) null), new DateColumn((Long) null), new StringColumn(null),
                new StringColumn(null), new StringColumn(null), new StringColumn(null), new StringColumn(null));
        Record tinyOverflow = rec(new LongColumn(128L), new LongColumn(1L), new LongColumn(1L), new LongColumn(1L),
                new DoubleColumn("1"), new DoubleColumn("1"), new LongColumn(1L), new DoubleColumn("1"),
                new LongColumn(0L), new StringColumn("s"), new StringColumn("a"), new BytesColumn(new byte[0]),
                new DateColumn((Long) null), new DateColumn((Long) null), new StringColumn(null),
                new StringColumn(null), new StringColumn(null), new StringColumn(null), new StringColumn(null));
        Record badJson = rec(new LongColumn(1L), new LongColumn(1L), new LongColumn(1L), new LongColumn(1L),
                new DoubleColumn("1"), new DoubleColumn("1"), new LongColumn(1L), new DoubleColumn("1"),
                new LongColumn(0L), new StringColumn("s"), new StringColumn("a"), new BytesColumn(new byte[0]),
                new DateColumn((Long) null), new DateColumn((Long) null), new StringColumn(null),
                new StringColumn("{\"not\":\"an array\"}"), new StringColumn(null), new StringColumn(null),
                new StringColumn(null));
        List<String> dirty = run(params("all_t", "pt=p1", cols),
                List.of(List.of(good, overLong, decimalOverflow), List.of(nulls, tinyOverflow, badJson)));
        assertEquals(4, dirty.size(), dirty.toString());
        assertTrue(dirty.get(0).contains("c_varchar") && dirty.get(0).contains("more than 5"), dirty.get(0));
        assertTrue(dirty.get(1).contains("c_dec2") && dirty.get(1).contains("integer digits"), dirty.get(1));
        assertTrue(dirty.get(2).contains("c_tinyint") && dirty.get(2).contains("out of range"), dirty.get(2));
        assertTrue(dirty.get(3).contains("c_array") && dirty.get(3).contains("JSON object is not a JSON array"),
                dirty.get(3));
        List<com.aliyun.odps.data.Record> rows = mc.rows("all_t", "pt=p1");
        assertEquals(2, rows.size());
        com.aliyun.odps.data.ArrayRecord r = (com.aliyun.odps.data.ArrayRecord) rows.get(0);
        assertEquals((byte) -128, r.get("c_tinyint"));
        assertEquals((short) 32767, r.get("c_smallint"));
        assertEquals(-5, r.get("c_int"));
        assertEquals(Long.MAX_VALUE, r.get("c_bigint"));
        assertTrue(Float.isNaN((Float) r.get("c_float")));
        assertEquals(0.1, r.get("c_double"));
        assertEquals(new BigDecimal("18446744073709551615"), r.getDecimal("c_dec"));
        assertEquals(new BigDecimal("1234567.89"), r.getDecimal("c_dec2"));
        assertEquals(Boolean.TRUE, r.get("c_bool"));
        assertEquals("h\u00e9llo \uD83D\uDE00", r.getString("c_string"));
        assertEquals("abcde", r.get("c_varchar").toString());
        assertEquals(Arrays.toString(new byte[] {0, 1, (byte) 0xff}), Arrays.toString(((Binary) r.get("c_binary")).data()));
        assertEquals(LocalDate.of(2026, 3, 4), r.getDateAsLocalDate("c_date"));
        assertEquals(Instant.ofEpochMilli(ms), r.getDatetimeAsZonedDateTime("c_datetime").toInstant());
        assertEquals(Instant.parse("2026-03-04T05:06:07.123456789Z"), r.getTimestampAsInstant("c_ts"));
        assertEquals(Arrays.asList(1L, null, 3L), r.getArray("c_array"));
        Map<?, ?> m = r.getMap("c_map");
        assertEquals(1.5, m.get("a"));
        assertTrue(m.containsKey("b") && m.get("b") == null);
        Struct st = r.getStruct("c_struct");
        assertEquals(Arrays.asList(7, "x"), st.getFieldValues());
        List<?> nested = r.getArray("c_nested");
        Struct n0 = (Struct) nested.get(0);
        assertEquals(new BigDecimal("1.5"), n0.getFieldValue("x"));
        assertEquals(Arrays.asList("p", null), n0.getFieldValue("y"));
        com.aliyun.odps.data.Record allNull = rows.get(1);
        for (int i = 0; i < allNull.getColumnCount(); i++) {
            assertEquals(null, allNull.get(i), "column " + i);
        }
    }

    @Test
    void dynamicPartitionsWithFewOpenPartitionsAndTwoTasks() {
        mc.execute("CREATE TABLE dyn_t (id BIGINT, v STRING) PARTITIONED BY (ds STRING, hh BIGINT)");
        List<List<Record>> tasks = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            List<Record> recs = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                long id = t * 1000L + i;
                recs.add(rec(new LongColumn(id), new StringColumn("v" + id), new LongColumn((long) (i % 7))));
            }
            recs.add(rec(new LongColumn(-1L), new StringColumn("bad"), new StringColumn("x/y")));
            tasks.add(recs);
        }
        Configuration p = params("dyn_t", "ds=20260101", Arrays.asList("id", "v", "hh"));
        p.set("maxOpenPartitions", 2);
        List<String> dirty = run(p, tasks);
        assertEquals(2, dirty.size(), dirty.toString());
        assertTrue(dirty.get(0).contains("partition column 'hh'"), dirty.get(0));
        assertEquals(7, mc.partitions("dyn_t").size(), mc.partitions("dyn_t").toString());
        long total = 0;
        for (int h = 0; h < 7; h++) {
            List<Long> ids = mc.rows("dyn_t", "ds=20260101,hh=" + h).stream().map(r -> r.getBigint("id"))
                    .sorted().collect(Collectors.toList());
            for (long id : ids) {
                assertEquals(h, (id % 1000) % 7, "row " + id + " in hh=" + h);
            }
            total += ids.size();
        }
        assertEquals(1000, total);
        // one session per partition for the whole job, each committed once
        assertEquals(7, mc.uploadSessions().stream().filter(u -> u.table().equals("dyn_t")).count());
        assertTrue(mc.uploadSessions().stream().filter(u -> u.table().equals("dyn_t"))
                .allMatch(u -> u.status().equals("closed")));
    }

    @Test
    void missingTableAndPartitionMismatchFailWithReasons() {
        DataXException missing = assertThrows(DataXException.class,
                () -> run(params("no_such_t", "", Arrays.asList("a")), List.of(List.of())));
        assertTrue(missing.getMessage().contains("does not exist") && missing.getMessage().contains("createTable"),
                missing.getMessage());
        mc.execute("CREATE TABLE pm_t (a BIGINT) PARTITIONED BY (ds STRING)");
        DataXException wrongKey = assertThrows(DataXException.class,
                () -> run(params("pm_t", "dt=1", Arrays.asList("a")), List.of(List.of())));
        assertTrue(wrongKey.getMessage().contains("'dt', which is not a partition key"), wrongKey.getMessage());
        DataXException none = assertThrows(DataXException.class,
                () -> run(params("pm_t", "", Arrays.asList("a")), List.of(List.of())));
        assertTrue(none.getMessage().contains("gives no value for 'ds'"), none.getMessage());
        assertFalse(mc.tableExists("no_such_t"));
    }

    @Test
    void wrongKeyIsRefusedWithoutPrintingIt() {
        mc.execute("CREATE TABLE auth_t (a BIGINT)");
        Configuration p = params("auth_t", "", Arrays.asList("a"));
        p.set("accessKey", "WrongSecretValue123456");
        DataXException e = assertThrows(DataXException.class, () -> run(p, List.of(List.of())));
        assertTrue(e.getMessage().contains("OdpsWriterExt-07"), e.getMessage());
        assertFalse(e.getMessage().contains("WrongSecretValue123456"), e.getMessage());
    }

    @Test
    void truncateWithDynamicPartitionsReplacesOnlyThePartitionsWritten() {
        mc.execute("CREATE TABLE dyn_ow (id BIGINT) PARTITIONED BY (ds STRING)");
        run(params("dyn_ow", "", Arrays.asList("id", "ds")), List.of(List.of(
                rec(new LongColumn(1L), new StringColumn("a")), rec(new LongColumn(2L), new StringColumn("b")),
                rec(new LongColumn(3L), new StringColumn("c")))));
        Configuration p = params("dyn_ow", "", Arrays.asList("id", "ds"));
        p.set("truncate", true);
        run(p, List.of(List.of(rec(new LongColumn(10L), new StringColumn("a"))),
                List.of(rec(new LongColumn(20L), new StringColumn("b")), rec(new LongColumn(21L), new StringColumn("b")))));
        assertEquals(List.of(10L), ids("dyn_ow", "ds=a"));
        assertEquals(List.of(20L, 21L), ids("dyn_ow", "ds=b"));
        assertEquals(List.of(3L), ids("dyn_ow", "ds=c"), "a partition without rows in this run is untouched");
        assertTrue(mc.uploadSessions().stream().filter(u -> u.table().equals("dyn_ow") && u.overwrite()).count() == 2);
    }

    @Test
    void aFailedTaskMeansNoCommitAndTheRegistryRefusesAPartialJob() {
        mc.execute("CREATE TABLE part_fail (id BIGINT) PARTITIONED BY (ds STRING)");
        Configuration p = params("part_fail", "", Arrays.asList("id", "ds"));
        OdpsWriterConfig cfg = OdpsWriterConfig.from(p);
        WritePlanner planner = new WritePlanner(cfg, new OdpsConnection(cfg), "streamreader", null);
        try {
            planner.prepare();
            List<Configuration> tasks = planner.split(p, 2);
            new UploadTask(tasks.get(0), collector(new ArrayList<>())).run(receiver(List.of(
                    rec(new LongColumn(1L), new StringColumn("x")))));
            // task 1 never reports (it failed or ran elsewhere): Job.post must not commit task 0's partition
            DataXException e = assertThrows(DataXException.class, planner::commit);
            assertTrue(e.getMessage().contains("tasks [1] did not report"), e.getMessage());
        } finally {
            planner.destroy();
        }
        assertEquals(List.of(), ids("part_fail", "ds=x"));
        assertTrue(mc.uploadSessions().stream().filter(u -> u.table().equals("part_fail"))
                .noneMatch(u -> u.status().equals("closed")));
    }

    /** preSql runs in Job.prepare, postSql in Job.post after the commit; a job that fails runs no postSql. */
    @Test
    void preSqlBeforeAndPostSqlOnlyAfterACommit() {
        mc.execute("CREATE TABLE sql_t (id BIGINT) PARTITIONED BY (ds STRING)");
        mc.execute("ALTER TABLE sql_t ADD PARTITION (ds='old')");
        Configuration p = params("sql_t", "ds=new", Arrays.asList("id"));
        p.set("preSql", List.of("ALTER TABLE sql_t ADD PARTITION (ds='pre')"));
        p.set("postSql", List.of("ALTER TABLE sql_t DROP PARTITION (ds='old')"));
        run(p, List.of(List.of(rec(new LongColumn(1L)), rec(new LongColumn(2L)))));
        assertEquals(List.of(1L, 2L), ids("sql_t", "ds=new"));
        assertTrue(mc.partitions("sql_t").contains("ds=pre"), mc.partitions("sql_t").toString());
        assertFalse(mc.partitions("sql_t").contains("ds=old"), mc.partitions("sql_t").toString());

        Configuration failing = params("sql_t", "", Arrays.asList("id", "ds"));
        failing.set("postSql", List.of("ALTER TABLE sql_t DROP PARTITION (ds='pre')"));
        OdpsWriterConfig cfg = OdpsWriterConfig.from(failing);
        WritePlanner planner = new WritePlanner(cfg, new OdpsConnection(cfg), "streamreader", null);
        try {
            planner.prepare();
            planner.split(failing, 2);
            // dynamic partitions and no task reported: Job.post refuses to commit, so postSql must not run either
            assertThrows(DataXException.class, planner::commit);
        } finally {
            planner.destroy();
        }
        assertTrue(mc.partitions("sql_t").contains("ds=pre"), "postSql ran although the job failed");
    }

    private static List<Long> ids(String table, String spec) {
        return mc.rows(table, spec).stream().map(r -> r.getBigint("id")).sorted().collect(Collectors.toList());
    }

    @Test
    void stsTokensAreSentAndAWrongTokenIsRefusedWithoutPrintingIt() {
        try (MaxComputeEmulator sts = MaxComputeEmulator.builder().credentials("STS.tempId01", "tempSecretValue99")
                .stsToken("STS.tempId01", "goodStsToken-abc").start()) {
            sts.execute("CREATE TABLE sts_t (id BIGINT)");
            Configuration p = Configuration.newDefault();
            p.set("odpsServer", sts.endpoint());
            p.set("tunnelServer", sts.tunnelEndpoint());
            p.set("project", sts.defaultProject());
            p.set("accessId", "STS.tempId01");
            p.set("accessKey", "tempSecretValue99");
            p.set("securityToken", "goodStsToken-abc");
            p.set("table", "sts_t");
            p.set("column", Arrays.asList("id"));
            run(p, List.of(List.of(rec(new LongColumn(7L)))));
            assertEquals(1, sts.rows("sts_t").size());
            p.set("securityToken", "stolenOrExpiredToken-xyz");
            DataXException e = assertThrows(DataXException.class, () -> run(p, List.of(List.of())));
            assertTrue(e.getMessage().contains("OdpsWriterExt-07"), e.getMessage());
            assertFalse(e.getMessage().contains("stolenOrExpiredToken-xyz"), e.getMessage());
            assertFalse(e.getMessage().contains("tempSecretValue99"), e.getMessage());
        }
    }
}
