package io.chpack.clickhousereader.it;

import static io.chpack.clickhousereader.it.ReaderJobs.assertSameRows;
import static io.chpack.clickhousereader.it.ReaderJobs.number;
import static io.chpack.clickhousereader.it.ReaderJobs.parseTsv;
import static io.chpack.clickhousereader.it.ReaderJobs.reader;
import static io.chpack.clickhousereader.it.ReaderJobs.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.chpack.testkit.ClickHouseServer;

/** clickhousereader jobs against one real ClickHouse 18.16, through the runner with the shaded plugin jar. */
class ReaderJobIT {
    private static ClickHouseServer server;

    /** Every 18.16 type; expected values rendered by the server in the reader's canonical form. */
    private static final String[][] ALL_TYPES = {
        // column, type, server expression giving the delivered raw value, "n" = compare as numbers
        {"id", "UInt32", "toString(id)", ""},
        {"i8", "Int8", "toString(i8)", ""},
        {"i16", "Int16", "toString(i16)", ""},
        {"i32", "Int32", "toString(i32)", ""},
        {"i64", "Int64", "toString(i64)", ""},
        {"u8", "UInt8", "toString(u8)", ""},
        {"u16", "UInt16", "toString(u16)", ""},
        {"u32", "UInt32", "toString(u32)", ""},
        {"u64", "UInt64", "toString(u64)", ""},
        {"f32", "Float32", "toString(f32)", "n"},
        {"f64", "Float64", "toString(f64)", "n"},
        {"d32", "Decimal32(3)", "toString(d32)", ""},
        {"d64", "Decimal64(6)", "toString(d64)", ""},
        {"d128", "Decimal128(20)", "toString(d128)", ""},
        {"s", "String", "s", ""},
        {"fs", "FixedString(4)", "hex(fs)", ""},
        {"uid", "UUID", "toString(uid)", ""},
        {"d", "Date", "toString(toUInt64(toDateTime(d)) * 1000)", ""},
        {"dt", "DateTime", "toString(toUInt64(dt) * 1000)", ""},
        {"dtz", "DateTime('Asia/Shanghai')", "toString(toUInt64(dtz) * 1000)", ""},
        {"e8", "Enum8('a' = 1, 'b' = -2)", "toString(e8)", ""},
        {"e16", "Enum16('x' = 1000, 'y' = -1000)", "toString(e16)", ""},
        {"arr", "Array(Int32)", "toString(arr)", ""},
        {"arrs", "Array(Nullable(String))",
            "concat('[', arrayStringConcat(arrayMap(x -> if(isNull(x), 'null', concat('\"', assumeNotNull(x), '\"')), arrs), ','), ']')", ""},
        {"arr2", "Array(Array(UInt8))", "toString(arr2)", ""},
        {"tup", "Tuple(Int32, String)", "concat('[', toString(tup.1), ',\"', tup.2, '\"]')", ""},
        {"ns", "Nullable(String)", "ns", ""},
        {"ni", "Nullable(Int64)", "toString(ni)", ""},
        {"nd", "Nullable(Decimal(9, 2))", "toString(nd)", ""},
        {"lc", "LowCardinality(String)", "toString(lc)", ""},
    };

