package io.chpack.common.conformance;

import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryInput;
import io.chpack.common.rowbinary.RowBinaryOutput;
import io.chpack.common.rowbinary.RowBinaryRowCodec;
import io.chpack.common.rowbinary.TestValues;
import io.chpack.testkit.ClickHouseServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Our RowBinary against the real ClickHouse 18.16 server, for every type 18.16 has: rows we encode are
 * inserted with {@code INSERT … FORMAT RowBinary}, then (1) the server's own RowBinary export of them must
 * be byte-identical to what we sent and decode to the same values, and (2) a text probe computed by the
 * server ({@code SELECT probe(v) … FORMAT TSVRaw}) must match what we expect from the Java value, so
 * agreement is checked at the value level too, not just "our decoder undoes our encoder". Separately,
 * values the server produces itself (edge literals) must decode to the expected Java values, and the
 * server's type spellings must parse and print back unchanged.
 */
class ClickHouse1816ConformanceTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final String SETTINGS = "allow_experimental_low_cardinality_type=1";
    /** How 18.16's TSVRaw prints NULL (TabSeparated would print \N). */
    private static final String NULL_TEXT = "ᴺᵁᴸᴸ";
    private static ClickHouseServer ch;

    @BeforeAll
    static void start() {
        ch = ClickHouseServer.start();
    }

    @AfterAll
    static void stop() {
        if (ch != null) {
            ch.close();
        }
    }

    /** One column type, its edge values, and how the server's text probe of a value should read. */
    record Case(String type, List<Object> edges, String probe, Function<Object, String> expected) {
        @Override
        public String toString() {
            return type;
        }
    }

    static Stream<Case> types1816() throws Exception {
        Function<Object, String> str = String::valueOf;
        Function<Object, String> hexBytes = v -> HexFormat.of().withUpperCase().formatHex((byte[]) v);
        Function<Object, String> plainDecimal = v -> ((BigDecimal) v).toPlainString();
        Function<Object, String> days = v -> String.valueOf(((LocalDate) v).toEpochDay());
        Function<Object, String> seconds = v -> String.valueOf(((Instant) v).getEpochSecond());
        Function<Object, String> enumName = v -> HexFormat.of().withUpperCase().formatHex(((String) v).getBytes(StandardCharsets.UTF_8));
        return Stream.of(
                new Case("Int8", List.of(-128L, 127L, 0L, -1L), "toString(v)", str),
                new Case("Int16", List.of(-32768L, 32767L), "toString(v)", str),
                new Case("Int32", List.of((long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE), "toString(v)", str),
                new Case("Int64", List.of(Long.MIN_VALUE, Long.MAX_VALUE), "toString(v)", str),
                new Case("UInt8", List.of(0L, 255L), "toString(v)", str),
                new Case("UInt16", List.of(0L, 65535L), "toString(v)", str),
                new Case("UInt32", List.of(0L, 4294967295L), "toString(v)", str),
                new Case("UInt64", List.of(BigInteger.ZERO, new BigInteger("18446744073709551615"), BigInteger.ONE.shiftLeft(63)),
                        "toString(v)", str),
                new Case("Float32", List.of(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, 0f,
                        Float.MAX_VALUE, -Float.MIN_VALUE, 1.5f), "toString(v)", v -> "float"),
                new Case("Float64", List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0d,
                        Double.MAX_VALUE, Double.MIN_NORMAL, 0.1d), "toString(v)", v -> "float"),
                new Case("Decimal(9, 2)", List.of(new BigDecimal("9999999.99"), new BigDecimal("-9999999.99"),
                        new BigDecimal("0.00"), new BigDecimal("-0.01")), "v", plainDecimal),
                new Case("Decimal(18, 4)", List.of(new BigDecimal("-99999999999999.9999"), new BigDecimal("1.0000")),
                        "v", plainDecimal),
                new Case("Decimal(38, 10)", List.of(new BigDecimal("-9999999999999999999999999999.9999999999"),
                        new BigDecimal("9999999999999999999999999999.9999999999"), new BigDecimal("-1.5000000000")),
                        "v", plainDecimal),
                new Case("Decimal(38, 0)", List.of(new BigDecimal("-99999999999999999999999999999999999999")),
                        "v", plainDecimal),
                new Case("String", List.of(new byte[0], new byte[] {'a', 0, 'b'}, "😀é\t\n\\'".getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xff, (byte) 0xfe}), "hex(v)", hexBytes),
                new Case("FixedString(5)", List.of(new byte[5], "ab\0\0\0".getBytes(StandardCharsets.UTF_8),
                        "😀\0".getBytes(StandardCharsets.UTF_8)), "hex(v)", hexBytes),
                new Case("UUID", List.of(UUID.fromString("61f0c404-5cb3-11e7-907b-a6006ad3dba0"), new UUID(0, 0),
                        new UUID(-1, -1), new UUID(Long.MIN_VALUE, 1)), "toString(v)", str),
                new Case("Date", List.of(LocalDate.of(1970, 1, 1), LocalDate.of(2149, 6, 6), LocalDate.of(2024, 1, 15)),
                        "toUInt16(v)", days),
                new Case("DateTime", List.of(Instant.EPOCH, Instant.parse("2106-02-07T06:28:15Z"),
                        Instant.parse("2024-01-15T10:30:00Z")), "toUInt32(v)", seconds),
                new Case("DateTime('Asia/Shanghai')", List.of(Instant.parse("2024-01-15T10:30:00Z")), "toUInt32(v)", seconds),
                new Case("Enum8('x\\'y' = -128, 'n\\nl' = 1, 'b\\\\c' = 2, 'co,m(p) a' = 5, 't\\tz\\0' = 127)",
                        List.of("x'y", "n\nl", "b\\c", "co,m(p) a", "t\tz\0"), "hex(toString(v))", enumName),
                new Case("Enum16('lo' = -32768, 'hi' = 32767, 'é😀' = 0)", List.of("lo", "hi", "é😀"), "hex(toString(v))", enumName),
                new Case("Nullable(Decimal(9, 2))", Arrays.asList(null, new BigDecimal("1.00")), "v",
                        v -> v == null ? NULL_TEXT : plainDecimal.apply(v)),
                new Case("Nullable(String)", Arrays.asList(null, new byte[0]), "hex(v)", v -> v == null ? NULL_TEXT : hexBytes.apply(v)),
                new Case("Nullable(Int64)", Arrays.asList(null, Long.MIN_VALUE), "toString(v)", v -> v == null ? NULL_TEXT : str.apply(v)),
                new Case("LowCardinality(String)", List.of(new byte[0], "abc".getBytes(StandardCharsets.UTF_8)),
                        "hex(CAST(v AS String))", hexBytes),
                new Case("LowCardinality(Nullable(String))", Arrays.asList(null, "x".getBytes(StandardCharsets.UTF_8)),
                        "hex(CAST(v AS Nullable(String)))", v -> v == null ? NULL_TEXT : hexBytes.apply(v)),
                new Case("Array(Nullable(Int64))", List.of(List.of(), Arrays.asList(null, 1L, Long.MIN_VALUE)), "v",
                        v -> "[" + ((List<?>) v).stream().map(x -> x == null ? "NULL" : x.toString()).collect(Collectors.joining(",")) + "]"),
                new Case("Array(Array(String))", List.of(List.of(), List.of(List.of()), List.of(List.of("a\0".getBytes(StandardCharsets.UTF_8)))),
                        "arrayMap(x -> arrayMap(y -> hex(y), x), v)",
                        v -> "[" + ((List<?>) v).stream().map(inner -> "[" + ((List<?>) inner).stream()
                                .map(b -> "'" + hexBytes.apply(b) + "'").collect(Collectors.joining(",")) + "]")
                                .collect(Collectors.joining(",")) + "]"),
                new Case("Tuple(UInt8, Nullable(String), Date)", List.of(Arrays.asList(255L, null, LocalDate.of(2000, 2, 29))),
                        "(tupleElement(v, 1), hex(tupleElement(v, 2)), toUInt16(tupleElement(v, 3)))",
                        v -> {
                            List<?> t = (List<?>) v;
                            return "(" + t.get(0) + "," + (t.get(1) == null ? "NULL" : "'" + hexBytes.apply(t.get(1)) + "'") + ","
                                    + ((LocalDate) t.get(2)).toEpochDay() + ")";
                        })
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types1816")
    void ourRowsInsertAndReadBackEqual(Case c) throws Exception {
        ClickHouseType type = ClickHouseType.parse(c.type());
        String table = "conf_" + TABLES.incrementAndGet();
        ch.query("CREATE TABLE " + table + " (id UInt32, v " + c.type() + ") ENGINE = Memory", java.util.Map.of(
                "allow_experimental_low_cardinality_type", "1"));

        List<Object> values = new ArrayList<>(c.edges());
        Random r = new Random(c.type().hashCode());
        for (int i = 0; i < 300; i++) {
            values.add(TestValues.random(type, r));
        }
        RowBinaryRowCodec rows = new RowBinaryRowCodec(List.of("id", "v"), List.of(ClickHouseType.parse("UInt32"), type));
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (RowBinaryOutput out = new RowBinaryOutput(bos)) {
            for (int i = 0; i < values.size(); i++) {
                rows.encodeRow(new Object[] {(long) i, values.get(i)}, out);
            }
        }
        byte[] sent = bos.toByteArray();
        post("INSERT INTO " + table + " FORMAT RowBinary", sent);
        assertEquals(String.valueOf(values.size()), ch.query("SELECT count() FROM " + table).trim());

        // byte level: the server's export is exactly what we encoded
        byte[] exported = post("SELECT id, v FROM " + table + " ORDER BY id FORMAT RowBinary", null);
        assertEquals(HexFormat.of().formatHex(sent), HexFormat.of().formatHex(exported), "RowBinary bytes of " + c.type());

        // value level, decoding the server's bytes
        RowBinaryInput in = new RowBinaryInput(new ByteArrayInputStream(exported));
        for (int i = 0; i < values.size(); i++) {
            Object[] row = rows.decodeRow(in);
            assertNotNull(row, "row " + i);
            assertEquals((long) i, row[0]);
            int idx = i;
            assertTrue(TestValues.deepEquals(values.get(i), row[1]), () -> c.type() + " row " + idx + ": sent "
                    + TestValues.show(values.get(idx)) + ", decoded " + TestValues.show(row[1]));
        }
        assertNull(rows.decodeRow(in));

        // value level, computed by the server from the stored values
        String[] lines = ch.query("SELECT id, " + c.probe() + " FROM " + table + " ORDER BY id FORMAT TSVRaw",
                java.util.Map.of("allow_experimental_low_cardinality_type", "1")).split("\n");
        assertEquals(values.size(), lines.length);
        for (int i = 0; i < values.size(); i++) {
            String[] f = lines[i].split("\t", 2);
            assertEquals(String.valueOf(i), f[0]);
            Object v = values.get(i);
            if (c.expected().apply(v).equals("float")) {
                assertFloatText(v, f[1], c.type() + " row " + i);
            } else {
                assertEquals(c.expected().apply(v), f[1], c.type() + " row " + i + ": " + TestValues.show(v));
            }
        }
        ch.query("DROP TABLE " + table);
    }

    /** Server float text (shortest round-trip form, nan/inf/-inf/-0) against the Java value. */
    private static void assertFloatText(Object v, String text, String where) {
        double server = switch (text) {
            case "nan", "-nan" -> Double.NaN;
            case "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
        if (v instanceof Float f) {
            assertEquals(0, Float.compare(f, (float) server), where + ": " + f + " vs server text " + text);
        } else {
            assertEquals(0, Double.compare((Double) v, server), where + ": " + v + " vs server text " + text);
        }
    }

    @Test
    void nestedColumnsInsertAsParallelArrays() throws Exception {
        ch.query("CREATE TABLE conf_nested (id UInt32, n Nested(a UInt8, b String)) ENGINE = Memory");
        String described = ch.query("DESCRIBE TABLE conf_nested FORMAT TSVRaw");
        assertTrue(described.contains("n.a\tArray(UInt8)") && described.contains("n.b\tArray(String)"), described);
        RowBinaryRowCodec rows = new RowBinaryRowCodec(List.of("id", "n.a", "n.b"), List.of(ClickHouseType.parse("UInt32"),
                ClickHouseType.parse("Array(UInt8)"), ClickHouseType.parse("Array(String)")));
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (RowBinaryOutput out = new RowBinaryOutput(bos)) {
            rows.encodeRow(new Object[] {0L, List.of(1L, 2L), List.of("x", "y")}, out);
            rows.encodeRow(new Object[] {1L, List.of(), List.of()}, out);
        }
        post("INSERT INTO conf_nested (id, n.a, n.b) FORMAT RowBinary", bos.toByteArray());
        assertEquals("0\t[1,2]\t['x','y']\n1\t[]\t[]\n", ch.query("SELECT id, n.a, n.b FROM conf_nested ORDER BY id FORMAT TSVRaw"));
        // the server enforces equal lengths: rows it refuses must not be half-inserted by us
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        try (RowBinaryOutput out = new RowBinaryOutput(bad)) {
            rows.encodeRow(new Object[] {2L, List.of(1L), List.of()}, out);
        }
        assertThrows(RuntimeException.class, () -> post("INSERT INTO conf_nested (id, n.a, n.b) FORMAT RowBinary", bad.toByteArray()));
        ch.query("DROP TABLE conf_nested");
    }

    /**
     * 18.16 treats a column declared Array(Tuple(...)) like Nested: it becomes parallel arrays v.1, v.2, so
     * a writer must follow the server's column list (DESCRIBE), not the declared type.
     */
    @Test
    void arrayOfTuplesColumnsAreFlattenedBy1816() {
        ch.query("CREATE TABLE conf_at (v Array(Tuple(UInt8, Decimal(9, 3)))) ENGINE = Memory");
        assertEquals("v.1\tArray(UInt8)\nv.2\tArray(Decimal(9, 3))\n",
                ch.query("SELECT name, type FROM system.columns WHERE table = 'conf_at' FORMAT TSVRaw"));
        ch.query("DROP TABLE conf_at");
    }

    @Test
    void serverProducedEdgeValuesDecode() throws Exception {
        List<String> exprs = List.of(
                "toInt8(-128)", "toUInt8(255)", "toInt16(-32768)", "toUInt16(65535)", "toInt32(-2147483648)",
                "toUInt32(4294967295)", "toInt64(-9223372036854775808)", "toUInt64('18446744073709551615')",
                "toFloat32(nan)", "toFloat32(-inf)", "toFloat64(-0.)", "toFloat64(inf)", "toFloat64(0.1)",
                "toDecimal32('-9999999.99', 2)", "toDecimal64('-123.4567', 4)", "toDecimal128('-1.5', 10)",
                "''", "'a\\0b'", "'😀'", "toFixedString('ab', 3)",
                "toUUID('61f0c404-5cb3-11e7-907b-a6006ad3dba0')", "toDate('2105-12-31')", "toDate('1970-01-01')",
                "toDateTime('2024-01-15 10:30:00', 'Asia/Shanghai')", "toDateTime(0, 'UTC')",
                "CAST(-128 AS Enum8('a\\'b' = -128, 'c' = 127))", "CAST('c' AS Enum16('a' = -32768, 'c' = 32767))",
                "[1, NULL]", "[[], ['x']]", "(1, 'a', NULL)", "NULL", "[]", "toNullable(toDecimal64('-1', 2))",
                "CAST('lc' AS LowCardinality(String))", "CAST(NULL AS LowCardinality(Nullable(String)))",
                "[(toUInt8(2), toDecimal32('-1.5', 3)), (toUInt8(3), toDecimal32(0, 3))]");
        List<Object> expected = Arrays.asList(
                -128L, 255L, -32768L, 65535L, (long) Integer.MIN_VALUE, 4294967295L, Long.MIN_VALUE,
                new BigInteger("18446744073709551615"), Float.NaN, Float.NEGATIVE_INFINITY, -0.0d, Double.POSITIVE_INFINITY, 0.1d,
                new BigDecimal("-9999999.99"), new BigDecimal("-123.4567"), new BigDecimal("-1.5000000000"),
                new byte[0], new byte[] {'a', 0, 'b'}, "😀".getBytes(StandardCharsets.UTF_8), new byte[] {'a', 'b', 0},
                UUID.fromString("61f0c404-5cb3-11e7-907b-a6006ad3dba0"), LocalDate.of(2105, 12, 31), LocalDate.of(1970, 1, 1),
                Instant.parse("2024-01-15T02:30:00Z"), Instant.EPOCH, "a'b", "c",
                Arrays.asList(1L, null), List.of(List.of(), List.of("x".getBytes(StandardCharsets.UTF_8))),
                Arrays.asList(1L, "a".getBytes(StandardCharsets.UTF_8), null), null, List.of(), new BigDecimal("-1.00"),
                "lc".getBytes(StandardCharsets.UTF_8), null,
                List.of(List.of(2L, new BigDecimal("-1.500")), List.of(3L, new BigDecimal("0.000"))));
        String select = String.join(", ", exprs);
        List<ClickHouseType> types = new ArrayList<>();
        for (String t : ch.query("SELECT " + exprs.stream().map(e -> "toTypeName(" + e + ")").collect(Collectors.joining(", "))
                + " FORMAT TSVRaw", java.util.Map.of("allow_experimental_low_cardinality_type", "1")).trim().split("\t")) {
            types.add(ClickHouseType.parse(t));
        }
        assertEquals(exprs.size(), types.size());
        assertEquals("Tuple(UInt8, String, Nullable(Nothing))", types.get(29).toString());
        byte[] bytes = post("SELECT " + select + " FORMAT RowBinary", null);
        RowBinaryRowCodec rows = new RowBinaryRowCodec(exprs, types);
        RowBinaryInput in = new RowBinaryInput(new ByteArrayInputStream(bytes));
        Object[] row = rows.decodeRow(in);
        assertFalse(in.hasMore(), "one row exactly");
        for (int i = 0; i < exprs.size(); i++) {
            int idx = i;
            assertTrue(TestValues.deepEquals(expected.get(i), row[i]), () -> exprs.get(idx) + " (" + types.get(idx) + "): expected "
                    + TestValues.show(expected.get(idx)) + ", decoded " + TestValues.show(row[idx]));
        }
    }

    @Test
    void serverTypeSpellingsParseAndPrintBackUnchanged() {
        ch.query("CREATE TABLE conf_types (a Int8, b UInt64, c Float32, d Decimal32(3), e Decimal(20, 4), f Decimal128(10),"
                + " g String, h FixedString(16), i UUID, j Date, k DateTime, l DateTime('Europe/Moscow'),"
                + " m Enum8('x\\'y' = -3, 'b\\\\c' = 2, 'n\\nl' = 1, 'co,m(p) a' = 5, 't\\tz\\0' = 6), n Enum16('a' = 1000),"
                + " o Nullable(String), p LowCardinality(String), q LowCardinality(Nullable(String)), r Array(Array(Nullable(Int64))),"
                + " s Tuple(UInt8, Nullable(String)), t Nested(x UInt8, y String), u Nullable(Decimal(9, 2)),"
                + " w Array(Tuple(Enum8('f\\'()' = 0), Array(Tuple(UInt32, Nullable(String))))))"
                + " ENGINE = Memory", java.util.Map.of("allow_experimental_low_cardinality_type", "1"));
        String columns = ch.query("SELECT name, type FROM system.columns WHERE table = 'conf_types' FORMAT TSVRaw");
        int n = 0;
        for (String line : columns.split("\n")) {
            String[] f = line.split("\t");
            String type = f[1];
            assertEquals(type, ClickHouseType.parse(type).toString(), "column " + f[0]);
            n++;
        }
        assertEquals(24, n, columns); // t and w come back as two arrays each (Nested / flattened Array(Tuple))
        assertTrue(columns.contains("d\tDecimal(9, 3)") && columns.contains("f\tDecimal(38, 10)"), columns);
        ch.query("DROP TABLE conf_types");
    }

    private static byte[] post(String query, byte[] body) throws IOException, InterruptedException {
        String url = ch.httpUrl() + "/?" + SETTINGS;
        HttpRequest.Builder req;
        if (body == null) {
            req = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(query, StandardCharsets.UTF_8));
        } else {
            req = HttpRequest.newBuilder(URI.create(url + "&query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<byte[]> resp = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (resp.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + resp.statusCode() + ": " + new String(resp.body(), StandardCharsets.UTF_8)
                    + "\nquery: " + query);
        }
        return resp.body();
    }
}
