package io.chpack.testkit.maxcompute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.odps.Column;
import com.aliyun.odps.NoSuchObjectException;
import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.OdpsType;
import com.aliyun.odps.Partition;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.Table;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.account.AliyunAccount;
import com.aliyun.odps.data.Binary;
import com.aliyun.odps.data.Char;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.RecordReader;
import com.aliyun.odps.data.RecordWriter;
import com.aliyun.odps.data.SimpleStruct;
import com.aliyun.odps.data.Struct;
import com.aliyun.odps.data.Varchar;
import com.aliyun.odps.task.SQLTask;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.tunnel.TunnelException;
import com.aliyun.odps.tunnel.io.CompressOption;
import com.aliyun.odps.type.StructTypeInfo;
import com.aliyun.odps.type.TypeInfo;
import com.aliyun.odps.type.TypeInfoFactory;
import com.aliyun.odps.type.TypeInfoParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The emulator driven by the plain odps-sdk-core, independent of the plugins. */
class MaxComputeEmulatorTest {
    private static final String AK = "LTAI5tEmulatorTestKey9";
    private static final String SK = "emulatorTestSecret/0123456789abcdefXYZ";
    private static final String PROJECT = "emu_proj";

    /** Every type of the 2.0 type system the batch tunnel carries, with one non-null value each. */
    private static final String ALL_TYPES = "c_tinyint TINYINT, c_smallint SMALLINT, c_int INT, c_bigint BIGINT, "
            + "c_float FLOAT, c_double DOUBLE, c_decimal DECIMAL(18,4), c_decimal38 DECIMAL(38,10), "
            + "c_boolean BOOLEAN, c_string STRING, c_varchar VARCHAR(10), c_char CHAR(4), c_binary BINARY, "
            + "c_date DATE, c_datetime DATETIME, c_timestamp TIMESTAMP, c_array ARRAY<BIGINT>, "
            + "c_map MAP<STRING,DOUBLE>, c_struct STRUCT<a:INT,`end`:STRING,nested:ARRAY<STRING>>";

    private static MaxComputeEmulator mc;
    private static Odps odps;
    private static TableTunnel tunnel;

    @BeforeAll
    static void start() {
        mc = MaxComputeEmulator.builder().project(PROJECT).project("other_proj").credentials(AK, SK).start();
        odps = odps(AK, SK);
        tunnel = new TableTunnel(odps);
        tunnel.setEndpoint(mc.tunnelEndpoint());
    }

    @AfterAll
    static void stop() {
        if (mc != null) {
            mc.close();
        }
    }

    private static Odps odps(String ak, String sk) {
        Odps o = new Odps(new AliyunAccount(ak, sk));
        o.setEndpoint(mc.endpoint());
        o.setDefaultProject(PROJECT);
        return o;
    }

    private static Map<String, String> odps2() {
        Map<String, String> hints = new LinkedHashMap<>();
        hints.put("odps.sql.type.system.odps2", "true");
        hints.put("odps.sql.decimal.odps2", "true");
        return hints;
    }

    private static void sql(String query) throws OdpsException {
        SQLTask.run(odps, PROJECT, query, odps2(), null).waitForSuccess(10);
    }

    // ------------------------------------------------------------------ metadata