    @BeforeAll
    static void start() {
        server = ClickHouseServer.start();
        StringBuilder ddl = new StringBuilder("CREATE TABLE alltypes (");
        for (int i = 0; i < ALL_TYPES.length; i++) {
            ddl.append(i == 0 ? "" : ", ").append(ALL_TYPES[i][0]).append(' ').append(ALL_TYPES[i][1]);
        }
        ddl.append(") ENGINE = MergeTree PARTITION BY toYYYYMM(d) ORDER BY id");
        server.query(ddl.toString(), Map.of("allow_experimental_low_cardinality_type", "1"));
        server.query("INSERT INTO alltypes VALUES "
                + "(1, -128, -32768, -2147483648, -9223372036854775808, 0, 0, 0, 0, 1.5, -2.25, -1.5, 0.000001, "
                + "-12345678901234567.12345678901234567890, 'plain', 'ab', '00000000-0000-0000-0000-000000000000', "
                + "'1970-01-01', '1970-01-01 00:00:01', '2018-06-01 08:00:00', 'a', 'x', [], [], [], (0, ''), NULL, NULL, NULL, ''),"
                + "(2, 127, 32767, 2147483647, 9223372036854775807, 255, 65535, 4294967295, 18446744073709551615, "
                + "3.4028235e38, 1e-300, 999999.999, 123456789012.123456, 1.00000000000000000001, "
                + "'tab\\there\\nnew line ünïcödé \\'q\\' back\\\\slash', 'abcd', '61f0c404-5cb3-11e7-907b-a6006ad3dba0', "
                + "'2105-12-31', '2105-12-31 23:59:59', '1970-01-01 08:00:00', 'b', 'y', [1, -2, 3], ['a', NULL, 'b'], "
                + "[[1, 2], [], [3]], (-7, 'seven'), 'text', -5, -0.5, 'lc'),"
                + "(3, 0, 0, 0, 0, 1, 1, 1, 1, nan, inf, 0, 0, 0, '', '\\0\\0\\0\\0', 'ffffffff-ffff-ffff-ffff-ffffffffffff', "
                + "'2018-01-31', '2018-01-31 12:00:00', '2018-01-31 12:00:00', 'a', 'y', [0], [NULL], [[]], (1, 'one'), "
                + "'', 0, 12.34, 'lc')",
                Map.of());
        server.query("INSERT INTO alltypes SELECT number + 10, -1, -1, -1, -1, 1, 2, 3, number, -inf, -0.125, 1, 2, 3, "
                + "toString(number), 'x', generateUUIDv4(), toDate('2018-03-01') + number, toDateTime('2018-03-01 00:00:00') + number, "
                + "now(), 'b', 'x', [number], [toString(number)], [[1]], (number, 'n'), NULL, number, 1, 'z' FROM numbers(500)");

        server.query("CREATE TABLE big (id UInt64, p UInt16, k Int64, nk Nullable(Int64), s String) "
                + "ENGINE = MergeTree PARTITION BY p ORDER BY (k, id)");
        server.query("INSERT INTO big SELECT number, if(number < 150000, 1, if(number < 150010, 2, 3 + number % 40)), "
                + "if(number % 4 = 0, number, 7), if(number % 9 = 0, NULL, toInt64(number % 5000)), "
                + "concat('row-', toString(number)) FROM numbers(200000)");
        server.query("CREATE TABLE empty (id UInt64, s String) ENGINE = MergeTree ORDER BY id");
        server.query("CREATE TABLE one (id UInt64, s String) ENGINE = MergeTree ORDER BY id");
        server.query("INSERT INTO one VALUES (42, 'only')");
        server.query("CREATE TABLE ja (id UInt32, a String) ENGINE = Memory");
        server.query("CREATE TABLE jb (id UInt32, b String) ENGINE = Memory");
        server.query("INSERT INTO ja VALUES (1, 'x'), (2, 'y')");
        server.query("INSERT INTO jb VALUES (1, 'bx')");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String url() {
        return server.jdbcUrl("default");
    }

    private static List<List<String>> expectedAllTypes() {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < ALL_TYPES.length; i++) {
            sql.append(i == 0 ? "" : ", ").append(ALL_TYPES[i][2]);
        }
        List<List<String>> rows = parseTsv(server.query(sql + " FROM alltypes"));
        return normalise(rows);
    }

