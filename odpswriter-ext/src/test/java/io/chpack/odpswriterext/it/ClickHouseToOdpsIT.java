package io.chpack.odpswriterext.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.aliyun.odps.Column;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.data.Binary;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.RecordWriter;
import com.aliyun.odps.data.Struct;
import com.aliyun.odps.tunnel.TableTunnel;

import io.chpack.runner.JobResult;
import io.chpack.testkit.ClickHouseServer;
import io.chpack.testkit.maxcompute.MaxComputeEmulator;

/** clickhousereader → odpswriter-ext → MaxCompute emulator through the engine, both plugins as shaded jars. */
class ClickHouseToOdpsIT {
    private static final List<String> ALL_COLUMNS = List.of("id", "i8", "i16", "i32", "i64", "u8", "u16", "u64", "f32",
            "f64", "d9", "d38", "s", "fs", "uid", "e", "d", "dt", "ns", "ni", "arr", "arrs", "tup");
    private static ClickHouseServer ch;
    private static MaxComputeEmulator mc;

    @BeforeAll
    static void start() {
        ch = ClickHouseServer.start();
        mc = MaxComputeEmulator.builder().start();
        ch.query("CREATE TABLE all_types (id UInt32, i8 Int8, i16 Int16, i32 Int32, i64 Int64, u8 UInt8, u16 UInt16, "
                + "u64 UInt64, f32 Float32, f64 Float64, d9 Decimal(9,2), d38 Decimal(38,10), s String, "
                + "fs FixedString(3), uid UUID, e Enum8('a' = 1, 'b' = 2), d Date, dt DateTime('UTC'), "
                + "ns Nullable(String), ni Nullable(Int32), arr Array(Int32), arrs Array(String), "
                + "tup Tuple(Int32, String)) ENGINE = MergeTree ORDER BY id");
        ch.query("INSERT INTO all_types SELECT number, toInt8(number % 256 - 128), toInt16(number * 37 - 20000), "
                + "toInt32(number * 100003 - 50000000), toInt64(number) * 1000000007 - 4000000000000, "
                + "toUInt8(number % 256), toUInt16(number * 61 % 65536), "
                + "if(number = 0, toUInt64('18446744073709551615'), toUInt64(number * 1000)), "
                + "toFloat32(number) / 8, number / 3, toDecimal32(number * 0.25, 2), "
                + "toDecimal128(number, 10) / toDecimal128(7, 0), concat('row ', toString(number), ' \u00e9\u4e2d'), "
                + "toFixedString(toString(number % 100), 3), generateUUIDv4(), if(number % 2 = 0, 'a', 'b'), "
                + "toDate('2026-01-01') + number, toDateTime('2026-01-01 00:00:00', 'UTC') + number * 3601, "
                + "if(number % 3 = 0, NULL, toString(number)), if(number % 4 = 0, NULL, toInt32(number)), "
                + "range(number % 4), arrayMap(x -> concat('t', toString(x)), range(number % 3)), "
                + "(toInt32(number), concat('x', toString(number))) FROM system.numbers LIMIT 1000");
    }

    @AfterAll
    static void stop() {
        if (mc != null) {
            mc.close();
        }
        if (ch != null) {
            ch.close();
        }
    }