    @Test
    void tableCreateGetExistsAndMissing() throws Exception {
        TableSchema schema = new TableSchema();
        schema.addColumn(new Column("id", TypeInfoFactory.BIGINT, "the id"));
        schema.addColumn(new Column("amount", TypeInfoFactory.getDecimalTypeInfo(10, 2)));
        schema.addColumn(new Column("tags", TypeInfoFactory.getArrayTypeInfo(TypeInfoFactory.STRING)));
        schema.addColumn(new Column("s", TypeInfoParser.getTypeInfoFromTypeString("STRUCT<x:INT,`end`:STRING>")));
        schema.addPartitionColumn(new Column("ds", TypeInfoFactory.STRING));
        odps.tables().create(PROJECT, "meta_t", schema, null, true, 30L, odps2(), null);

        assertTrue(odps.tables().exists("meta_t"));
        assertTrue(odps.tables().exists(PROJECT, "META_T"), "names ignore case");
        assertFalse(odps.tables().exists("no_such_table"));
        assertFalse(odps.tables().exists("other_proj", "meta_t"));

        Table t = odps.tables().get("meta_t");
        TableSchema got = t.getSchema();
        assertEquals(List.of("id", "amount", "tags", "s"),
                got.getColumns().stream().map(Column::getName).collect(Collectors.toList()));
        assertEquals("DECIMAL(10,2)", got.getColumn("amount").getTypeInfo().getTypeName());
        assertEquals("ARRAY<STRING>", got.getColumn("tags").getTypeInfo().getTypeName());
        assertEquals(OdpsType.STRUCT, got.getColumn("s").getTypeInfo().getOdpsType());
        assertEquals(List.of("x", "end"), ((StructTypeInfo) got.getColumn("s").getTypeInfo()).getFieldNames());
        assertEquals("the id", got.getColumn("id").getComment());
        assertEquals(List.of("ds"), got.getPartitionColumns().stream().map(Column::getName)
                .collect(Collectors.toList()));
        assertTrue(t.isPartitioned());
        assertEquals(30L, t.getLife());

        NoSuchObjectException missing = assertThrows(NoSuchObjectException.class,
                () -> odps.tables().get("no_such_table").reload());
        assertTrue(missing.getMessage().contains("no_such_table"), missing.getMessage());

        // the DDL went through an SQL instance with the hints
        MaxComputeEmulator.SqlRun run = mc.sqlRuns().stream().filter(r -> r.query().contains("`meta_t`"))
                .findFirst().orElseThrow();
        assertTrue(run.success());
        assertEquals("true", run.hints().get("odps.sql.type.system.odps2"));

        // creating it again without IF NOT EXISTS fails with the service's message
        OdpsException again = assertThrows(OdpsException.class,
                () -> odps.tables().create(PROJECT, "meta_t", schema, null, false, null, odps2(), null));
        assertTrue(again.getMessage().contains("already exists"), again.getMessage());

        odps.tables().delete(PROJECT, "meta_t", false);
        assertFalse(odps.tables().exists("meta_t"));
    }

    @Test
    void partitionsCreateListExistDropAndTruncate() throws Exception {
        sql("CREATE TABLE IF NOT EXISTS part_t (v BIGINT) PARTITIONED BY (ds STRING, hh STRING);");
        Table t = odps.tables().get("part_t");
        t.createPartition(new PartitionSpec("ds='20260101',hh='00'"));
        t.createPartition(new PartitionSpec("ds='20260101',hh='01'"), true);
        t.createPartition(new PartitionSpec("ds='20260101',hh='01'"), true); // IF NOT EXISTS: no error
        assertThrows(OdpsException.class, () -> t.createPartition(new PartitionSpec("ds='20260101',hh='01'")));

        assertTrue(t.hasPartition(new PartitionSpec("ds='20260101',hh='00'")));
        assertFalse(t.hasPartition(new PartitionSpec("ds='20260101',hh='02'")));
        assertEquals(List.of("ds='20260101',hh='00'", "ds='20260101',hh='01'"),
                t.getPartitionSpecs().stream().map(PartitionSpec::toString).collect(Collectors.toList()));
        List<Partition> parts = t.getPartitions();
        assertEquals(2, parts.size());
        assertEquals("01", parts.get(1).getPartitionSpec().get("hh"));
        assertEquals(List.of("ds=20260101,hh=00", "ds=20260101,hh=01"), mc.partitions(PROJECT, "part_t"));

        // a spec with the wrong keys is an SQL error, not a new partition
        assertThrows(OdpsException.class, () -> t.createPartition(new PartitionSpec("ds='20260101'")));

        upload("part_t", "ds=20260101,hh=00", false, List.of(rec("part_t", 1L), rec("part_t", 2L)));
        upload("part_t", "ds=20260101,hh=01", false, List.of(rec("part_t", 3L)));
        assertEquals(2, mc.rows(PROJECT, "part_t", "ds=20260101,hh=00").size());
        sql("TRUNCATE TABLE part_t PARTITION (ds='20260101', hh='00');");
        assertEquals(0, mc.rows(PROJECT, "part_t", "ds=20260101,hh=00").size());
        assertEquals(1, mc.rows(PROJECT, "part_t", "ds=20260101,hh=01").size());
        sql("TRUNCATE TABLE part_t;");
        assertEquals(0, mc.rows(PROJECT, "part_t", "ds=20260101,hh=01").size());

        t.deletePartition(new PartitionSpec("ds='20260101',hh='00'"));
        t.deletePartition(new PartitionSpec("ds='20260101',hh='00'"), true);
        assertThrows(OdpsException.class, () -> t.deletePartition(new PartitionSpec("ds='20260101',hh='00'")));
        assertEquals(List.of("ds=20260101,hh=01"), mc.partitions(PROJECT, "part_t"));
    }

