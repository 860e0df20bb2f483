package io.chpack.common.conformance;

import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;
import io.chpack.common.rowbinary.RowBinaryInput;
import io.chpack.common.rowbinary.RowBinaryOutput;
import io.chpack.common.rowbinary.RowBinaryRowCodec;
import io.chpack.common.rowbinary.TestValues;
import io.chpack.testkit.ChDb;
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
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Our RowBinary against the ClickHouse 26.x engine (chDB through {@link ChDb}, one node process for the
 * class), for the modern types 18.16 does not have and, for good measure, every other type again. Per type,
 * with explicit edge values plus seeded random ones ({@code -Dchpack.conformance.seed}, default 2607):
 * <ol>
 * <li><b>Java → engine, value level:</b> our encoder writes {@code id UInt32, v T} rows to a file; the engine
 * reads it with {@code file(path, 'RowBinary', structure)} and prints a canonical text probe of each value
 * (built from the type: hex for bytes, bit patterns for floats, ticks plus zone-local text for date-times,
 * recursively through Nullable/Array/Map/Tuple), compared with the same probe computed in Java.</li>
 * <li><b>Byte level:</b> the engine's {@code FORMAT RowBinary} re-export of that file equals our bytes.</li>
 * <li><b>Engine → Java:</b> the engine parses the same values from independent text (a {@code Values} file
 * Java renders: quoted strings with {@code \xHH}, floats as shortest decimal, date-times as UTC ISO text,
 * big integers as digits) and writes them with {@code INTO OUTFILE … FORMAT RowBinary}; we decode that file
 * to the Java values, and its bytes equal our encoding too.</li>
 * </ol>
 * Separately: engine-computed edge expressions decode to the expected values (their types come from
 * {@code toTypeName} and go through our parser), the engine's type spellings round-trip through our parser,
 * Nested both flattened (parallel arrays) and not, and FixedString's NUL padding.
 */
class ClickHouse26ConformanceTest {
    private static final long SEED = Long.getLong("chpack.conformance.seed", 2607L);
    private static final int RANDOM_ROWS = 400;
    private static final AtomicInteger CASES = new AtomicInteger();
    /** Settings for reading Java-rendered text: UTC ISO date-times, correctly rounded floats. */
    private static final String TEXT_INPUT = " SETTINGS date_time_input_format = 'best_effort', precise_float_parsing = 1";
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static ChDb chdb;

    @BeforeAll
    static void start() {
        chdb = ChDb.start();
        assertTrue(chdb.version().startsWith("26."), chdb.version());
    }

    @AfterAll
    static void stop() {
        if (chdb != null) {
            chdb.close();
        }
    }

    // ------------------------------------------------------------------------------------------------ cases

    /** A column type, its explicit edge values, and settings its queries need. */
    record Case(String type, List<Object> edges, String settings) {
        @Override
        public String toString() {
            return type;
        }
    }

    private static final String ENUM8 = "Enum8('x\\'y' = -128, 'n\\nl' = 1, 'b\\\\c' = 2, 'co,m(p) a' = 5, 't\\tz\\0' = 127, '😀=é' = 0)";
    private static final String ENUM16 = "Enum16('lo' = -32768, 'hi' = 32767, 'é😀' = 0, '' = 7)";

