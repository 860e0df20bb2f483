package io.chpack.odpsreaderext.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.aliyun.odps.Odps;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.account.AliyunAccount;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.data.Binary;
import com.aliyun.odps.data.RecordWriter;
import com.aliyun.odps.data.SimpleStruct;
import com.aliyun.odps.data.Varchar;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.type.StructTypeInfo;

import io.chpack.runner.JobResult;
import io.chpack.testkit.ClickHouseServer;
import io.chpack.testkit.maxcompute.MaxComputeEmulator;

/** odpsreader-ext → clickhousewriter, and ClickHouse → MaxCompute → ClickHouse, through the engine. */
class OdpsToClickHouseIT {
    private static ClickHouseServer ch;
    private static MaxComputeEmulator mc;

    @BeforeAll
    static void start() {
        ch = ClickHouseServer.start();
        mc = MaxComputeEmulator.builder().start();
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

    private static TableTunnel tunnel() {
        Odps o = new Odps(new AliyunAccount(mc.accessId(), mc.accessKey()));
        o.setEndpoint(mc.endpoint());
        o.setDefaultProject(mc.defaultProject());
        TableTunnel t = new TableTunnel(o);
        t.setEndpoint(mc.tunnelEndpoint());
        return t;
    }

    @Test
    void selectedPartitionsLoadIntoClickHouseExactly() throws Exception {
        mc.execute("CREATE TABLE src (id BIGINT, i INT, ti TINYINT, d DECIMAL(18,4), f FLOAT, db DOUBLE, b BOOLEAN, "
                + "s STRING, v VARCHAR(10), bin BINARY, dt DATE, dtt DATETIME, ts TIMESTAMP, arr ARRAY<BIGINT>, "
                + "m MAP<STRING,DOUBLE>, st STRUCT<a:INT,b:STRING>) PARTITIONED BY (ds STRING)");
        List<String> parts = List.of("20260101", "20260102", "20260201");
        TableTunnel tunnel = tunnel();
        for (int p = 0; p < parts.size(); p++) {
            mc.execute("ALTER TABLE src ADD PARTITION (ds='" + parts.get(p) + "')");
            TableTunnel.UploadSession up = tunnel.createUploadSession(mc.defaultProject(), "src",
                    new PartitionSpec("ds='" + parts.get(p) + "'"));
            try (RecordWriter w = up.openRecordWriter(0)) {
                for (int i = 0; i < 300; i++) {
                    ArrayRecord r = (ArrayRecord) up.newRecord();
                    long id = p * 1000L + i;
                    r.set("id", id);
                    r.set("i", i * 7 - 1000);
                    r.set("ti", (byte) (i % 256 - 128));
                    r.set("d", BigDecimal.valueOf(id).divide(BigDecimal.valueOf(8)).setScale(4));
                    r.set("f", i + 0.5f);
                    r.set("db", id / 3.0);
                    r.set("b", i % 2 == 0);
                    r.set("s", "s" + id + " \u00fc\u4e2d");
                    r.set("v", new Varchar("v" + i, 10));
                    r.set("bin", new Binary(new byte[] {(byte) ('A' + i % 26), 'B'}));
                    r.setDateAsLocalDate("dt", LocalDate.of(2026, 1, 1).plusDays(i));
                    r.setDatetimeAsZonedDateTime("dtt", Instant.ofEpochSecond(1767225600L + i * 61L)
                            .atZone(ZoneOffset.UTC));
                    r.setTimestampAsInstant("ts", Instant.ofEpochSecond(1767225600L + id));
                    r.set("arr", Arrays.asList((long) i, (long) i + 1));
                    Map<String, Double> m = new LinkedHashMap<>();
                    m.put("k", i * 0.5);
                    r.set("m", m);
                    StructTypeInfo st = (StructTypeInfo) up.getSchema().getColumn("st").getTypeInfo();
                    r.set("st", new SimpleStruct(st, Arrays.asList(i, "x" + i)));
                    w.write(r);
                }
            }
            up.commit(new Long[] {0L});
        }
        ch.query("CREATE TABLE dst (id Int64, i Int32, ti Int8, d Decimal(18,4), f Float32, db Float64, b UInt8, "
                + "s String, v String, bin String, dt Date, dtt DateTime('UTC'), ts DateTime('UTC'), arr Array(Int64), "
                + "m String, st Tuple(Int32, String), ds String) ENGINE = MergeTree ORDER BY id");
        List<String> cols = List.of("id", "i", "ti", "d", "f", "db", "b", "s", "v", "bin", "dt", "dtt", "ts", "arr",
                "m", "st", "ds");
        JobResult r = Jobs.run(Jobs.odpsReader(mc, "src", List.of("ds=2026010*"), cols, "minSplitRecords", 100,
                "timeZone", "UTC", "isCompress", true), Jobs.chWriter(ch.jdbcUrl("default"), "dst", cols), 4, 0);
        assertTrue(r.isSuccess(), r.errorMessage() + "\n" + Jobs.dirtyMessages(r));
        assertEquals(600, r.writeSucceedRecords());
        assertTrue(r.taskNumber() >= 4, "record-range splits: " + r.taskNumber());

        String tsv = ch.query("SELECT id, i, ti, d, f, db, b, s, v, bin, toString(dt), toUnixTimestamp(dtt), "
                + "toUnixTimestamp(ts), arr, m, st.1, st.2, ds FROM dst ORDER BY id FORMAT TabSeparated");
        String[] lines = tsv.split("\n");
        assertEquals(600, lines.length);
        List<Long> ids = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            long id = Long.parseLong(f[0]);
            ids.add(id);
            int p = (int) (id / 1000);
            int i = (int) (id % 1000);
            String at = "id " + id;
            assertEquals(i * 7 - 1000, Integer.parseInt(f[1]), at);
            assertEquals(i % 256 - 128, Integer.parseInt(f[2]), at);
            assertEquals(0, BigDecimal.valueOf(id).divide(BigDecimal.valueOf(8)).compareTo(new BigDecimal(f[3])), at);
            assertEquals(i + 0.5f, Float.parseFloat(f[4]), at);
            assertEquals(id / 3.0, Double.parseDouble(f[5]), at);
            assertEquals(i % 2 == 0 ? "1" : "0", f[6], at);
            assertEquals("s" + id + " \u00fc\u4e2d", f[7], at);
            assertEquals("v" + i, f[8], at);
            assertEquals((char) ('A' + i % 26) + "B", f[9], at);
            assertEquals(LocalDate.of(2026, 1, 1).plusDays(i).toString(), f[10], at);
            assertEquals(1767225600L + i * 61L, Long.parseLong(f[11]), at);
            assertEquals(1767225600L + id, Long.parseLong(f[12]), at);
            assertEquals("[" + i + "," + (i + 1) + "]", f[13], at);
            assertEquals("{\"k\":" + new BigDecimal(Double.toString(i * 0.5)).stripTrailingZeros().toPlainString() + "}",
                    f[14], at);
            assertEquals(String.valueOf(i), f[15], at);
            assertEquals("x" + i, f[16], at);
            assertEquals(parts.get(p), f[17], at);
        }
        assertEquals(600, ids.stream().distinct().count());
        assertTrue(ids.stream().allMatch(x -> x < 2000), "ds=20260201 is not selected");
    }