    @Test
    void unsupportedSqlFailsTheInstanceWithAReason() {
        OdpsException e = assertThrows(OdpsException.class, () -> sql("SELECT 1;"));
        assertTrue(e.getMessage().contains("emulator runs only"), e.getMessage());
    }

    @Test
    void odps2TypesNeedTheHintWhenEnforced() throws Exception {
        try (MaxComputeEmulator strict = MaxComputeEmulator.builder().requireOdps2Hints(true).start()) {
            Odps o = new Odps(new AliyunAccount(strict.accessId(), strict.accessKey()));
            o.setEndpoint(strict.endpoint());
            o.setDefaultProject(strict.defaultProject());
            OdpsException e = assertThrows(OdpsException.class,
                    () -> SQLTask.run(o, "CREATE TABLE t1 (a INT);").waitForSuccess(10));
            assertTrue(e.getMessage().contains("odps.sql.type.system.odps2"), e.getMessage());
            SQLTask.run(o, "CREATE TABLE t2 (a BIGINT, b STRING, c DECIMAL);").waitForSuccess(10); // 1.0 types
            SQLTask.run(o, strict.defaultProject(), "CREATE TABLE t1 (a INT);", odps2(), null).waitForSuccess(10);
            assertTrue(strict.tableExists("t1"));
            assertTrue(strict.tableExists("t2"));
        }
    }

    // ------------------------------------------------------------------ tunnel

    @ParameterizedTest
    @EnumSource(value = CompressOption.CompressAlgorithm.class, names = {"ODPS_RAW", "ODPS_ZLIB", "ODPS_SNAPPY",
        "ODPS_LZ4_FRAME", "ODPS_ZSTD"})
    void everyTypeRoundTripsWithEveryCompression(CompressOption.CompressAlgorithm algorithm) throws Exception {
        String table = "types_" + algorithm.name().toLowerCase();
        sql("CREATE TABLE " + table + " (" + ALL_TYPES + ") PARTITIONED BY (pt STRING);");
        sql("ALTER TABLE " + table + " ADD PARTITION (pt='p1');");
        CompressOption option = new CompressOption(algorithm, 1, 0);

        TableTunnel.UploadSession up = tunnel.createUploadSession(PROJECT, table, new PartitionSpec("pt='p1'"));
        TableSchema schema = up.getSchema();
        assertEquals(19, schema.getColumns().size());
        List<Record> sent = new ArrayList<>();
        for (long block = 0; block < 3; block++) {
            try (RecordWriter w = up.openRecordWriter(block, option)) {
                for (int i = 0; i < 50; i++) {
                    Record r = up.newRecord();
                    fillAllTypes(r, schema, (int) (block * 50 + i));
                    w.write(r);
                    sent.add(r);
                }
            }
        }
        Record nulls = up.newRecord(); // every column NULL
        try (RecordWriter w = up.openRecordWriter(3, option)) {
            w.write(nulls);
        }
        sent.add(nulls);
        assertEquals(List.of(0L, 1L, 2L, 3L), Arrays.asList(up.getBlockList()));
        assertEquals(0, mc.rows(PROJECT, table, "pt=p1").size(), "nothing is visible before the commit");
        up.commit(new Long[] {0L, 1L, 2L, 3L});
        assertEquals(TableTunnel.UploadStatus.CLOSED, up.getStatus());

        TableTunnel.DownloadSession down = tunnel.createDownloadSession(PROJECT, table, new PartitionSpec("pt='p1'"));
        assertEquals(sent.size(), down.getRecordCount());
        List<Record> got = new ArrayList<>();
        try (RecordReader r = down.openRecordReader(0, down.getRecordCount(), option)) {
            for (Record rec; (rec = r.read()) != null;) {
                got.add(rec);
            }
        }
        assertEquals(sent.size(), got.size());
        for (int i = 0; i < sent.size(); i++) {
            for (int c = 0; c < schema.getColumns().size(); c++) {
                assertEquals(norm(sent.get(i).get(c)), norm(got.get(i).get(c)),
                        "record " + i + " column " + schema.getColumn(c).getName());
            }
        }
        // typed getters see the same values
        com.aliyun.odps.data.ArrayRecord first = (com.aliyun.odps.data.ArrayRecord) got.get(7);
        assertEquals(new BigDecimal("7.0700"), first.getDecimal("c_decimal"));
        assertEquals(LocalDate.of(2026, 1, 8), first.getDateAsLocalDate("c_date"));
        assertEquals(Instant.parse("2026-01-01T00:00:07.123456789Z"), first.getTimestampAsInstant("c_timestamp"));
        assertEquals(Boolean.FALSE, first.getBoolean("c_boolean"));
        // the emulator's own view agrees
        assertEquals(sent.size(), mc.rows(PROJECT, table, "pt=p1").size());
    }