    @Test
    void everyMappableTypeIntoAnAutoCreatedTable() throws Exception {
        JobResult r = Jobs.run(Jobs.chReader(ch.jdbcUrl("default"), "all_types", ALL_COLUMNS),
                Jobs.writer(mc, "ch_all", "ds=20260101", List.of("*"), "createTable", true, "lifecycle", 7), 2, 0);
        assertTrue(r.isSuccess(), r.errorMessage());
        assertEquals(1000, r.writeSucceedRecords());

        TableSchema schema = mc.tableSchema("ch_all");
        Map<String, String> types = new LinkedHashMap<>();
        for (Column c : schema.getColumns()) {
            types.put(c.getName(), c.getTypeInfo().getTypeName());
        }
        Map<String, String> expected = new LinkedHashMap<>();
        String[] want = {"id", "BIGINT", "i8", "TINYINT", "i16", "SMALLINT", "i32", "INT", "i64", "BIGINT", "u8",
            "SMALLINT", "u16", "INT", "u64", "DECIMAL(20,0)", "f32", "FLOAT", "f64", "DOUBLE", "d9", "DECIMAL(9,2)",
            "d38", "DECIMAL(38,10)", "s", "STRING", "fs", "BINARY", "uid", "STRING", "e", "STRING", "d", "DATE", "dt",
            "DATETIME", "ns", "STRING", "ni", "INT", "arr", "ARRAY<INT>", "arrs", "ARRAY<STRING>", "tup",
            "STRUCT<f1:INT,f2:STRING>"};
        for (int i = 0; i < want.length; i += 2) {
            expected.put(want[i], want[i + 1]);
        }
        assertEquals(expected, types);
        assertEquals(List.of("ds"), schema.getPartitionColumns().stream().map(Column::getName)
                .collect(Collectors.toList()));

        // expected values as ClickHouse prints them, compared with what a tunnel download returns
        String tsv = ch.query("SELECT id, i8, i16, i32, i64, u8, u16, u64, f32, f64, d9, d38, s, hex(fs), "
                + "toString(uid), toString(e), toString(d), toUnixTimestamp(dt), ns, ni, arr, arrs, tup.1, tup.2 "
                + "FROM all_types ORDER BY id FORMAT TabSeparated");
        List<Record> rows = new ArrayList<>(Jobs.download(mc, "ch_all", "ds=20260101"));
        rows.sort((a, b) -> Long.compare(a.getBigint("id"), b.getBigint("id")));
        String[] lines = tsv.split("\n");
        assertEquals(1000, lines.length);
        assertEquals(1000, rows.size());
        for (int i = 0; i < lines.length; i++) {
            String[] f = lines[i].split("\t", -1);
            ArrayRecord x = (ArrayRecord) rows.get(i);
            String at = "row " + i;
            assertEquals(Long.parseLong(f[0]), x.getBigint("id"), at);
            assertEquals(Byte.parseByte(f[1]), x.get("i8"), at);
            assertEquals(Short.parseShort(f[2]), x.get("i16"), at);
            assertEquals(Integer.parseInt(f[3]), x.get("i32"), at);
            assertEquals(Long.parseLong(f[4]), x.get("i64"), at);
            assertEquals(Short.parseShort(f[5]), x.get("u8"), at);
            assertEquals(Integer.parseInt(f[6]), x.get("u16"), at);
            assertEquals(0, new BigDecimal(f[7]).compareTo(x.getDecimal("u64")), at);
            assertEquals(Float.parseFloat(f[8]), x.get("f32"), at);
            assertEquals(Double.parseDouble(f[9]), x.get("f64"), at);
            assertEquals(0, new BigDecimal(f[10]).compareTo(x.getDecimal("d9")), at + " d9 " + f[10]);
            assertEquals(0, new BigDecimal(f[11]).compareTo(x.getDecimal("d38")), at + " d38 " + f[11]);
            assertEquals(f[12], x.getString("s"), at);
            assertEquals(f[13], HexFormat.of().withUpperCase().formatHex(((Binary) x.get("fs")).data()), at);
            assertEquals(f[14], x.getString("uid"), at);
            assertEquals(f[15], x.getString("e"), at);
            assertEquals(f[16], x.getDateAsLocalDate("d").toString(), at);
            assertEquals(Long.parseLong(f[17]), ((ZonedDateTime) x.get("dt")).toEpochSecond(), at);
            assertEquals(f[18].equals("\\N") ? null : f[18], x.getString("ns"), at);
            assertEquals(f[19].equals("\\N") ? null : Integer.valueOf(f[19]), x.get("ni"), at);
            assertEquals(f[20], x.getArray("arr").toString().replace(" ", ""), at);
            assertEquals(f[21], x.getArray("arrs").stream().map(v -> "'" + v + "'").collect(Collectors.joining(",",
                    "[", "]")), at);
            Struct tup = x.getStruct("tup");
            assertEquals(Integer.parseInt(f[22]), tup.getFieldValue(0), at);
            assertEquals(f[23], tup.getFieldValue(1), at);
        }
        // the DDL ran with the 2.0 type-system hints
        assertTrue(mc.sqlRuns().stream().anyMatch(q -> q.query().contains("`ch_all`") && q.success()
                && "true".equals(q.hints().get("odps.sql.type.system.odps2"))));
    }