    static Stream<Case> types26() {
        List<Case> scalars = new ArrayList<>(List.of(
                new Case("Int8", List.of(-128L, 127L, 0L, -1L), ""),
                new Case("Int16", List.of(-32768L, 32767L), ""),
                new Case("Int32", List.of((long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE), ""),
                new Case("Int64", List.of(Long.MIN_VALUE, Long.MAX_VALUE, -1L), ""),
                new Case("UInt8", List.of(0L, 255L), ""),
                new Case("UInt16", List.of(0L, 65535L), ""),
                new Case("UInt32", List.of(0L, 4294967295L), ""),
                new Case("UInt64", List.of(BigInteger.ZERO, max(64, false), BigInteger.ONE.shiftLeft(63)), ""),
                new Case("Int128", List.of(min(128), max(128, true), BigInteger.ZERO, BigInteger.ONE.negate(),
                        BigInteger.ONE.shiftLeft(64), BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE)), ""),
                new Case("UInt128", List.of(BigInteger.ZERO, max(128, false), max(64, false).add(BigInteger.ONE)), ""),
                new Case("Int256", List.of(min(256), max(256, true), BigInteger.ZERO, BigInteger.ONE.negate(),
                        min(128).subtract(BigInteger.ONE)), ""),
                new Case("UInt256", List.of(BigInteger.ZERO, max(256, false), max(128, false).add(BigInteger.ONE)), ""),
                new Case("Float32", List.of(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, 0f,
                        Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, Float.MIN_NORMAL, 0.1f), ""),
                new Case("Float64", List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0d, 0d,
                        Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, Double.MIN_NORMAL, 0.1d, 1e23), ""),
                new Case("BFloat16", List.of(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, 0f, 1.5f,
                        Float.intBitsToFloat(0x7F7F << 16), Float.intBitsToFloat(0x0001 << 16), Float.intBitsToFloat(0x8080 << 16)), ""),
                new Case("Decimal(9, 2)", decimalEdges(9, 2), ""),
                new Case("Decimal(18, 18)", decimalEdges(18, 18), ""),
                new Case("Decimal(38, 10)", decimalEdges(38, 10), ""),
                new Case("Decimal256(40)", decimalEdges(76, 40), ""),
                new Case("Decimal(76, 30)", decimalEdges(76, 30), ""),
                new Case("Decimal(76, 0)", decimalEdges(76, 0), ""),
                new Case("Bool", List.of(true, false), ""),
                new Case("String", List.of(new byte[0], new byte[] {0}, new byte[] {'a', 0, 'b'}, utf8("😀𝄞\uDBFF\uDFFF"),
                        utf8("é\t\n\\'\"\r"), new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0x80}, utf8("x".repeat(1000))), ""),
                new Case("FixedString(5)", List.of(new byte[5], utf8("ab\0\0\0"), utf8("😀\0"), new byte[] {-1, -1, -1, -1, -1},
                        utf8("\0\0\0\0a")), ""),
                new Case("UUID", List.of(UUID.fromString("61f0c404-5cb3-11e7-907b-a6006ad3dba0"), new UUID(0, 0),
                        new UUID(-1, -1), new UUID(Long.MIN_VALUE, 1)), ""),
                new Case("Date", List.of(LocalDate.of(1970, 1, 1), LocalDate.of(2149, 6, 6), LocalDate.of(2000, 2, 29)), ""),
                new Case("Date32", List.of(LocalDate.of(1900, 1, 1), LocalDate.of(2299, 12, 31), LocalDate.of(1969, 12, 31),
                        LocalDate.of(1970, 1, 1)), ""),
                new Case("DateTime", List.of(Instant.EPOCH, Instant.ofEpochSecond(4294967295L)), ""),
                new Case("DateTime('Asia/Shanghai')", List.of(Instant.EPOCH, Instant.ofEpochSecond(4294967295L),
                        Instant.parse("1991-09-14T16:00:00Z")), ""),
                new Case(ENUM8, List.of("x'y", "n\nl", "b\\c", "co,m(p) a", "t\tz\0", "😀=é"), ""),
                new Case(ENUM16, List.of("lo", "hi", "é😀", ""), ""),
                new Case("IPv4", List.of(ip("0.0.0.0"), ip("255.255.255.255"), ip("1.2.3.4")), ""),
                new Case("IPv6", List.of(ip6("::"), ip6("::1"), ip6("::ffff:1.2.3.4"), ip6("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
                        ip6("2001:db8::8a2e:370:7334")), "")));
        for (int p : new int[] {3, 6, 9}) {
            for (String zone : new String[] {null, "UTC", "Asia/Shanghai", "America/New_York"}) {
                String type = "DateTime64(" + p + (zone == null ? "" : ", '" + zone + "'") + ")";
                scalars.add(new Case(type, dateTime64Edges(p, zone), ""));
            }
        }
        List<Case> all = new ArrayList<>();
        for (Case c : scalars) {
            all.add(c);
            List<Object> nullableEdges = new ArrayList<>();
            nullableEdges.add(null);
            nullableEdges.addAll(c.edges());
            all.add(new Case("Nullable(" + c.type() + ")", nullableEdges, ""));
        }
        all.addAll(List.of(
                new Case("LowCardinality(String)", List.of(new byte[0], utf8("abc"), new byte[] {0, 0}), ""),
                new Case("LowCardinality(Nullable(String))", Arrays.asList(null, new byte[0], utf8("x")), ""),
                new Case("LowCardinality(FixedString(3))", List.of(new byte[3]), ""),
                new Case("Map(String, UInt64)", List.of(Map.of(), map(utf8(""), BigInteger.ZERO, utf8("k\0"), max(64, false))), ""),
                new Case("Map(String, Array(Nullable(Int32)))", List.of(Map.of(), map(utf8("a"), List.of(),
                        utf8("b"), Arrays.asList(null, (long) Integer.MIN_VALUE, null))), ""),
                new Case("Map(UUID, Map(Int128, Nullable(DateTime64(6, 'America/New_York'))))", List.of(Map.of()), ""),
                new Case("Tuple(a Int8, b String)", List.of(List.of(-128L, new byte[0]), List.of(127L, utf8("😀")))
                        , ""),
                new Case("Tuple(UInt256, Nullable(Decimal(76, 30)), Array(Bool), IPv6)", List.of(), ""),
                new Case("Nested(a Int8, b String)", List.of(List.of(), List.of(List.of(1L, utf8("x")), List.of(-1L, new byte[0]))),
                        " SETTINGS flatten_nested = 0"),
                new Case("Array(Tuple(Int32, LowCardinality(String)))", List.of(List.of()), ""),
                new Case("Array(Array(Nullable(String)))", List.of(List.of(), List.of(List.of()), List.of(Arrays.asList(null, new byte[0],
                        new byte[] {0}), List.of())), ""),
                new Case("Array(Nullable(BFloat16))", List.of(Arrays.asList(null, Float.NaN, -0f)), ""),
                new Case("Array(Date32)", List.of(List.of(LocalDate.of(1900, 1, 1), LocalDate.of(2299, 12, 31))), ""),
                new Case("Array(Map(String, Nullable(IPv4)))", List.of(List.of(Map.of())), "")));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types26")
    void roundTripsThroughTheEngine(Case c) throws Exception {
        ClickHouseType type = ClickHouseType.parse(c.type());
        int n = CASES.incrementAndGet();
        long seed = SEED * 31 + c.type().hashCode();
        List<Object> values = new ArrayList<>(c.edges());
        Random r = new Random(seed);
        for (int i = 0; i < RANDOM_ROWS; i++) {
            values.add(TestValues.random(type, r));
        }
        values.replaceAll(v -> intoZoneRange(type, canonicalNaN(v)));
        String where = c.type() + " (seed " + SEED + ")";

        RowBinaryRowCodec rows = new RowBinaryRowCodec(List.of("id", "v"), List.of(ClickHouseType.parse("UInt32"), type));
        byte[] ours = encode(rows, values);
        Path file = chdb.newFile("case" + n + ".rowbinary");
        Files.write(file, ours);
        String structure = ChDb.literal("id UInt32, v " + c.type());
        String src = "file(" + ChDb.literal(file.toString()) + ", 'RowBinary', " + structure + ")";

        // 1. Java -> engine, value level: the engine's probe of what it read from our bytes
        String[] lines = chdb.query("SELECT id, " + probe(type, "v", 0) + " FROM " + src + " ORDER BY id FORMAT TSVRaw"
                + c.settings()).split("\n");
        assertEquals(values.size(), lines.length, where + ": rows the engine read");
        for (int i = 0; i < values.size(); i++) {
            String[] f = lines[i].split("\t", 2);
            assertEquals(String.valueOf(i), f[0], where);
            assertEquals(expected(type, values.get(i)), f[1], where + " row " + i + ": " + TestValues.show(values.get(i)));
        }

        // 2. byte level: the engine's RowBinary re-export of our file is our bytes
        byte[] reexport = chdb.queryBinary("SELECT id, v FROM " + src + " ORDER BY id FORMAT RowBinary" + c.settings());
        assertHexEquals(ours, reexport, where + ": engine re-export of our file");

        // 3. engine -> Java: the engine parses independent text of the same values and writes RowBinary
        Path text = chdb.newFile("case" + n + ".values");
        try (var out = Files.newOutputStream(text)) {
            for (int i = 0; i < values.size(); i++) {
                out.write(("(" + i + ", ").getBytes(StandardCharsets.UTF_8));
                literal(type, values.get(i), out);
                out.write(")\n".getBytes(StandardCharsets.UTF_8));
            }
        }
        Path written = chdb.newFile("case" + n + ".engine.rowbinary");
        String settings = c.settings().isEmpty() ? TEXT_INPUT : TEXT_INPUT + "," + c.settings().replace(" SETTINGS ", " ");
        chdb.query("SELECT id, v FROM file(" + ChDb.literal(text.toString()) + ", 'Values', " + structure + ") ORDER BY id"
                + " INTO OUTFILE " + ChDb.literal(written.toString()) + " FORMAT RowBinary" + settings);
        byte[] engine = Files.readAllBytes(written);
        RowBinaryInput in = new RowBinaryInput(new ByteArrayInputStream(engine));
        for (int i = 0; i < values.size(); i++) {
            Object[] row = rows.decodeRow(in);
            assertNotNull(row, where + " row " + i);
            assertEquals((long) i, row[0]);
            int idx = i;
            assertTrue(TestValues.deepEquals(values.get(i), row[1]), () -> where + " row " + idx + ": expected "
                    + TestValues.show(values.get(idx)) + ", decoded from the engine " + TestValues.show(row[1]));
        }
        assertNull(rows.decodeRow(in), where + ": trailing engine bytes");
        assertHexEquals(ours, engine, where + ": engine RowBinary of the text-parsed values");
    }

