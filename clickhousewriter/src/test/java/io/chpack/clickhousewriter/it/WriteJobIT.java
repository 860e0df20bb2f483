package io.chpack.clickhousewriter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.chpack.runner.DirtyRecordSample;
import io.chpack.runner.JobResult;
import io.chpack.testkit.ClickHouseServer;

/** Types, dirty records, configuration/server errors and block cutting, through real jobs on 18.16. */
@Timeout(120)
class WriteJobIT {
    static ClickHouseServer ch;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        ch = ClickHouseServer.builder().user("writer", "right-pw").start();
    }

    @AfterAll
    static void stop() {
        if (ch != null) {
            ch.close();
        }
    }

    private static String col(String type, String value) {
        return "{\"type\":\"" + type + "\",\"value\":\"" + value.replace("\"", "\\\"") + "\"}";
    }

    @Test
    void every1816TypeThroughARealJob() {
        ch.query("DROP TABLE IF EXISTS types");
        ch.query("CREATE TABLE types (i8 Int8, i16 Int16, i32 Int32, i64 Int64, u8 UInt8, u16 UInt16, u32 UInt32, "
                + "u64 UInt64, f32 Float32, f64 Float64, d32 Decimal(9,2), d64 Decimal(18,4), d128 Decimal(38,10), "
                + "s String, fs FixedString(4), uuid UUID, d Date, dt DateTime, dtz DateTime('Asia/Shanghai'), "
                + "e8 Enum8('a' = 1, 'b' = -2), e16 Enum16('x' = 1000), arr Array(Int32), "
                + "arrn Array(Nullable(String)), arr2 Array(Array(UInt8)), tup Tuple(Int32, String), "
                + "n Nested(a UInt8, b String), ni Nullable(Int32), ns Nullable(String), old Date) "
                + "ENGINE = MergeTree() ORDER BY i8");
        String columns = "[" + String.join(",",
                col("long", "-128"), col("long", "-32768"), col("long", "-2147483648"), col("long", "-9223372036854775808"),
                col("long", "255"), col("long", "65535"), col("long", "4294967295"), col("long", "18446744073709551615"),
                col("double", "1.5"), col("double", "-2.25e-300"), col("string", "1234567.89"),
                col("double", "-12345678901234.5678"), col("string", "1234567890123456789012345678.0123456789"),
                col("string", "héllo\\ttab"), col("string", "ab"), col("string", "61f0c404-5cb3-11e7-907b-a6006ad3dba0"),
                col("date", "1999-12-31 00:00:00"), col("date", "2024-02-29 12:34:56"), col("string", "2024-02-29 12:34:56"),
                col("string", "b"), col("long", "1000"), col("string", "[1,-2,3]"), col("string", "[\"x\",null]"),
                col("string", "[[1,2],[]]"), col("string", "[7,\"seven\"]"), col("string", "[1,2]"),
                col("string", "[\"p\",\"q\"]"), "{\"type\":\"long\"}", col("string", "not null"),
                col("string", "1970-01-01")) + "]";
        String writer = Jobs.writer(ch.jdbcUrl("default"), "types", "[\"*\"]", "");
        JobResult r = new WriterHome(dir).run(Jobs.stream(1, 3, columns, writer));
        assertTrue(r.isSuccess(), r::toString);
        assertEquals(0, r.errorRecords(), () -> r.dirtySamples().toString());
        String row = ch.query("SELECT i8, i16, i32, i64, u8, u16, u32, u64, f32, f64, d32, d64, d128, s, "
                + "hex(fs), uuid, d, dt, toString(dtz), toUnixTimestamp(dtz), e8, e16, arr, arrn, arr2, tup, n.a, "
                + "n.b, ni, ns, old FROM types LIMIT 1").trim();
        assertEquals(String.join("\t", "-128", "-32768", "-2147483648", "-9223372036854775808", "255", "65535",
                "4294967295", "18446744073709551615", "1.5", "-2.25e-300", "1234567.89", "-12345678901234.5678",
                "1234567890123456789012345678.0123456789", "héllo\\ttab", "61620000",
                "61f0c404-5cb3-11e7-907b-a6006ad3dba0", "1999-12-31", "2024-02-29 12:34:56", "2024-02-29 12:34:56",
                "1709181296", "b", "x", "[1,-2,3]", "['x',NULL]", "[[1,2],[]]", "(7,'seven')", "[1,2]", "['p','q']",
                "\\N", "not null", "0000-00-00"), row); // 18.16 prints day 0 as 0000-00-00
        assertEquals("3", ch.query("SELECT count() FROM types").trim());
    }

    /** One bad value per job; the record is dirty with the documented reason and the good ones are written. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "UInt8|long|300|300 is out of range for UInt8 [0, 255]",
        "Int32|string|12x|",
        "UInt32|long|-1|out of range",
        "Date|string|2024-02-30|",
        "DateTime|string|yesterday|",
        "FixedString(2)|string|abc|more than the 2 of FixedString(2)",
        "Enum8('a' = 1)|string|zz|",
        "Int32|NULL|NULL|NULL",
        "Array(Int32)|string|[1,2|",
        "Decimal(5, 2)|string|1.234|has 3 fraction digits",
        "UUID|string|not-a-uuid|",
        "Date|string|1969-12-31|outside the range of Date",
    })
    void badValuesBecomeDirtyRecordsWithTheirReason(String type, String readerType, String value, String reason) {
        String table = "bad_" + Integer.toHexString(type.hashCode() ^ value.hashCode()).replace('-', '_');
        ch.query("DROP TABLE IF EXISTS " + table);
        ch.query("CREATE TABLE " + table + " (id UInt64, v " + type + ") ENGINE = MergeTree() ORDER BY id");
        String badCol = "NULL".equals(readerType) ? "{\"type\":\"long\"}" : col(readerType, value);
        // Slice 0 sends the bad value, slice 1 a good id with the same bad value: every record is dirty, the job
        // still succeeds under the error limit and the table stays empty (no row-by-row, no partial rows).
        String job = Jobs.stream(1, 4, "[{\"type\":\"long\",\"incr\":\"1\"}," + badCol + "]",
                Jobs.writer(ch.jdbcUrl("default"), table, "[\"id\",\"v\"]", "\"batchSize\":2"));
        JobResult r = new WriterHome(dir).run(job);
        assertTrue(r.isSuccess(), r::toString);
        assertEquals(4, r.errorRecords(), r::toString);
        assertEquals("0", ch.query("SELECT count() FROM " + table).trim());
        DirtyRecordSample s = r.dirtySamples().get(0);
        String text = s.message() + " " + s.exception();
        assertTrue(text.contains("column 'v' (" + type + ")"), text);
        if (reason != null && !reason.isEmpty()) {
            assertTrue(text.contains(reason), text);
        }
    }

    @Test
    void goodRowsAroundADirtyOneAreWritten() {
        ch.query("DROP TABLE IF EXISTS mixed");
        ch.query("CREATE TABLE mixed (id UInt64, v UInt8) ENGINE = MergeTree() ORDER BY id");
        // v = id * 100: ids 1, 2 fit UInt8 (100, 200); 3.. do not.
        String job = Jobs.stream(1, 5, "[{\"type\":\"long\",\"incr\":\"1\"},{\"type\":\"long\",\"incr\":\"100,100\"}]",
                Jobs.writer(ch.jdbcUrl("default"), "mixed", "[\"id\",\"v\"]", "\"batchSize\":2"));
        JobResult r = new WriterHome(dir).run(job);
        assertTrue(r.isSuccess(), r::toString);
        assertEquals(3, r.errorRecords());
        assertEquals("2\t300", ch.query("SELECT count(), sum(v) FROM mixed").trim());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "default||no_such_table|[\"*\"]||table default.no_such_table does not exist",
        "default||cfg|[\"id\",\"nope\"]||parameter.column 'nope' is not a column of default.cfg",
        "writer|wrong-pw|cfg|[\"*\"]||cannot query",
        "default||cfg|[\"*\"]|\"settings\":{\"no_such_setting\":1}|[no_such_setting]",
        "default||cfg|[\"*\"]|\"mode\":\"turbo\"|parameter.mode must be one of insert, dedup, staging",
        "default||cfg|[\"id\"]||the reader sends records of 2 columns but the writer writes 1 columns",
    })
    void configurationAndServerErrorsFailTheJobClearly(String user, String pw, String table, String columns,
            String extra, String expected) {
        ch.query("CREATE TABLE IF NOT EXISTS cfg (id UInt64, v String) ENGINE = MergeTree() ORDER BY id");
        String writer = "{\"username\":\"" + user + "\",\"password\":\"" + (pw == null ? "" : pw) + "\",\"column\":"
                + columns + ",\"connection\":[{\"jdbcUrl\":\"" + ch.jdbcUrl("default") + "\",\"table\":[\"" + table
                + "\"]}]" + (extra == null ? "" : "," + extra) + "}";
        JobResult r = new WriterHome(dir).run(Jobs.stream(1, 3, "[{\"type\":\"long\",\"value\":\"1\"},"
                + "{\"type\":\"string\",\"value\":\"x\"}]", writer));
        assertFalse(r.isSuccess());
        assertTrue(r.errorMessage().contains(expected), r.errorMessage());
        assertFalse(r.errorMessage().contains("wrong-pw"), r.errorMessage());
    }

    @Test
    void unreachableHostFailsAfterTryingEveryHost() {
        String writer = Jobs.writer("jdbc:clickhouse://127.0.0.1:1,127.0.0.1:2/default", "t", "[\"*\"]",
                "\"connectTimeoutMs\":2000");
        JobResult r = new WriterHome(dir).run(Jobs.stream(1, 1, "[{\"type\":\"long\",\"value\":\"1\"}]", writer));
        assertFalse(r.isSuccess());
        assertTrue(r.errorMessage().contains("no host of parameter.connection[0].jdbcUrl answered"), r.errorMessage());
        assertTrue(r.errorMessage().contains("127.0.0.1:2"), r.errorMessage());
    }

    @Test
    void secondHostIsUsedWhenTheFirstIsDown() {
        ch.query("CREATE TABLE IF NOT EXISTS failover (id UInt64) ENGINE = MergeTree() ORDER BY id");
        String writer = Jobs.writer("jdbc:clickhouse://127.0.0.1:1," + ch.host() + ":" + ch.httpPort() + "/default",
                "failover", "[\"id\"]", "\"connectTimeoutMs\":2000,\"retryBackoffMs\":10,\"maxRetryBackoffMs\":20");
        JobResult r = new WriterHome(dir).run(Jobs.stream(2, 100, "[{\"type\":\"long\",\"incr\":\"1\"}]", writer));
        assertTrue(r.isSuccess(), r::toString);
        assertEquals("200", ch.query("SELECT count() FROM failover").trim());
    }

    /** Plain MergeTree numbers every INSERT's part: the highest block number is the number of INSERTs. */
    private static String inserts(String table) {
        return ch.query("SELECT max(max_block_number) FROM system.parts WHERE table = '" + table + "'").trim();
    }

    @Test
    void blocksAreCutByRowsBytesAndPartitions() {
        WriterHome home = new WriterHome(dir);
        String cols = "[{\"type\":\"long\",\"incr\":\"0\"},{\"type\":\"string\",\"value\":\"0123456789\"}]";
        ch.query("CREATE TABLE rows_cut (id UInt64, s String) ENGINE = MergeTree() ORDER BY id");
        assertTrue(home.run(Jobs.stream(1, 1000, cols, Jobs.writer(ch.jdbcUrl("default"), "rows_cut", "[\"*\"]",
                "\"batchSize\":300"))).isSuccess());
        assertEquals("4", inserts("rows_cut")); // 300+300+300+100
        // One row is 8 + 1 + 10 = 19 bytes: 1900 bytes per block = 100 rows.
        ch.query("CREATE TABLE bytes_cut (id UInt64, s String) ENGINE = MergeTree() ORDER BY id");
        assertTrue(home.run(Jobs.stream(1, 1000, cols, Jobs.writer(ch.jdbcUrl("default"), "bytes_cut", "[\"*\"]",
                "\"batchSize\":100000,\"batchByteSize\":1900"))).isSuccess());
        assertEquals("10", inserts("bytes_cut"));
        // Partitions id % 10 evaluated by the server: the key is a plain column here (p = id % 10 stored).
        ch.query("CREATE TABLE part_cut (id UInt64, p UInt8) ENGINE = MergeTree() PARTITION BY p ORDER BY id");
        String pcols = "[{\"type\":\"long\",\"incr\":\"0\"},{\"type\":\"long\",\"random\":\"0,9\"}]";
        JobResult r = home.run(Jobs.stream(1, 1000, pcols, Jobs.writer(ch.jdbcUrl("default"), "part_cut", "[\"*\"]",
                "\"batchSize\":100000,\"maxPartitionsPerBlock\":3")));
        assertTrue(r.isSuccess(), r::toString);
        assertEquals("1000", ch.query("SELECT count() FROM part_cut").trim());
        // Without the limit this is one INSERT and 10 parts. With at most 3 partitions per block, random p cuts a
        // block every few rows, and every block becomes up to 3 parts.
        long parts = Long.parseLong(inserts("part_cut"));
        assertTrue(parts > 100, "parts: " + parts);
        ch.query("CREATE TABLE part_free (id UInt64, p UInt8) ENGINE = MergeTree() PARTITION BY p ORDER BY id");
        assertTrue(home.run(Jobs.stream(1, 1000, pcols, Jobs.writer(ch.jdbcUrl("default"), "part_free", "[\"*\"]",
                "\"batchSize\":100000"))).isSuccess());
        assertEquals("10", inserts("part_free"));
    }
}