    private static void fillAllTypes(Record rec, TableSchema schema, int i) {
        com.aliyun.odps.data.ArrayRecord r = (com.aliyun.odps.data.ArrayRecord) rec;
        r.set("c_tinyint", (byte) (i % 128 - (i % 2 == 0 ? 0 : 128)));
        r.set("c_smallint", (short) (i * 100 - 32768));
        r.set("c_int", i == 1 ? Integer.MIN_VALUE : i * 1000);
        r.set("c_bigint", i == 2 ? Long.MAX_VALUE : -(long) i * 1_000_000_007L);
        r.set("c_float", i + 0.5f);
        r.set("c_double", i == 3 ? Double.NaN : i / 3.0);
        r.set("c_decimal", new BigDecimal(i + ".0" + (i % 10)).setScale(4));
        r.set("c_decimal38", new BigDecimal("1234567890123456789012345678." + String.format("%010d", i)));
        r.set("c_boolean", i % 2 == 0);
        r.set("c_string", "row " + i + " ünï \u4e2d\u6587 \uD83D\uDE00");
        r.set("c_varchar", new Varchar("v" + i, 10));
        r.set("c_char", new Char("c" + (i % 100), 4));
        r.set("c_binary", new Binary(new byte[] {0, (byte) i, (byte) 0xff, 10}));
        r.setDateAsLocalDate("c_date", LocalDate.of(2026, 1, 1).plusDays(i));
        r.setDatetimeAsZonedDateTime("c_datetime",
                ZonedDateTime.of(2026, 1, 1, 12, 0, 0, 0, ZoneId.of("UTC")).plusSeconds(i).plusNanos(i * 1_000_000L));
        r.setTimestampAsInstant("c_timestamp", Instant.parse("2026-01-01T00:00:00.123456789Z").plusSeconds(i));
        r.set("c_array", i % 5 == 0 ? List.of() : Arrays.asList(1L, null, (long) i));
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("k" + i, i * 1.5);
        m.put("null", null);
        r.set("c_map", m);
        StructTypeInfo st = (StructTypeInfo) schema.getColumn("c_struct").getTypeInfo();
        r.set("c_struct", new SimpleStruct(st, Arrays.asList(i, "e" + i, List.of("x", "y" + i))));
    }

    /** Comparable form: structs as field lists, byte arrays as lists, nested recursively. */
    private static Object norm(Object v) {
        if (v instanceof Struct s) {
            List<Object> out = new ArrayList<>();
            for (Object f : s.getFieldValues()) {
                out.add(norm(f));
            }
            return out;
        }
        if (v instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(MaxComputeEmulatorTest::norm).collect(Collectors.toList());
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(norm(k), norm(x)));
            return out;
        }
        if (v instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (v instanceof Double d && d.isNaN()) {
            return "NaN";
        }
        return v;
    }