    // ------------------------------------------------------------------------------- engine-computed values

    @Test
    void engineComputedEdgeValuesDecode() throws Exception {
        Map<String, Object> cases = new LinkedHashMap<>();
        cases.put("toInt128('-170141183460469231731687303715884105728')", min(128));
        cases.put("toUInt128('340282366920938463463374607431768211455')", max(128, false));
        cases.put("toInt256('-57896044618658097711785492504343953926634992332820282019728792003956564819968')", min(256));
        cases.put("toUInt256('115792089237316195423570985008687907853269984665640564039457584007913129639935')", max(256, false));
        cases.put("toDecimal256('-1.5', 40)", new BigDecimal("-1.5").setScale(40));
        cases.put("CAST('9999999999999999999999999999999999999999999999.999999999999999999999999999999' AS Decimal(76, 30))",
                new BigDecimal("9999999999999999999999999999999999999999999999.999999999999999999999999999999"));
        cases.put("toBool('true')", true);
        cases.put("toBFloat16(1.5)", 1.5f);
        cases.put("toBFloat16(-inf)", Float.NEGATIVE_INFINITY);
        cases.put("toDate32('1900-01-01')", LocalDate.of(1900, 1, 1));
        cases.put("toDate32('2299-12-31')", LocalDate.of(2299, 12, 31));
        cases.put("toDateTime64('1900-01-01 00:00:00', 3, 'UTC')", Instant.parse("1900-01-01T00:00:00Z"));
        cases.put("toDateTime64('2299-12-31 23:59:59.999999', 6, 'UTC')", Instant.parse("2299-12-31T23:59:59.999999Z"));
        cases.put("toDateTime64('2262-04-11 23:47:16.854775807', 9, 'UTC')", Instant.parse("2262-04-11T23:47:16.854775807Z"));
        cases.put("toDateTime64('2024-01-15 10:30:00.123456789', 9, 'Asia/Shanghai')", Instant.parse("2024-01-15T02:30:00.123456789Z"));
        cases.put("toDateTime64('2024-03-10 03:00:00.5', 3, 'America/New_York')", Instant.parse("2024-03-10T07:00:00.500Z"));
        cases.put("toDateTime64('1900-01-01 00:00:00', 3, 'Asia/Shanghai')", Instant.parse("1899-12-31T15:54:17Z"));
        cases.put("toIPv4('255.255.255.255')", ip("255.255.255.255"));
        cases.put("toIPv6('::ffff:1.2.3.4')", ip6("::ffff:1.2.3.4"));
        cases.put("toIPv6('2001:db8::1')", ip6("2001:db8::1"));
        cases.put("toUUID('61f0c404-5cb3-11e7-907b-a6006ad3dba0')", UUID.fromString("61f0c404-5cb3-11e7-907b-a6006ad3dba0"));
        cases.put("CAST('a\\0' AS LowCardinality(String))", new byte[] {'a', 0});
        cases.put("CAST(NULL AS LowCardinality(Nullable(String)))", null);
        cases.put("map('a', toUInt64(1), 'b', toUInt64(18446744073709551615))", map(utf8("a"), BigInteger.ONE, utf8("b"), max(64, false)));
        cases.put("CAST(map('k', [1, NULL]) AS Map(String, Array(Nullable(Int32))))", map(utf8("k"), Arrays.asList(1L, null)));
        cases.put("CAST(map() AS Map(String, UInt64))", Map.of());
        cases.put("CAST((1, 'x') AS Tuple(a Int8, b String))", List.of(1L, utf8("x")));
        cases.put("[[NULL, ''], []]", List.of(Arrays.asList(null, new byte[0]), List.of()));
        cases.put("toFixedString('ab', 5)", utf8("ab\0\0\0"));
        cases.put("CAST('x\\'y' AS " + ENUM8 + ")", "x'y");
        cases.put("CAST([(1, 'x')] AS Nested(a Int8, b String))", List.of(List.of(1L, utf8("x"))));
        cases.put("CAST(NULL AS Nullable(Decimal(76, 30)))", null);

        List<String> exprs = new ArrayList<>(cases.keySet());
        List<Object> expected = new ArrayList<>(cases.values());
        String typeNames = chdb.query("SELECT " + exprs.stream().map(e -> "toTypeName(" + e + ")").collect(Collectors.joining(", "))
                + " FORMAT TSVRaw SETTINGS flatten_nested = 0");
        List<ClickHouseType> types = new ArrayList<>();
        for (String t : typeNames.trim().split("\t")) {
            ClickHouseType parsed = ClickHouseType.parse(t);
            // 26.x toTypeName prints named tuples over several lines ("Tuple(\n    a Int8,\n    b String)")
            assertEquals(t.replaceAll("\\(\\s+", "(").replaceAll(",\\s+", ", "), parsed.toString(),
                    "the engine's type spelling prints back unchanged up to white space");
            types.add(parsed);
        }
        assertEquals(exprs.size(), types.size(), typeNames);
        byte[] bytes = chdb.queryBinary("SELECT " + String.join(", ", exprs) + " FORMAT RowBinary SETTINGS flatten_nested = 0");
        RowBinaryRowCodec rows = new RowBinaryRowCodec(exprs, types);
        RowBinaryInput in = new RowBinaryInput(new ByteArrayInputStream(bytes));
        Object[] row = rows.decodeRow(in);
        assertFalse(in.hasMore(), "one row exactly");
        for (int i = 0; i < exprs.size(); i++) {
            int idx = i;
            assertTrue(TestValues.deepEquals(expected.get(i), row[i]), () -> exprs.get(idx) + " (" + types.get(idx) + "): expected "
                    + TestValues.show(expected.get(idx)) + ", decoded " + TestValues.show(row[idx]));
        }
        // and our encoding of the expected values is the engine's bytes
        assertHexEquals(bytes, encode(rows, expected, true), "engine-computed row");
    }

