package io.chpack.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.chpack.testkit.ClickHouseServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * clickhousereader → clickhousewriter between two real servers, through the assembled home's bin/chpack:
 * every value of every 18.16 type, edge values included, arrives exactly (the servers' own text of both
 * tables is compared, so nothing is judged by our own codec).
 */
class ClickHouseCopyIT {
    private static final String COLUMNS = String.join(", ",
            "id UInt64", "i8 Int8", "i16 Int16", "i32 Int32", "i64 Int64",
            "u8 UInt8", "u16 UInt16", "u32 UInt32", "u64 UInt64",
            "f32 Float32", "f64 Float64", "d32 Decimal32(4)", "d64 Decimal(18, 6)", "d128 Decimal(38, 10)",
            "s String", "fs FixedString(6)", "uid UUID", "day Date", "ts DateTime('UTC')",
            "ts_sh DateTime('Asia/Shanghai')", "e8 Enum8('a' = 1, 'b\\'q' = -2, 'x y' = 127)",
            "e16 Enum16('lo' = -32768, 'hi' = 32767)", "arr Array(Int32)", "arr_s Array(Nullable(String))",
            "arr2 Array(Array(UInt8))", "tup Tuple(Int8, String, Nullable(Float64))", "n_i Nullable(Int64)",
            "n_s Nullable(String)", "n_day Nullable(Date)", "nest Nested(k String, v UInt32)");
    private static final List<String> ROWS = List.of(
            // minimums / negative edges
            "(1, -128, -32768, -2147483648, -9223372036854775808, 0, 0, 0, 0, -3.4028235e38, -1.7976931348623157e308,"
                    + " -99999.9999, -999999999999.999999, -9999999999999999999999999999.9999999999, '', '\\0\\0', "
                    + "'00000000-0000-0000-0000-000000000000', '1970-01-01', '1970-01-01 00:00:00', '1970-01-01 08:00:00',"
                    + " 'b\\'q', 'lo', [], [], [], (-128, '', NULL), NULL, NULL, NULL, [], [])",
            // maximums
            "(2, 127, 32767, 2147483647, 9223372036854775807, 255, 65535, 4294967295, 18446744073709551615,"
                    + " 3.4028235e38, 1.7976931348623157e308, 99999.9999, 999999999999.999999,"
                    + " 9999999999999999999999999999.9999999999, 'max', 'abcdef', 'ffffffff-ffff-ffff-ffff-ffffffffffff',"
                    + " '2105-12-31', '2106-02-07 06:28:15', '2106-02-07 14:28:15', 'x y', 'hi', [2147483647, -2147483648],"
                    + " ['', NULL, 'z'], [[255], [], [0, 1]], (127, 'max', 1.5), 9223372036854775807, 'not null',"
                    + " '2105-12-31', ['a', 'b'], [0, 4294967295])",
            // awkward text and floats
            "(3, 0, 0, 0, 0, 1, 1, 1, 1, nan, inf, 0.0001, 0.000001, 0.0000000001,"
                    + " 'tab\\tnew\\nline \\\\ quote\\' nul\\0 emoji 😀 cjk 数据', 'a\\0b', '123e4567-e89b-12d3-a456-426614174000',"
                    + " '2026-11-21', '2026-11-21 23:59:59', '2026-11-21 23:59:59', 'a', 'lo', [0], ['😀', '\\0'], [[]],"
                    + " (0, '\\t', nan), 0, '', '2000-02-29', ['', 'k'], [1, 2])",
            "(4, -1, -1, -1, -1, 2, 2, 2, 2, -inf, -0.0, -0.0001, -0.000001, -0.0000000001, ' ', '      ',"
                    + " '00000000-0000-0000-0000-000000000001', '2000-02-29', '2000-02-29 12:00:00', '2000-03-01 00:00:00',"
                    + " 'b\\'q', 'hi', [-1, 0, 1], [NULL], [[1], [2], [3]], (1, 'x', -inf), -1, 'NULL', NULL, [], [])");

    private static ClickHouseServer source;
    private static ClickHouseServer target;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServers() {
        source = ClickHouseServer.start();
        target = ClickHouseServer.start();
        for (ClickHouseServer server : List.of(source, target)) {
            server.query("CREATE DATABASE copy");
            server.query("CREATE TABLE copy.t (" + COLUMNS + ") ENGINE = MergeTree ORDER BY id");
        }
        source.query("INSERT INTO copy.t VALUES " + String.join(", ", ROWS));
        // Bulk rows too, so both plugins cut several splits/blocks.
        source.query("INSERT INTO copy.t (id, i32, s, f64, d128, ts, arr, n_s) SELECT number + 100, toInt32(number * 7919),"
                + " concat('row-', toString(number)), number / 7, toDecimal128(number, 10) / 3, toDateTime(number * 3599),"
                + " [toInt32(number), toInt32(number % 3)], if(number % 5 = 0, NULL, toString(number)) FROM numbers(30000)");
    }

    @AfterAll
    static void stopServers() {
        for (ClickHouseServer server : new ClickHouseServer[] {source, target}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void everyValueArrivesExactly() throws Exception {
        String job = """
                {"job": {"setting": {"speed": {"channel": 2}, "errorLimit": {"record": 0}},
                  "content": [{
                    "reader": {"name": "clickhousereader", "parameter": {"username": "default", "password": "",
                      "column": ["*"], "splitFactor": 2,
                      "connection": [{"jdbcUrl": ["jdbc:clickhouse://127.0.0.1:%d/copy"], "table": ["t"]}]}},
                    "writer": {"name": "clickhousewriter", "parameter": {"username": "default", "password": "",
                      "column": ["*"], "batchSize": 4096,
                      "connection": [{"jdbcUrl": "jdbc:clickhouse://127.0.0.1:%d/copy", "table": ["t"]}]}}}]}}
                """.formatted(source.httpPort(), target.httpPort());
        Path jobFile = dir.resolve("copy.json");
        Files.writeString(jobFile, job);

        Process process = new ProcessBuilder(AssembledHome.home().resolve("bin/chpack").toString(), "run",
                jobFile.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("copy.log").toFile()).start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "copy job did not finish in 300 s");
        String log = Files.readString(dir.resolve("copy.log"));
        assertEquals(0, process.exitValue(), log);

        String everything = "SELECT * FROM copy.t ORDER BY id FORMAT TabSeparated";
        String expected = source.query(everything);
        String actual = target.query(everything);
        assertEquals(30004, expected.split("\n").length, "source rows");
        if (!expected.equals(actual)) {
            List<String> differences = new ArrayList<>();
            String[] e = expected.split("\n", -1);
            String[] a = actual.split("\n", -1);
            for (int i = 0; i < Math.max(e.length, a.length) && differences.size() < 5; i++) {
                String el = i < e.length ? e[i] : "<missing>";
                String al = i < a.length ? a[i] : "<missing>";
                if (!el.equals(al)) {
                    differences.add("source: " + el + "\ncopy:   " + al);
                }
            }
            throw new AssertionError("copy differs from source (" + e.length + " vs " + a.length + " lines):\n"
                    + String.join("\n", differences));
        }
    }
}