    @Test
    void columnSubsetDownloadInRequestedOrder() throws Exception {
        sql("CREATE TABLE subset_t (a BIGINT, b STRING, c DOUBLE);");
        List<Record> rows = new ArrayList<>();
        for (long i = 0; i < 10; i++) {
            Record r = rec("subset_t", i);
            r.set("b", "s" + i);
            r.set("c", i * 0.25);
            rows.add(r);
        }
        upload("subset_t", null, false, rows);
        TableTunnel.DownloadSession down = tunnel.createDownloadSession(PROJECT, "subset_t");
        TableSchema s = down.getSchema();
        List<Column> cols = List.of(s.getColumn("c"), s.getColumn("a"));
        try (RecordReader r = down.openRecordReader(3, 4, new CompressOption(), cols)) {
            for (long i = 3; i < 7; i++) {
                Record rec = r.read();
                assertEquals(2, rec.getColumnCount());
                assertEquals("c", rec.getColumns()[0].getName());
                assertEquals(i * 0.25, rec.getDouble(0));
                assertEquals(i, rec.getBigint(1));
            }
            assertEquals(null, r.read());
        }
        // a range past the end is refused
        assertThrows(TunnelException.class, () -> {
            try (RecordReader r = down.openRecordReader(8, 5)) {
                r.read();
            }
        });
    }

    @Test
    void overwriteSessionsReplaceAndNormalSessionsAppendAtCommit() throws Exception {
        sql("CREATE TABLE ow_t (a BIGINT) PARTITIONED BY (pt STRING);");
        sql("ALTER TABLE ow_t ADD IF NOT EXISTS PARTITION (pt='x') PARTITION (pt='y');");
        upload("ow_t", "pt=x", false, List.of(rec("ow_t", 1L), rec("ow_t", 2L)));
        upload("ow_t", "pt=x", false, List.of(rec("ow_t", 3L)));
        upload("ow_t", "pt=y", false, List.of(rec("ow_t", 100L)));
        assertEquals(List.of(1L, 2L, 3L), values("ow_t", "pt=x"));

        TableTunnel.UploadSession ow = tunnel.createUploadSession(PROJECT, "ow_t", new PartitionSpec("pt='x'"), true);
        try (RecordWriter w = ow.openRecordWriter(0)) {
            w.write(rec("ow_t", 9L));
        }
        assertEquals(List.of(1L, 2L, 3L), values("ow_t", "pt=x"), "old data stays until the commit");
        ow.commit(new Long[] {0L});
        assertEquals(List.of(9L), values("ow_t", "pt=x"));
        assertEquals(List.of(100L), values("ow_t", "pt=y"), "other partitions untouched");
        assertTrue(mc.uploadSessions().stream().anyMatch(u -> u.id().equals(ow.getId()) && u.overwrite()
                && u.status().equals("closed")));

        // an overwrite session with no blocks empties the partition
        TableTunnel.UploadSession empty = tunnel.createUploadSession(PROJECT, "ow_t", new PartitionSpec("pt='y'"),
                true);
        empty.commit(new Long[0]);
        assertEquals(List.of(), values("ow_t", "pt=y"));
    }