    @Test
    void engineTypeSpellingsParseAndPrintBackUnchanged() {
        chdb.query("CREATE TABLE conf26_types (a Int128, b UInt256, c BFloat16, d Decimal256(40), e Decimal(76, 30), f Bool,"
                + " g Date32, h DateTime64(9, 'Asia/Shanghai'), i DateTime64(3), j IPv4, k IPv6, l LowCardinality(Nullable(String)),"
                + " m Map(String, Array(Nullable(Int32))), n Tuple(a Int8, b String), o Nested(x UInt8, y String),"
                + " p " + ENUM8 + ", q " + ENUM16 + ", r Array(Array(Nullable(String))), s FixedString(5),"
                + " t SimpleAggregateFunction(max, UInt64), u Decimal32(3), w Map(LowCardinality(String), Tuple(UUID, Nullable(Float64))),"
                + " x DateTime('America/New_York')) ENGINE = Memory");
        String columns = chdb.query("SELECT name, type FROM system.columns WHERE table = 'conf26_types' FORMAT TSVRaw");
        int n = 0;
        for (String line : columns.split("\n")) {
            String[] f = line.split("\t");
            ClickHouseType parsed = ClickHouseType.parse(f[1]);
            String printed = parsed.toString();
            // SimpleAggregateFunction(f, T) is T on the wire: the parser gives T
            String engine = f[1].startsWith("SimpleAggregateFunction") ? "UInt64" : f[1];
            assertEquals(engine, printed, "column " + f[0]);
            n++;
        }
        assertEquals(24, n, columns); // o is flattened into o.x, o.y
        assertTrue(columns.contains("o.x\tArray(UInt8)") && columns.contains("d\tDecimal(76, 40)")
                && columns.contains("u\tDecimal(9, 3)"), columns);
        chdb.query("DROP TABLE conf26_types");
    }