    @Test
    void aFailedBlockUploadIsResentUnderTheSameBlockId() throws Exception {
        mc.execute("CREATE TABLE retry_t (id BIGINT, s STRING)");
        mc.faults().failBlock(0, 1);
        JobResult r = Jobs.run(Jobs.chReader(ch.jdbcUrl("default"), "all_types", List.of("id", "s")),
                Jobs.writer(mc, "retry_t", "", List.of("id", "s"), "compress", "snappy"), 1, 0);
        assertTrue(r.isSuccess(), r.errorMessage());
        List<MaxComputeEmulator.Call> puts = mc.calls().stream().filter(c -> c.method().equals("PUT")
                && c.resource().contains("/tables/retry_t")).collect(Collectors.toList());
        assertEquals(2, puts.size(), puts.toString());
        assertEquals("0", puts.get(0).params().get("blockid"));
        assertEquals(500, puts.get(0).status());
        assertEquals("0", puts.get(1).params().get("blockid"));
        assertEquals(200, puts.get(1).status());
        List<Long> ids = Jobs.download(mc, "retry_t", null).stream().map(x -> x.getBigint("id")).sorted()
                .collect(Collectors.toList());
        assertEquals(1000, ids.size());
        assertEquals(999L, ids.get(999));
        assertEquals(1000, ids.stream().distinct().count());
    }

    @Test
    void aFailedJobCommitsNothingAndARerunGivesExactlyTheSourceRows() throws Exception {
        mc.execute("CREATE TABLE atomic_t (id BIGINT, s STRING) PARTITIONED BY (ds STRING)");
        Map<String, Object> reader = Jobs.chReader(ch.jdbcUrl("default"), "all_types", List.of("id", "s"));
        reader = withReaderKeys(reader, "minSplitRows", 100);
        // 1: the commit fails (409: not retried)
        mc.faults().failCommits(1, 409);
        JobResult r1 = Jobs.run(reader, Jobs.writer(mc, "atomic_t", "ds=1", List.of("id", "s")), 3, 0);
        assertFalse(r1.isSuccess());
        assertTrue(r1.errorMessage().contains("OdpsWriterExt-04"), r1.errorMessage());
        assertEquals(0, Jobs.download(mc, "atomic_t", "ds=1").size());
        // 2: a block upload fails for good (connection dropped every time, maxRetryTime 1)
        mc.faults().dropBlock(0, 10);
        JobResult r2 = Jobs.run(reader, Jobs.writer(mc, "atomic_t", "ds=1", List.of("id", "s"), "maxRetryTime", 1), 3,
                0);
        assertFalse(r2.isSuccess());
        assertTrue(r2.errorMessage().contains("OdpsWriterExt-03"), r2.errorMessage());
        assertEquals(0, Jobs.download(mc, "atomic_t", "ds=1").size());
        mc.faults().clear();
        // 3: the rerun
        JobResult r3 = Jobs.run(reader, Jobs.writer(mc, "atomic_t", "ds=1", List.of("id", "s")), 3, 0);
        assertTrue(r3.isSuccess(), r3.errorMessage());
        assertTrue(r3.taskNumber() > 1, "several tasks share the session: " + r3.taskNumber());
        List<Record> rows = Jobs.download(mc, "atomic_t", "ds=1");
        assertEquals(1000, rows.size());
        assertEquals(1000, rows.stream().map(x -> x.getBigint("id")).distinct().count());
        for (Record x : rows) {
            assertEquals("row " + x.getBigint("id") + " \u00e9\u4e2d", x.getString("s"));
        }
        // one session for the job, committed once, holding blocks from disjoint task ranges
        List<MaxComputeEmulator.UploadSessionInfo> sessions = mc.uploadSessions().stream()
                .filter(u -> u.table().equals("atomic_t") && u.status().equals("closed")).collect(Collectors.toList());
        assertEquals(1, sessions.size(), mc.uploadSessions().toString());
    }