    private static List<List<String>> normalise(List<List<String>> rows) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> r : rows) {
            List<String> n = new ArrayList<>(r);
            for (int i = 0; i < ALL_TYPES.length; i++) {
                if (ALL_TYPES[i][3].equals("n")) {
                    n.set(i, number(n.get(i)));
                }
            }
            out.add(n);
        }
        return out;
    }

    @Test
    void everyTypeArrivesExactlyInManySplits() {
        Map<String, Object> p = reader(url(), List.of("*"), "table", List.of("alltypes"));
        p.put("minSplitRows", 1);
        ReaderJobs.Run run = ReaderJobs.run(p, 3);
        assertTrue(run.result.isSuccess(), run.error());
        assertTrue(run.slices.size() >= 3, "split by partition: " + run.slices.size());
        assertSameRows(expectedAllTypes(), normalise(values(run.rows())), "alltypes");
        ReaderJobs.Row first = run.rows().stream().filter(r -> r.values.get(0).equals("2")).findFirst().orElseThrow();
        assertEquals(List.of("LONG", "LONG", "LONG", "LONG", "LONG", "LONG", "LONG", "LONG", "LONG", "DOUBLE", "DOUBLE",
                "DOUBLE", "DOUBLE", "DOUBLE", "STRING", "BYTES", "STRING", "DATE", "DATE", "DATE", "STRING", "STRING",
                "STRING", "STRING", "STRING", "STRING", "STRING", "LONG", "DOUBLE", "STRING"), first.types);
    }

    @Test
    void skewedPartitionedTableWithNullKeysIsReadExactlyOnceAcrossSplits() {
        Map<String, Object> p = reader(url(), List.of("id", "p", "k", "nk", "s"), "table", List.of("big"));
        p.put("minSplitRows", 1000);
        p.put("splitPk", "nk");
        ReaderJobs.Run run = ReaderJobs.run(p, 4);
        assertTrue(run.result.isSuccess(), run.error());
        List<List<String>> expected = parseTsv(server.query("SELECT id, p, k, nk, s FROM big"));
        assertSameRows(expected, values(run.rows()), "big");
        long sum = 0;
        List<Integer> sizes = new ArrayList<>();
        for (List<ReaderJobs.Row> slice : run.slices) {
            sizes.add(slice.size());
            sum += slice.size();
        }
        assertEquals(200000, sum, "per-split counts add up: " + sizes);
        assertTrue(run.slices.size() >= 5, "partitions + nk ranges + NULL split: " + sizes);
        assertEquals(200000, run.result.totalReadRecords());
    }

    @Test
    void emptyAndOneRowTables() {
        ReaderJobs.Run empty = ReaderJobs.run(reader(url(), List.of("id", "s"), "table", List.of("empty")), 2);
        assertTrue(empty.result.isSuccess(), empty.error());
        assertEquals(0, empty.rows().size());
        ReaderJobs.Run one = ReaderJobs.run(reader(url(), List.of("id", "s"), "table", List.of("one")), 2);
        assertTrue(one.result.isSuccess(), one.error());
        assertSameRows(List.of(List.of("42", "only")), values(one.rows()), "one");
    }

    @Test
    void querySqlModeRunsOneTaskPerQuery() {
        Map<String, Object> p = reader(url(), List.of("*"), "querySql", List.of(
                "SELECT id, s FROM big WHERE id < 1000 ORDER BY id;",
                "SELECT toDecimal64(1, 3) AS one, [1, 2] AS arr, toFixedString('ab', 2) AS fs -- trailing comment"));
        ReaderJobs.Run run = ReaderJobs.run(p, 2);
        assertTrue(run.result.isSuccess(), run.error());
        assertEquals(2, run.slices.size());
        List<List<String>> expected = parseTsv(server.query("SELECT toString(id), s FROM big WHERE id < 1000"));
        expected.add(List.of("1.000", "[1,2]", "6162"));
        assertSameRows(expected, values(run.rows()), "querySql");
    }

    /**
     * Stock querySql jobs name tables without a database and carry no column: the jdbcUrl's database applies
     * (18.16 ignores the header client-v2 would name it in) and no column key is needed.
     */
    @Test
    void querySqlUsesTheUrlDatabaseAndNeedsNoColumn() {
        server.query("CREATE DATABASE IF NOT EXISTS qdb");
        server.query("CREATE TABLE IF NOT EXISTS qdb.only_here (x UInt32) ENGINE = MergeTree ORDER BY x");
        server.query("TRUNCATE TABLE qdb.only_here");
        server.query("INSERT INTO qdb.only_here VALUES (7), (8), (9)");
        Map<String, Object> p = reader(server.jdbcUrl("qdb"), List.of("*"), "querySql",
                List.of("SELECT x FROM only_here WHERE x > 7"));
        p.remove("column");
        ReaderJobs.Run run = ReaderJobs.run(p, 1);
        assertTrue(run.result.isSuccess(), run.error());
        assertSameRows(List.of(List.of("8"), List.of("9")), values(run.rows()), "querySql in qdb");
    }

    @Test
    void sessionSettingsAreApplied() {
        String join = "SELECT ja.id, b FROM ja ANY LEFT JOIN jb USING id";
        ReaderJobs.Run plain = ReaderJobs.run(reader(url(), List.of("*"), "querySql", List.of(join)), 1);
        assertTrue(plain.result.isSuccess(), plain.error());
        Map<String, Object> p = reader(url(), List.of("*"), "querySql", List.of(join));
        p.put("session", List.of("SET join_use_nulls = 1"));
        ReaderJobs.Run withNulls = ReaderJobs.run(p, 1);
        assertTrue(withNulls.result.isSuccess(), withNulls.error());
        assertSameRows(List.of(List.of("1", "bx"), List.of("2", "")), values(plain.rows()), "join_use_nulls = 0");
        List<String> unmatched = withNulls.rows().stream().filter(r -> r.values.get(0).equals("2")).findFirst()
                .orElseThrow().values;
        assertNull(unmatched.get(1), "join_use_nulls = 1 makes the unmatched side NULL: " + unmatched);

        Map<String, Object> limited = reader(url(), List.of("id"), "table", List.of("big"));
        limited.put("splitMode", "none");
        limited.put("settings", Map.of("max_rows_to_read", 10));
        ReaderJobs.Run refused = ReaderJobs.run(limited, 1);
        assertFalse(refused.result.isSuccess());
        assertTrue(refused.error().contains("158"), refused.error());
    }

    @Test
    void unknownSettingIsANamedError() {
        Map<String, Object> p = reader(url(), List.of("id"), "table", List.of("one"));
        p.put("session", List.of("SET no_such_setting_at_all = 1"));
        ReaderJobs.Run run = ReaderJobs.run(p, 1);
        assertFalse(run.result.isSuccess());
        assertTrue(run.error().contains("parameter.session/settings") && run.error().contains("no_such_setting_at_all"),
                run.error());
    }

    @Test
    void errorInTheMiddleOfTheStreamFailsTheTaskWithoutRetry() {
        Map<String, Object> p = reader(url(), List.of("*"), "querySql",
                List.of("SELECT number, toString(number) AS s FROM numbers(3000000) WHERE throwIf(number = 2500000) = 0"));
        p.put("settings", Map.of("max_block_size", 1000));
        ReaderJobs.Run run = ReaderJobs.run(p, 1);
        assertFalse(run.result.isSuccess());
        String m = run.error();
        assertTrue(m.contains("395") && m.contains("in the middle of the result"), m);
        assertTrue(m.contains("already sent to the writer") && m.contains("not retried"), m);
        long delivered = run.rows().size();
        assertTrue(delivered > 0 && delivered < 2500000, "rows before the error, none after: " + delivered);
        for (ReaderJobs.Row r : run.rows()) {
            assertEquals(r.values.get(0), r.values.get(1), "no row decoded from the error text");
        }
    }

    @Test
    void firstReachableUrlWins() {
        Map<String, Object> p = reader(url(), List.of("id", "s"), "table", List.of("one"));
        @SuppressWarnings("unchecked")
        Map<String, Object> c = (Map<String, Object>) ((List<Object>) p.get("connection")).get(0);
        c.put("jdbcUrl", List.of("jdbc:clickhouse://127.0.0.1:1/default", url()));
        ReaderJobs.Run run = ReaderJobs.run(p, 1);
        assertTrue(run.result.isSuccess(), run.error());
        assertEquals(1, run.rows().size());
    }

    @Test
    void badConfigurationsGiveNamedErrors() {
        Map<String, Object> noTable = reader(url(), List.of("id"), "table", List.of("one"));
        @SuppressWarnings("unchecked")
        Map<String, Object> c0 = (Map<String, Object>) ((List<Object>) noTable.get("connection")).get(0);
        c0.remove("table");
        assertError(noTable, "parameter.connection[0] needs either table");

        Map<String, Object> both = reader(url(), List.of("id"), "table", List.of("one"));
        @SuppressWarnings("unchecked")
        Map<String, Object> c1 = (Map<String, Object>) ((List<Object>) both.get("connection")).get(0);
        c1.put("querySql", List.of("SELECT 1"));
        assertError(both, "parameter.connection[0] has both table");

        assertError(reader(url(), List.of("id", "no_such_column"), "table", List.of("one")), "parameter.column");
        assertError(reader(url(), List.of("id"), "table", List.of("no_such_table")), "parameter.connection[0].table[0]");
        Map<String, Object> where = reader(url(), List.of("id"), "table", List.of("one"));
        where.put("where", "nope > 1");
        assertError(where, "parameter.where");
        Map<String, Object> pk = reader(url(), List.of("id"), "table", List.of("big"));
        pk.put("splitPk", "nope");
        assertError(pk, "parameter.splitPk");

        Map<String, Object> badPassword = reader(url(), List.of("id"), "table", List.of("one"));
        badPassword.put("password", "secret-wrong-pw");
        String m = assertError(badPassword, "parameter.username/password");
        assertFalse(m.contains("secret-wrong-pw"), "the password never shows: " + m);

        String unreachable = assertError(reader("jdbc:clickhouse://127.0.0.1:1/default", List.of("id"), "table",
                List.of("one")), "parameter.connection[0].jdbcUrl");
        assertTrue(unreachable.contains("no server is reachable"), unreachable);

        // https to the plain-HTTP port: the handshake fails the same way every time, so it is fatal, not retried
        String tls = assertError(reader(url().replace("jdbc:clickhouse://", "jdbc:clickhouse:https://"), List.of("id"),
                "table", List.of("one")), "parameter.connection[0].jdbcUrl");
        assertTrue(tls.contains("TLS failure"), tls);
    }

    private static String assertError(Map<String, Object> p, String expected) {
        ReaderJobs.Run run = ReaderJobs.run(p, 1);
        assertFalse(run.result.isSuccess(), "job should fail with " + expected);
        assertTrue(run.error() != null && run.error().contains(expected), "expected '" + expected + "' in: " + run.error());
        return run.error();
    }
}