    /** With the default flatten_nested = 1 the engine's file() structure turns Nested into parallel arrays. */
    @Test
    void nestedIsFlattenedIntoParallelArraysByDefault() throws Exception {
        ClickHouseType nested = ClickHouseType.parse("Nested(a Int8, b String)");
        Map<String, ClickHouseType> flat = nested.flattenedNestedColumns("n");
        assertEquals(List.of("n.a", "n.b"), List.copyOf(flat.keySet()));
        List<String> names = new ArrayList<>(List.of("id"));
        names.addAll(flat.keySet());
        List<ClickHouseType> types = new ArrayList<>(List.of(ClickHouseType.parse("UInt32")));
        types.addAll(flat.values());
        RowBinaryRowCodec rows = new RowBinaryRowCodec(names, types);
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (RowBinaryOutput out = new RowBinaryOutput(bos)) {
            rows.encodeRow(new Object[] {0L, List.of(1L, -128L), List.of("x", "")}, out);
            rows.encodeRow(new Object[] {1L, List.of(), List.of()}, out);
        }
        Path file = chdb.newFile("nested-flat.rowbinary");
        Files.write(file, bos.toByteArray());
        String src = "file(" + ChDb.literal(file.toString()) + ", 'RowBinary', 'id UInt32, n Nested(a Int8, b String)')";
        String described = chdb.query("DESCRIBE " + src + " FORMAT TSVRaw").lines()
                .map(l -> l.split("\t")[0] + " " + l.split("\t")[1]).collect(Collectors.joining(", "));
        assertEquals("id UInt32, n.a Array(Int8), n.b Array(String)", described);
        assertEquals("0\t[1,-128]\t['x','']\n1\t[]\t[]\n", chdb.query("SELECT id, n.a, n.b FROM " + src + " ORDER BY id FORMAT TSVRaw"));
        assertEquals("0\t[(1,'x'),(-128,'')]\n", chdb.query("SELECT id, arrayZip(n.a, n.b) FROM " + src + " WHERE id = 0 FORMAT TSVRaw"));
        assertHexEquals(bos.toByteArray(), chdb.queryBinary("SELECT * FROM " + src + " ORDER BY id FORMAT RowBinary"), "flattened Nested");
    }

    /** FixedString: shorter text is NUL-padded by us exactly as the engine pads it; NULs inside are kept. */
    @Test
    void fixedStringPadsWithNuls() throws Exception {
        ClickHouseType t = ClickHouseType.parse("FixedString(6)");
        RowBinaryRowCodec rows = new RowBinaryRowCodec(List.of(t));
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (RowBinaryOutput out = new RowBinaryOutput(bos)) {
            rows.encodeRow(new Object[] {"ab"}, out);
            rows.encodeRow(new Object[] {""}, out);
            rows.encodeRow(new Object[] {"é😀"}, out);
        }
        byte[] engine = chdb.queryBinary("SELECT toFixedString(s, 6) FROM (SELECT arrayJoin(['ab', '', 'é😀']) AS s) FORMAT RowBinary");
        assertHexEquals(engine, bos.toByteArray(), "FixedString(6) padding");
        Path file = chdb.newFile("fixed.rowbinary");
        Files.write(file, bos.toByteArray());
        assertEquals("616200000000\t6\n000000000000\t6\nC3A9F09F9880\t6\n", chdb.query("SELECT hex(v), length(v) FROM file("
                + ChDb.literal(file.toString()) + ", 'RowBinary', 'v FixedString(6)') FORMAT TSVRaw"));
    }

    // ----------------------------------------------------------------------------- probe: engine and Java