    @Test
    void uploadErrors() throws Exception {
        sql("CREATE TABLE err_t (a BIGINT, d DECIMAL(5,2), s STRING) PARTITIONED BY (pt STRING);");
        sql("ALTER TABLE err_t ADD PARTITION (pt='ok');");
        TunnelException noPart = assertThrows(TunnelException.class,
                () -> tunnel.createUploadSession(PROJECT, "err_t", new PartitionSpec("pt='missing'")));
        assertEquals("NoSuchPartition", noPart.getErrorCode());
        TunnelException noSpec = assertThrows(TunnelException.class,
                () -> tunnel.createUploadSession(PROJECT, "err_t"));
        assertEquals("MissingPartitionSpec", noSpec.getErrorCode());
        TunnelException badSpec = assertThrows(TunnelException.class,
                () -> tunnel.createUploadSession(PROJECT, "err_t", new PartitionSpec("other='ok'")));
        assertEquals("InvalidPartitionSpec", badSpec.getErrorCode());
        TunnelException noTable = assertThrows(TunnelException.class,
                () -> tunnel.createUploadSession(PROJECT, "no_such_t"));
        assertEquals("NoSuchTable", noTable.getErrorCode());

        TableTunnel.UploadSession up = tunnel.createUploadSession(PROJECT, "err_t", new PartitionSpec("pt='ok'"));
        // The SDK refuses the overflow in Record.set already; a record built for a wider column gets it to the server.
        assertThrows(RuntimeException.class, () -> up.newRecord().set("d", new BigDecimal("1234.5")));
        Record r = new com.aliyun.odps.data.ArrayRecord(new Column[] {new Column("a", TypeInfoFactory.BIGINT),
            new Column("d", TypeInfoFactory.getDecimalTypeInfo(38, 2)), new Column("s", TypeInfoFactory.STRING)});
        r.set("a", 1L);
        r.set("d", new BigDecimal("1234.5")); // DECIMAL(5,2) holds at most 999.99
        IOException overflow = assertThrows(IOException.class, () -> {
            try (RecordWriter w = up.openRecordWriter(0)) {
                w.write(r);
            }
        });
        assertTrue(overflow.getMessage().contains("MalformedDataStream") && overflow.getMessage().contains("overflow"),
                overflow.getMessage());
        Record ok = up.newRecord();
        ok.set("d", new BigDecimal("999.994")); // rounds to 999.99
        try (RecordWriter w = up.openRecordWriter(0)) {
            w.write(ok);
        }
        up.commit(new Long[] {0L});
        assertEquals(new BigDecimal("999.99"), mc.rows(PROJECT, "err_t", "pt=ok").get(0).getDecimal("d"));

        // the SDK checks the block list itself before committing
        TableTunnel.UploadSession up2 = tunnel.createUploadSession(PROJECT, "err_t", new PartitionSpec("pt='ok'"));
        assertThrows(TunnelException.class, () -> up2.commit(new Long[] {5L}));
        IOException badBlock = assertThrows(IOException.class,
                () -> up2.openRecordWriter(MaxComputeEmulator.MAX_BLOCKS).close());
        assertTrue(badBlock.getMessage().contains("InvalidBlockID"), badBlock.getMessage());
    }

    @Test
    void stringsLongerThanTheFieldSizeAreRefused() throws Exception {
        try (MaxComputeEmulator small = MaxComputeEmulator.builder().maxFieldSize(16).start()) {
            small.execute("CREATE TABLE s (v STRING)");
            Odps o = new Odps(new AliyunAccount(small.accessId(), small.accessKey()));
            o.setEndpoint(small.endpoint());
            o.setDefaultProject(small.defaultProject());
            TableTunnel tt = new TableTunnel(o);
            tt.setEndpoint(small.tunnelEndpoint());
            TableTunnel.UploadSession up = tt.createUploadSession(small.defaultProject(), "s");
            assertThrows(RuntimeException.class, () -> up.newRecord().set("v", "x".repeat(17)),
                    "the SDK enforces the session's MaxFieldSize itself");
            Record r = new com.aliyun.odps.data.ArrayRecord(up.getSchema().getColumns().toArray(new Column[0]),
                    false);
            r.set("v", "x".repeat(17));
            assertThrows(IOException.class, () -> {
                try (RecordWriter w = up.openRecordWriter(0)) {
                    w.write(r);
                }
            });
            assertEquals(List.of(), Arrays.asList(up.getBlockList()));
            assertTrue(small.calls().stream().anyMatch(c -> "MalformedDataStream".equals(c.errorCode())));
        }
    }

    // ------------------------------------------------------------------ faults