    @Test
    void clickHouseToMaxComputeToClickHouseKeepsEveryValue() throws Exception {
        ch.query("CREATE TABLE rt_src (id UInt32, i8 Int8, i16 Int16, i64 Int64, u8 UInt8, u64 UInt64, f32 Float32, "
                + "f64 Float64, d9 Decimal(9,2), d38 Decimal(38,10), s String, fs FixedString(3), uid UUID, "
                + "e Enum8('a' = 1, 'b' = 2), d Date, dt DateTime('UTC'), ns Nullable(String), ni Nullable(Int32), "
                + "arr Array(Int32), arrs Array(String), tup Tuple(Int32, String)) ENGINE = MergeTree ORDER BY id");
        ch.query("INSERT INTO rt_src SELECT number, toInt8(number % 256 - 128), toInt16(number * 37 - 20000), "
                + "toInt64(number) * 1000000007 - 4000000000000, toUInt8(number % 256), "
                + "if(number = 0, toUInt64('18446744073709551615'), toUInt64(number * 1000)), toFloat32(number) / 8, "
                + "number / 3, toDecimal32(number * 0.25, 2), toDecimal128(number, 10) / toDecimal128(7, 0), "
                + "concat('row ', toString(number), ' \u00e9\u4e2d'), toFixedString(toString(number % 100), 3), "
                + "generateUUIDv4(), if(number % 2 = 0, 'a', 'b'), toDate('1969-12-01') + number, "
                + "toDateTime('2026-01-01 00:00:00', 'UTC') + number * 3601, if(number % 3 = 0, NULL, toString(number)), "
                + "if(number % 4 = 0, NULL, toInt32(number)), range(number % 4), "
                + "arrayMap(x -> concat('t', toString(x)), range(number % 3)), (toInt32(number), concat('x', "
                + "toString(number))) FROM system.numbers LIMIT 2000");
        List<String> cols = List.of("id", "i8", "i16", "i64", "u8", "u64", "f32", "f64", "d9", "d38", "s", "fs", "uid",
                "e", "d", "dt", "ns", "ni", "arr", "arrs", "tup");
        JobResult there = Jobs.run(Jobs.chReader(ch.jdbcUrl("default"), "rt_src", cols),
                Jobs.odpsWriter(mc, "rt_mid", "ds=1", List.of("*"), "createTable", true), 2, 0);
        assertTrue(there.isSuccess(), there.errorMessage());
        assertEquals(2000, there.writeSucceedRecords());

        ch.query("CREATE TABLE rt_dst AS rt_src");
        String zone = ch.query("SELECT timezone()").trim();
        JobResult back = Jobs.run(Jobs.odpsReader(mc, "rt_mid", List.of("ds=*"), cols, "minSplitRecords", 300,
                "timeZone", zone), Jobs.chWriter(ch.jdbcUrl("default"), "rt_dst", cols), 3, 0);
        assertTrue(back.isSuccess(), back.errorMessage() + "\n" + Jobs.dirtyMessages(back));
        assertEquals(2000, back.writeSucceedRecords());
        String a = ch.query("SELECT * FROM rt_src ORDER BY id FORMAT TabSeparated");
        String b = ch.query("SELECT * FROM rt_dst ORDER BY id FORMAT TabSeparated");
        assertEquals(2000, a.split("\n").length);
        assertEquals(a, b);
    }