    /** SQL computing the canonical text of {@code x} of type {@code t}; lambdas get depth-numbered names. */
    static String probe(ClickHouseType t, String x, int depth) {
        switch (t.kind()) {
            case INT8: case INT16: case INT32: case INT64: case UINT8: case UINT16: case UINT32: case UINT64:
            case INT128: case INT256: case UINT128: case UINT256: case DECIMAL: case BOOL: case UUID: case DATE: case DATE32:
            case IPV4:
                return "toString(" + x + ")";
            case FLOAT32:
                return "if(isNaN(" + x + "), 'nan', toString(reinterpretAsUInt32(" + x + ")))";
            case FLOAT64:
                return "if(isNaN(" + x + "), 'nan', toString(reinterpretAsUInt64(" + x + ")))";
            case BFLOAT16:
                return "if(isNaN(" + x + "), 'nan', toString(reinterpretAsUInt32(toFloat32(" + x + "))))";
            case STRING: case FIXED_STRING: case IPV6:
                return "hex(" + x + ")";
            case ENUM8: case ENUM16:
                return "hex(toString(" + x + "))";
            case DATETIME:
                return "concat(toString(toUnixTimestamp(" + x + ")), ' ', toString(" + x + "))";
            case DATETIME64: {
                String unit = switch (t.dateTime64Precision()) {
                    case 3 -> "Milli";
                    case 6 -> "Micro";
                    case 9 -> "Nano";
                    default -> throw new IllegalArgumentException("probe for " + t);
                };
                return "concat(toString(toUnixTimestamp64" + unit + "(" + x + ")), ' ', toString(" + x + "))";
            }
            case NULLABLE:
                return "if(isNull(" + x + "), 'NULL', " + probe(t.wrappedType(), "assumeNotNull(" + x + ")", depth) + ")";
            case LOW_CARDINALITY:
                return probe(t.wrappedType(), "CAST(" + x + " AS " + t.wrappedType() + ")", depth);
            case ARRAY: case NESTED: {
                String e = "e" + depth;
                return "concat('[', arrayStringConcat(arrayMap(" + e + " -> " + probe(t.elementType(), e, depth + 1) + ", " + x
                        + "), ','), ']')";
            }
            case MAP: {
                String k = "k" + depth;
                String v = "v" + depth;
                return "concat('{', arrayStringConcat(arrayMap((" + k + ", " + v + ") -> concat(" + probe(t.mapKeyType(), k, depth + 1)
                        + ", ':', " + probe(t.mapValueType(), v, depth + 1) + "), mapKeys(" + x + "), mapValues(" + x + ")), ','), '}')";
            }
            case TUPLE: {
                List<String> parts = new ArrayList<>();
                List<ClickHouseType> el = t.tupleElementTypes();
                for (int i = 0; i < el.size(); i++) {
                    parts.add(probe(el.get(i), "tupleElement(" + x + ", " + (i + 1) + ")", depth));
                }
                return "concat('(', " + String.join(", ',', ", parts) + ", ')')";
            }
            default:
                throw new IllegalArgumentException("no probe for " + t);
        }
    }