    @Test
    void injectedBlockFailuresThenReuploadUnderTheSameId() throws Exception {
        sql("CREATE TABLE fault_t (a BIGINT);");
        mc.faults().failBlock(1, 2).dropBlock(2, 1);
        int firedBefore = mc.faults().fired();
        TableTunnel.UploadSession up = tunnel.createUploadSession(PROJECT, "fault_t");
        write(up, 0, 0L);
        assertThrows(IOException.class, () -> write(up, 1, 10L));
        assertThrows(IOException.class, () -> write(up, 1, 11L));
        write(up, 1, 12L);
        assertThrows(IOException.class, () -> write(up, 2, 20L));
        write(up, 2, 21L);
        assertEquals(3, mc.faults().fired() - firedBefore);
        assertEquals(0, mc.faults().pending());

        mc.faults().failCommits(1, 409); // 4xx: the SDK does not retry
        TunnelException commitFailed = assertThrows(TunnelException.class, () -> up.commit(new Long[] {0L, 1L, 2L}));
        assertEquals(409, (int) commitFailed.getStatus());
        assertEquals(List.of(), values("fault_t", null), "a failed commit commits nothing");
        mc.faults().failCommits(1); // 5xx: the SDK retries after 1 s and succeeds
        up.commit(new Long[] {0L, 1L, 2L});
        assertEquals(0, mc.faults().pending());
        assertEquals(List.of(0L, 12L, 21L), values("fault_t", null));
    }

    @Test
    void droppedRequestsAreIoErrorsAndTheNextRequestWorks() throws Exception {
        sql("CREATE TABLE drop_t (a BIGINT);");
        int fired = mc.faults().fired();
        mc.faults().dropRequests(1);
        TableTunnel.UploadSession up = tunnel.createUploadSession(PROJECT, "drop_t"); // the SDK retries this
        assertEquals(fired + 1, mc.faults().fired());
        assertTrue(mc.calls().stream().anyMatch(c -> "injected:drop".equals(c.errorCode())));
        mc.faults().dropRequests(1);
        assertThrows(IOException.class, () -> write(up, 0, 4L)); // block PUTs are not retried by the SDK
        write(up, 0, 5L);
        up.commit(new Long[] {0L});
        assertEquals(List.of(5L), values("drop_t", null));
    }

    @Test
    void uncommittedSessionsLeaveNoTrace() throws Exception {
        sql("CREATE TABLE nocommit_t (a BIGINT);");
        TableTunnel.UploadSession up = tunnel.createUploadSession(PROJECT, "nocommit_t");
        write(up, 0, 1L);
        write(up, 1, 2L);
        assertEquals(List.of(), values("nocommit_t", null));
        MaxComputeEmulator.UploadSessionInfo info = mc.uploadSessions().stream()
                .filter(u -> u.id().equals(up.getId())).findFirst().orElseThrow();
        assertEquals("normal", info.status());
        assertEquals(List.of(0L, 1L), info.blockIds());
    }

    // ------------------------------------------------------------------ auth and wire

    @Test
    void wrongSecretOrUnknownKeyIs403WithoutTheSecretInTheMessage() throws Exception {
        String wrong = "wrongSecretValue-0123456789";
        Odps bad = odps(AK, wrong);
        OdpsException rest = assertThrows(OdpsException.class, () -> bad.tables().get("anything").reload());
        assertEquals(403, status(rest));
        assertFalse(rest.getMessage().contains(wrong));
        assertFalse(rest.getMessage().contains(SK));

        TableTunnel badTunnel = new TableTunnel(bad);
        badTunnel.setEndpoint(mc.tunnelEndpoint());
        TunnelException tun = assertThrows(TunnelException.class,
                () -> badTunnel.createUploadSession(PROJECT, "anything"));
        assertEquals(403, (int) tun.getStatus());
        assertEquals("SignatureNotMatch", tun.getErrorCode());

        Odps unknown = odps("LTAIunknownKey", SK);
        OdpsException u = assertThrows(OdpsException.class, () -> unknown.tables().get("x").reload());
        assertEquals(403, status(u));
        assertTrue(mc.calls().stream().anyMatch(c -> "InvalidAccessKeyId".equals(c.errorCode())));
    }