    @Test
    void badPartitionsAndKeysFailWithReasons() {
        mc.execute("CREATE TABLE bad_src (id BIGINT) PARTITIONED BY (ds STRING)");
        mc.execute("ALTER TABLE bad_src ADD PARTITION (ds='1')");
        ch.query("CREATE TABLE bad_dst (id Int64) ENGINE = MergeTree ORDER BY id");
        JobResult none = Jobs.run(Jobs.odpsReader(mc, "bad_src", List.of("ds=2*"), List.of("id")),
                Jobs.chWriter(ch.jdbcUrl("default"), "bad_dst", List.of("id")), 1, 0);
        assertFalse(none.isSuccess());
        assertTrue(none.errorMessage().contains("'ds=2*' matches no partition"), none.errorMessage());
        JobResult missing = Jobs.run(Jobs.odpsReader(mc, "bad_src", List.of(), List.of("id")),
                Jobs.chWriter(ch.jdbcUrl("default"), "bad_dst", List.of("id")), 1, 0);
        assertFalse(missing.isSuccess());
        assertTrue(missing.errorMessage().contains("is partitioned by [ds]"), missing.errorMessage());
        JobResult auth = Jobs.run(Jobs.odpsReader(mc, "bad_src", List.of("ds=1"), List.of("id"), "accessKey",
                "WrongReaderSecret77"), Jobs.chWriter(ch.jdbcUrl("default"), "bad_dst", List.of("id")), 1, 0);
        assertFalse(auth.isSuccess());
        assertTrue(auth.errorMessage().contains("OdpsReaderExt-07"), auth.errorMessage());
        assertFalse(auth.errorMessage().contains("WrongReaderSecret77"), auth.errorMessage());
    }
}