    /** The canonical text {@link #probe} should produce for the Java value. */
    static String expected(ClickHouseType t, Object v) {
        switch (t.kind()) {
            case INT8: case INT16: case INT32: case INT64: case UINT8: case UINT16: case UINT32: case UINT64:
            case INT128: case INT256: case UINT128: case UINT256: case UUID: case DATE: case DATE32:
                return v.toString();
            case DECIMAL: {
                BigDecimal d = (BigDecimal) v;
                return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString(); // the engine drops trailing zeros
            }
            case BOOL:
                return (Boolean) v ? "true" : "false";
            case FLOAT32: case BFLOAT16: {
                float f = (Float) v;
                return Float.isNaN(f) ? "nan" : Integer.toUnsignedString(Float.floatToRawIntBits(f));
            }
            case FLOAT64: {
                double d = (Double) v;
                return Double.isNaN(d) ? "nan" : Long.toUnsignedString(Double.doubleToRawLongBits(d));
            }
            case STRING: case FIXED_STRING:
                return HEX.formatHex((byte[]) v);
            case IPV6:
                return HEX.formatHex(((InetAddress) v).getAddress());
            case IPV4:
                return ((InetAddress) v).getHostAddress();
            case ENUM8: case ENUM16:
                return HEX.formatHex(((String) v).getBytes(StandardCharsets.UTF_8));
            case DATETIME: {
                Instant i = (Instant) v;
                return i.getEpochSecond() + " " + local(i, t.timeZone(), 0);
            }
            case DATETIME64: {
                Instant i = (Instant) v;
                int p = t.dateTime64Precision();
                BigInteger ticks = BigInteger.valueOf(i.getEpochSecond()).multiply(BigInteger.TEN.pow(p))
                        .add(BigInteger.valueOf(i.getNano() / BigInteger.TEN.pow(9 - p).longValue()));
                return ticks + " " + local(i, t.timeZone(), p);
            }
            case NULLABLE:
                return v == null ? "NULL" : expected(t.wrappedType(), v);
            case LOW_CARDINALITY:
                return expected(t.wrappedType(), v);
            case ARRAY: case NESTED:
                return "[" + ((List<?>) v).stream().map(e -> expected(t.elementType(), e)).collect(Collectors.joining(",")) + "]";
            case MAP:
                return "{" + ((Map<?, ?>) v).entrySet().stream().map(e -> expected(t.mapKeyType(), e.getKey()) + ":"
                        + expected(t.mapValueType(), e.getValue())).collect(Collectors.joining(",")) + "}";
            case TUPLE: {
                List<?> l = (List<?>) v;
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < l.size(); i++) {
                    parts.add(expected(t.tupleElementTypes().get(i), l.get(i)));
                }
                return "(" + String.join(",", parts) + ")";
            }
            default:
                throw new IllegalArgumentException("no expectation for " + t);
        }
    }

    /** How the engine prints a date-time in its zone (the column's, else the session's UTC). */
    private static String local(Instant i, String zone, int precision) {
        LocalDateTime l = LocalDateTime.ofInstant(i, zone == null ? ZoneOffset.UTC : ZoneId.of(zone));
        String s = String.format("%04d-%02d-%02d %02d:%02d:%02d", l.getYear(), l.getMonthValue(), l.getDayOfMonth(),
                l.getHour(), l.getMinute(), l.getSecond());
        if (precision > 0) {
            s += "." + String.format("%09d", l.getNano()).substring(0, precision);
        }
        return s;
    }

    // --------------------------------------------------------------- Values text: independent of our codec

    /** Writes the value as ClickHouse Values-format text (parsed by the engine's own text readers). */
    static void literal(ClickHouseType t, Object v, java.io.OutputStream out) throws IOException {
        if (v == null) {
            ascii(out, "NULL");
            return;
        }
        switch (t.kind()) {
            case INT8: case INT16: case INT32: case INT64: case UINT8: case UINT16: case UINT32: case UINT64:
            case INT128: case INT256: case UINT128: case UINT256:
                ascii(out, v.toString());
                return;
            case DECIMAL:
                ascii(out, ((BigDecimal) v).toPlainString());
                return;
            case BOOL:
                ascii(out, v.toString());
                return;
            case FLOAT32: case BFLOAT16: case FLOAT64: {
                double d = ((Number) v).doubleValue();
                // shortest text that parses back to the same float (Float.toString for Float32/BFloat16)
                ascii(out, Double.isNaN(d) ? "nan" : Double.isInfinite(d) ? (d > 0 ? "inf" : "-inf")
                        : v instanceof Float ? Float.toString((Float) v) : Double.toString(d));
                return;
            }
            case STRING: case FIXED_STRING:
                quoted(out, (byte[]) v);
                return;
            case ENUM8: case ENUM16:
                quoted(out, ((String) v).getBytes(StandardCharsets.UTF_8));
                return;
            case UUID: case DATE: case DATE32:
                quoted(out, v.toString().getBytes(StandardCharsets.UTF_8));
                return;
            case IPV4: case IPV6:
                quoted(out, ((InetAddress) v).getHostAddress().getBytes(StandardCharsets.UTF_8));
                return;
            case DATETIME: case DATETIME64:
                quoted(out, v.toString().getBytes(StandardCharsets.UTF_8)); // ISO UTC, e.g. 1900-01-01T00:00:00.123Z
                return;
            case NULLABLE: case LOW_CARDINALITY:
                literal(t.wrappedType(), v, out);
                return;
            case ARRAY: case NESTED: {
                ascii(out, "[");
                String sep = "";
                for (Object e : (List<?>) v) {
                    ascii(out, sep);
                    literal(t.elementType(), e, out);
                    sep = ", ";
                }
                ascii(out, "]");
                return;
            }
            case MAP: {
                ascii(out, "{");
                String sep = "";
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    ascii(out, sep);
                    literal(t.mapKeyType(), e.getKey(), out);
                    ascii(out, ": ");
                    literal(t.mapValueType(), e.getValue(), out);
                    sep = ", ";
                }
                ascii(out, "}");
                return;
            }
            case TUPLE: {
                ascii(out, "(");
                List<?> l = (List<?>) v;
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) {
                        ascii(out, ", ");
                    }
                    literal(t.tupleElementTypes().get(i), l.get(i), out);
                }
                ascii(out, l.size() == 1 ? ",)" : ")");
                return;
            }
            default:
                throw new IllegalArgumentException("no literal for " + t);
        }
    }

    private static void quoted(java.io.OutputStream out, byte[] b) throws IOException {
        out.write('\'');
        for (byte x : b) {
            int c = x & 0xFF;
            if (c == '\'' || c == '\\' || c < 0x20 || c == 0x7F) {
                ascii(out, String.format("\\x%02X", c));
            } else {
                out.write(c); // bytes >= 0x80 raw: no UTF-8 validation on the way in
            }
        }
        out.write('\'');
    }

    private static void ascii(java.io.OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static byte[] encode(RowBinaryRowCodec rows, List<Object> values) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (RowBinaryOutput out = new RowBinaryOutput(bos)) {
            for (int i = 0; i < values.size(); i++) {
                rows.encodeRow(new Object[] {(long) i, values.get(i)}, out);
            }
        }
        return bos.toByteArray();
    }

    /** One row of all the given values. */
    private static byte[] encode(RowBinaryRowCodec rows, List<Object> row, boolean oneRow) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (RowBinaryOutput out = new RowBinaryOutput(bos)) {
            rows.encodeRow(row.toArray(), out);
        }
        return bos.toByteArray();
    }

    private static void assertHexEquals(byte[] expected, byte[] actual, String what) {
        if (!Arrays.equals(expected, actual)) {
            int i = Arrays.mismatch(expected, actual);
            int from = Math.max(0, i - 16);
            fail(what + ": bytes differ at offset " + i + " of " + expected.length + "/" + actual.length + "; expected …"
                    + HEX.formatHex(expected, from, Math.min(expected.length, i + 32)) + "…, got …"
                    + HEX.formatHex(actual, from, Math.min(actual.length, i + 32)) + "…");
        }
    }

    /** NaNs with payloads have no text form: every NaN becomes the one the engine parses "nan" to. */
    private static Object canonicalNaN(Object v) {
        if (v instanceof Float f && f.isNaN()) {
            return Float.NaN;
        }
        if (v instanceof Double d && d.isNaN()) {
            return Double.NaN;
        }
        if (v instanceof List<?> l) {
            List<Object> c = new ArrayList<>();
            for (Object e : l) {
                c.add(canonicalNaN(e));
            }
            return c;
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> c = new LinkedHashMap<>();
            m.forEach((k, x) -> c.put(canonicalNaN(k), canonicalNaN(x)));
            return c;
        }
        return v;
    }

    private static List<Object> decimalEdges(int precision, int scale) {
        BigInteger max = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE);
        return List.of(new BigDecimal(max, scale), new BigDecimal(max.negate(), scale), new BigDecimal(BigInteger.ZERO, scale),
                new BigDecimal(BigInteger.ONE, scale), new BigDecimal(BigInteger.ONE.negate(), scale),
                new BigDecimal(BigInteger.valueOf(150), scale));
    }

    /** The documented range 1900-01-01 00:00:00 … 2299-12-31 23:59:59.9… in the column's zone (UTC without one). */
    private static Instant dateTime64Min(String zone) {
        return LocalDate.of(1900, 1, 1).atStartOfDay(zone == null ? ZoneOffset.UTC : ZoneId.of(zone)).toInstant();
    }

    private static Instant dateTime64Max(int p, String zone) {
        Instant end = LocalDate.of(2300, 1, 1).atStartOfDay(zone == null ? ZoneOffset.UTC : ZoneId.of(zone)).toInstant()
                .minusNanos(BigInteger.TEN.pow(9 - p).longValue());
        Instant int64 = Instant.parse("2262-04-11T23:47:16.854775807Z");
        return p == 9 && end.isAfter(int64) ? int64 : end;
    }

    private static List<Object> dateTime64Edges(int p, String zone) {
        long tick = BigInteger.TEN.pow(9 - p).longValue();
        Instant min = dateTime64Min(zone);
        return List.of(min, dateTime64Max(p, zone), Instant.EPOCH, Instant.EPOCH.minusNanos(tick), min.plusNanos(tick),
                Instant.parse("2024-03-10T07:00:00Z").minusNanos(tick), // New York: the last tick before spring-forward
                Instant.parse("2024-11-03T05:30:00Z"), Instant.parse("2024-11-03T06:30:00Z"), // the repeated 01:30 in New York
                Instant.parse("1927-12-31T15:54:17Z")); // Shanghai leaves local mean time
    }

    /**
     * The shared random generator draws DateTime64 values from the UTC range; for a zoned column the codec (like
     * the engine's documentation) bounds them in the column's zone, so clamp them into it.
     */
    private static Object intoZoneRange(ClickHouseType t, Object v) {
        if (v == null) {
            return null;
        }
        switch (t.kind()) {
            case NULLABLE: case LOW_CARDINALITY:
                return intoZoneRange(t.wrappedType(), v);
            case ARRAY: case NESTED: {
                List<Object> l = new ArrayList<>();
                for (Object e : (List<?>) v) {
                    l.add(intoZoneRange(t.elementType(), e));
                }
                return l;
            }
            case MAP: {
                Map<Object, Object> m = new LinkedHashMap<>();
                ((Map<?, ?>) v).forEach((k, x) -> m.put(intoZoneRange(t.mapKeyType(), k), intoZoneRange(t.mapValueType(), x)));
                return m;
            }
            case TUPLE: {
                List<Object> l = new ArrayList<>();
                List<?> in = (List<?>) v;
                for (int i = 0; i < in.size(); i++) {
                    l.add(intoZoneRange(t.tupleElementTypes().get(i), in.get(i)));
                }
                return l;
            }
            case DATETIME64: {
                Instant i = (Instant) v;
                Instant min = dateTime64Min(t.timeZone());
                Instant max = dateTime64Max(t.dateTime64Precision(), t.timeZone());
                return i.isBefore(min) ? min : i.isAfter(max) ? max : i;
            }
            default:
                return v;
        }
    }

    private static BigInteger min(int bits) {
        return BigInteger.ONE.shiftLeft(bits - 1).negate();
    }

    private static BigInteger max(int bits, boolean signed) {
        return BigInteger.ONE.shiftLeft(signed ? bits - 1 : bits).subtract(BigInteger.ONE);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<Object, Object> map(Object... kv) {
        Map<Object, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (IOException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    private static InetAddress ip6(String s) {
        try {
            byte[] b = InetAddress.getByName(s).getAddress();
            if (b.length == 4) { // Java turns ::ffff:a.b.c.d into an Inet4Address
                byte[] m = new byte[16];
                m[10] = (byte) 0xFF;
                m[11] = (byte) 0xFF;
                System.arraycopy(b, 0, m, 12, 4);
                b = m;
            }
            return Inet6Address.getByAddress(null, b, -1);
        } catch (IOException e) {
            throw new IllegalArgumentException(s, e);
        }
    }
}