    @Test
    void rawHttpKeepAliveChunkedBodiesAndExactHeaderCase() throws Exception {
        try (Socket s = new Socket(MaxComputeEmulator.HOST, mc.port())) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            String req = "PUT /projects/" + PROJECT + "/tables/t?uploadid=1&blockid=0 HTTP/1.1\r\nHost: x\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n3;ext=1\r\nabc\r\n0\r\n\r\n";
            for (int i = 0; i < 2; i++) { // the same connection twice: the chunked body was consumed exactly
                out.write(req.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String head = readHead(in);
                assertTrue(head.startsWith("HTTP/1.1 403 "), head);
                assertTrue(head.contains("\r\nx-odps-request-id: "), "lower-case header name as given: " + head);
                assertTrue(head.contains("\r\nConnection: keep-alive"), head);
                int len = Integer.parseInt(head.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
                String body = new String(in.readNBytes(len), StandardCharsets.UTF_8);
                assertTrue(body.contains("\"Code\":\"Unauthorized\""), body);
            }
        }
    }

    /** The HTTP status of the first exception in the cause chain that carries one. */
    private static int status(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OdpsException o && o.getStatus() != null) {
                return o.getStatus();
            }
        }
        throw new AssertionError("no status in " + t, t);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (!b.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int c = in.read();
            assertTrue(c >= 0, "connection closed early");
            b.write(c);
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void tunnelEndpointDiscoveryWhenNoneIsSet() throws Exception {
        sql("CREATE TABLE disc_t (a BIGINT);");
        TableTunnel discovering = new TableTunnel(odps); // no setEndpoint: asks /api/projects/p/tunnel
        TableTunnel.UploadSession up = discovering.createUploadSession(PROJECT, "disc_t");
        assertNotNull(up.getId());
        assertTrue(mc.calls().stream().anyMatch(c -> c.api().equals("rest")
                && c.resource().equals("/projects/" + PROJECT + "/tunnel") && c.status() == 200));
    }

    @Test
    void cliDefaultsMatchTheEmulatorDefaults() throws Exception {
        // MaxComputeEmulatorProcess must not load the SDK, so it repeats the defaults; keep them in sync.
        Class<?> p = Class.forName("io.chpack.testkit.MaxComputeEmulatorProcess");
        for (String[] f : new String[][] {{"PROJECT", MaxComputeEmulator.DEFAULT_PROJECT},
            {"ACCESS_ID", MaxComputeEmulator.DEFAULT_ACCESS_ID}, {"ACCESS_KEY", MaxComputeEmulator.DEFAULT_ACCESS_KEY}}) {
            java.lang.reflect.Field field = p.getDeclaredField(f[0]);
            field.setAccessible(true);
            assertEquals(f[1], field.get(null), f[0]);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static Record rec(String table, long a) {
        TableSchema s = mc.tableSchema(PROJECT, table);
        Record r = new com.aliyun.odps.data.ArrayRecord(s.getColumns().toArray(new Column[0]));
        r.set(0, a);
        return r;
    }

    private static void write(TableTunnel.UploadSession up, long block, long value) throws IOException,
            TunnelException {
        try (RecordWriter w = up.openRecordWriter(block)) {
            Record r = up.newRecord();
            r.set(0, value);
            w.write(r);
        }
    }

    private static void upload(String table, String spec, boolean overwrite, List<Record> rows) throws Exception {
        TableTunnel.UploadSession up = spec == null ? tunnel.createUploadSession(PROJECT, table, overwrite)
                : tunnel.createUploadSession(PROJECT, table, new PartitionSpec(spec), overwrite);
        try (RecordWriter w = up.openRecordWriter(0, true)) {
            for (Record r : rows) {
                Record n = up.newRecord();
                for (int i = 0; i < r.getColumnCount(); i++) {
                    n.set(i, r.get(i));
                }
                w.write(n);
            }
        }
        up.commit(new Long[] {0L});
    }

    private static List<Long> values(String table, String spec) {
        return mc.rows(PROJECT, table, spec).stream().map(r -> r.getBigint(0)).collect(Collectors.toList());
    }

    @SuppressWarnings("unused")
    private static TypeInfo type(String s) {
        return TypeInfoParser.getTypeInfoFromTypeString(s);
    }
}