    @Test
    void dynamicPartitionsWithManyValues() throws Exception {
        ch.query("CREATE TABLE events (id UInt32, cat String, v String) ENGINE = MergeTree ORDER BY id");
        ch.query("INSERT INTO events SELECT number, concat('c', toString(number % 150)), toString(number * 2) "
                + "FROM system.numbers LIMIT 3000");
        mc.execute("CREATE TABLE dyn (id BIGINT, v STRING) PARTITIONED BY (ds STRING, cat STRING)");
        Map<String, Object> reader = withReaderKeys(Jobs.chReader(ch.jdbcUrl("default"), "events",
                List.of("id", "v", "cat")), "minSplitRows", 500);
        JobResult r = Jobs.run(reader, Jobs.writer(mc, "dyn", "ds=20260102", List.of("id", "v", "cat"),
                "maxOpenPartitions", 8, "blockSizeInMB", 1, "compress", "zstd"), 3, 0);
        assertTrue(r.isSuccess(), r.errorMessage());
        assertEquals(3000, r.writeSucceedRecords());
        assertEquals(150, mc.partitions("dyn").size());
        for (int c = 0; c < 150; c += 7) {
            List<Record> rows = Jobs.download(mc, "dyn", "ds=20260102,cat=c" + c);
            assertEquals(20, rows.size(), "cat c" + c);
            for (Record x : rows) {
                assertEquals(c, x.getBigint("id") % 150);
                assertEquals(String.valueOf(x.getBigint("id") * 2), x.getString("v"));
            }
        }
        assertTrue(mc.calls().stream().filter(c -> c.method().equals("PUT") && c.resource().endsWith("/tables/dyn"))
                .allMatch(c -> c.status() == 200), "zstd blocks accepted");
        long sessions = mc.uploadSessions().stream().filter(u -> u.table().equals("dyn")).count();
        assertEquals(150, sessions, "one session per partition value for the whole job");
    }

    @Test
    void truncateOverwritesAnExistingPartitionAtCommit() throws Exception {
        mc.execute("CREATE TABLE ow (id BIGINT, s STRING) PARTITIONED BY (ds STRING)");
        mc.execute("ALTER TABLE ow ADD PARTITION (ds='x') PARTITION (ds='y')");
        TableTunnel tunnel = new TableTunnel(Jobs.odps(mc));
        tunnel.setEndpoint(mc.tunnelEndpoint());
        for (String p : List.of("x", "y")) {
            TableTunnel.UploadSession up = tunnel.createUploadSession(mc.defaultProject(), "ow",
                    new com.aliyun.odps.PartitionSpec("ds='" + p + "'"));
            try (RecordWriter w = up.openRecordWriter(0)) {
                for (long i = 0; i < 5; i++) {
                    Record rec = up.newRecord();
                    rec.setBigint("id", -1 - i);
                    rec.setString("s", "old");
                    w.write(rec);
                }
            }
            up.commit(new Long[] {0L});
        }
        JobResult r = Jobs.run(Jobs.chReader(ch.jdbcUrl("default"), "SELECT id, s FROM all_types WHERE id < 100",
                List.of("id", "s")), Jobs.writer(mc, "ow", "ds=x", List.of("id", "s"), "truncate", true,
                "isCompress", true), 1, 0);
        assertTrue(r.isSuccess(), r.errorMessage());
        List<Record> x = Jobs.download(mc, "ow", "ds=x");
        assertEquals(100, x.size());
        assertTrue(x.stream().allMatch(rec -> rec.getBigint("id") >= 0));
        List<Record> y = Jobs.download(mc, "ow", "ds=y");
        assertEquals(5, y.size(), "the other partition is untouched");
        assertTrue(mc.uploadSessions().stream().anyMatch(u -> u.table().equals("ow") && u.overwrite()
                && u.status().equals("closed")));
        assertFalse(mc.sqlRuns().stream().anyMatch(q -> q.query().toUpperCase().contains("TRUNCATE")),
                "no truncate first");
    }

    @Test
    void badInputsFailWithReasonsOrBecomeDirtyRecords() throws Exception {
        Map<String, Object> reader = Jobs.chReader(ch.jdbcUrl("default"), "all_types", List.of("id", "s"));
        // wrong key: 403, the key is not printed
        mc.execute("CREATE TABLE bad_t (id BIGINT, s STRING) PARTITIONED BY (ds STRING)");
        JobResult auth = Jobs.run(reader, Jobs.writer(mc, "bad_t", "ds=1", List.of("id", "s"), "accessKey",
                "NotTheRightSecret42"), 1, 0);
        assertFalse(auth.isSuccess());
        assertTrue(auth.errorMessage().contains("OdpsWriterExt-07"), auth.errorMessage());
        assertFalse(auth.errorMessage().contains("NotTheRightSecret42"), auth.errorMessage());
        // missing table without createTable
        JobResult missing = Jobs.run(reader, Jobs.writer(mc, "no_such_table", "", List.of("id", "s")), 1, 0);
        assertFalse(missing.isSuccess());
        assertTrue(missing.errorMessage().contains("does not exist"), missing.errorMessage());
        assertFalse(mc.tableExists("no_such_table"));
        // partition spec mismatch
        JobResult spec = Jobs.run(reader, Jobs.writer(mc, "bad_t", "dt=1", List.of("id", "s")), 1, 0);
        assertFalse(spec.isSuccess());
        assertTrue(spec.errorMessage().contains("'dt', which is not a partition key"), spec.errorMessage());
        assertTrue(mc.partitions("bad_t").isEmpty());
        // over-long strings and out-of-range decimals: dirty records with the reason, the rest is written
        mc.execute("CREATE TABLE narrow_t (id BIGINT, s VARCHAR(6), d DECIMAL(5,2))");
        JobResult dirty = Jobs.run(Jobs.chReader(ch.jdbcUrl("default"),
                "SELECT id, concat('r', toString(id)), toDecimal64(id * 2, 2) FROM all_types WHERE id < 1000",
                List.of("id", "s", "d")), Jobs.writer(mc, "narrow_t", "", List.of("id", "s", "d")), 1, 2000);
        assertTrue(dirty.isSuccess(), dirty.errorMessage());
        // d = id * 2 has more than 3 integer digits from id 500 on
        assertEquals(500, dirty.writeSucceedRecords());
        assertEquals(500, dirty.errorRecords());
        String reasons = Jobs.dirtyMessages(dirty);
        assertTrue(reasons.contains("column 'd' (DECIMAL(5,2))") && reasons.contains("more than 3 integer digits"),
                reasons);
        assertEquals(500, Jobs.download(mc, "narrow_t", null).size());
        mc.execute("CREATE TABLE short_t (id BIGINT, s VARCHAR(3))");
        JobResult longText = Jobs.run(Jobs.chReader(ch.jdbcUrl("default"),
                "SELECT id, concat('r', toString(id)) FROM all_types WHERE id < 1000", List.of("id", "s")),
                Jobs.writer(mc, "short_t", "", List.of("id", "s")), 1, 2000);
        assertTrue(longText.isSuccess(), longText.errorMessage());
        assertEquals(1000, longText.writeSucceedRecords() + longText.errorRecords());
        assertEquals(900, longText.errorRecords(), "r100..r999 have 4 characters, more than VARCHAR(3) holds");
        String why = Jobs.dirtyMessages(longText);
        assertTrue(why.contains("column 's' (VARCHAR(3))") && why.contains("more than 3"), why);
        assertEquals(100, Jobs.download(mc, "short_t", null).size());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withReaderKeys(Map<String, Object> reader, Object... kv) {
        Map<String, Object> p = new LinkedHashMap<>((Map<String, Object>) reader.get("parameter"));
        for (int i = 0; i < kv.length; i += 2) {
            p.put((String) kv[i], kv[i + 1]);
        }
        return Map.of("name", reader.get("name"), "parameter", p);
    }

    static List<Object> list(Object... v) {
        return Arrays.asList(v);
    }
}
