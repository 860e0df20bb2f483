package io.chpack.common.rowbinary;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.chpack.common.rowbinary.Bin.hex;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Byte-exact encodings against hand-computed expectations (sources: the RowBinary page of the ClickHouse
 * docs and the 18.16 server's own output), and decoding those bytes back to the same value.
 */
class RowBinaryCodecBytesTest {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    static Stream<Arguments> exactEncodings() throws Exception {
        return Stream.of(
                // integers: min/max of each width, two's complement little-endian
                arguments("Int8", -128L, "80"),
                arguments("Int8", 127L, "7f"),
                arguments("UInt8", 255L, "ff"),
                arguments("Int16", -32768L, "00 80"),
                arguments("UInt16", 65535L, "ff ff"),
                arguments("Int32", (long) Integer.MIN_VALUE, "00 00 00 80"),
                arguments("Int32", 42L, "2a 00 00 00"),
                arguments("UInt32", 4294967295L, "ff ff ff ff"),
                arguments("Int64", Long.MIN_VALUE, "00 00 00 00 00 00 00 80"),
                arguments("Int64", -2L, "fe ff ff ff ff ff ff ff"),
                arguments("UInt64", TWO_64.subtract(BigInteger.ONE), "ff ff ff ff ff ff ff ff"),
                arguments("UInt64", BigInteger.valueOf(1), "01 00 00 00 00 00 00 00"),
                arguments("Int128", BigInteger.ONE.shiftLeft(127).negate(), "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 80"),
                arguments("Int128", BigInteger.valueOf(-1), "ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff"),
                arguments("UInt128", BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE), "ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff"),
                arguments("UInt128", BigInteger.ONE.shiftLeft(64), "00 00 00 00 00 00 00 00 01 00 00 00 00 00 00 00"),
                arguments("Int256", BigInteger.ONE.shiftLeft(255).negate(), "00".repeat(31) + "80"),
                arguments("Int256", BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE), "ff".repeat(31) + "7f"),
                arguments("UInt256", BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE), "ff".repeat(32)),
                // floats
                arguments("Float32", 1.0f, "00 00 80 3f"),
                arguments("Float32", 3.14159f, "d0 0f 49 40"),
                arguments("Float32", Float.NaN, "00 00 c0 7f"),
                arguments("Float32", Float.POSITIVE_INFINITY, "00 00 80 7f"),
                arguments("Float32", Float.NEGATIVE_INFINITY, "00 00 80 ff"),
                arguments("Float64", 1.0d, "00 00 00 00 00 00 f0 3f"),
                arguments("Float64", -0.0d, "00 00 00 00 00 00 00 80"),
                arguments("Float64", Double.NaN, "00 00 00 00 00 00 f8 7f"),
                arguments("Float64", Double.NEGATIVE_INFINITY, "00 00 00 00 00 00 f0 ff"),
                arguments("BFloat16", 1.25f, "a0 3f"),
                arguments("BFloat16", Float.NaN, "c0 7f"),
                // decimals: unscaled value in the width chosen by precision
                arguments("Decimal(9, 2)", new BigDecimal("123.45"), "39 30 00 00"),
                arguments("Decimal(9, 2)", new BigDecimal("-0.01"), "ff ff ff ff"),
                arguments("Decimal(18, 4)", new BigDecimal("-1.0000"), "f0 d8 ff ff ff ff ff ff"),
                arguments("Decimal(38, 0)", new BigDecimal("-99999999999999999999999999999999999999"),
                        "01 00 00 00 c0 dd 75 f6 85 3b 79 a5 57 b3 c4 b4"),
                arguments("Decimal(76, 10)", new BigDecimal("-1.5000000000"),
                        "00 2a ee 81 fc ff ff ff" + " ff".repeat(24)),
                arguments("Decimal(76, 0)", new BigDecimal("9999999999999999999999999999999999999999999999999999999999999999999999999999"),
                        "ff ff ff ff ff ff ff ff ff 0f 95 71 f1 a5 75 77 79 29 65 e8 ab b4 64 07 b5 15 99 11 a7 cc 1b 16"),
                arguments("Bool", true, "01"),
                arguments("Bool", false, "00"),
                // strings: LEB128 byte length, raw bytes
                arguments("String", new byte[0], "00"),
                arguments("String", new byte[] {'a', 0, 'b'}, "03 61 00 62"),
                arguments("String", "😀".getBytes(StandardCharsets.UTF_8), "04 f0 9f 98 80"),
                arguments("FixedString(3)", "hi\0".getBytes(StandardCharsets.US_ASCII), "68 69 00"),
                arguments("FixedString(3)", "bar".getBytes(StandardCharsets.US_ASCII), "62 61 72"),
                // UUID: each 64-bit half little-endian, high half first
                arguments("UUID", UUID.fromString("61f0c404-5cb3-11e7-907b-a6006ad3dba0"),
                        "e7 11 b3 5c 04 c4 f0 61 a0 db d3 6a 00 a6 7b 90"),
                arguments("UUID", new UUID(0, 0), "00".repeat(16)),
                // dates and times
                arguments("Date", LocalDate.of(2024, 1, 15), "19 4d"),
                arguments("Date", LocalDate.of(1970, 1, 1), "00 00"),
                arguments("Date", LocalDate.of(2149, 6, 6), "ff ff"),
                arguments("Date32", LocalDate.of(1900, 1, 1), "21 9c ff ff"),
                arguments("Date32", LocalDate.of(2299, 12, 31), "d1 d6 01 00"),
                arguments("DateTime", Instant.parse("2024-01-15T10:30:00Z"), "28 09 a5 65"),
                arguments("DateTime('Asia/Shanghai')", Instant.parse("2024-01-15T10:30:00Z"), "28 09 a5 65"),
                arguments("DateTime", Instant.parse("2106-02-07T06:28:15Z"), "ff ff ff ff"),
                arguments("DateTime64(3)", Instant.parse("2019-01-01T00:00:00Z"), "00 bc b5 06 68 01 00 00"),
                arguments("DateTime64(6, 'UTC')", Instant.parse("1900-01-01T00:00:00Z"), "00 60 43 b7 ef 26 f8 ff"),
                arguments("DateTime64(9)", Instant.parse("2024-01-15T10:30:00.123456789Z"), "15 5d a5 fa 97 7e aa 17"),
                arguments("DateTime64(9)", Instant.parse("2262-04-11T23:47:16.854775807Z"), "ff ff ff ff ff ff ff 7f"),
                // enums: the entry's value as Int8/Int16
                arguments("Enum8('a' = -128, 'b' = 0)", "a", "80"),
                arguments("Enum8('a' = -128, 'b' = 0)", "b", "00"),
                arguments("Enum16('f\\'' = 1, '4' = 1234)", "4", "d2 04"),
                // addresses
                arguments("IPv4", InetAddress.getByName("127.0.0.1"), "01 00 00 7f"),
                arguments("IPv4", InetAddress.getByName("168.212.226.204"), "cc e2 d4 a8"),
                arguments("IPv4", InetAddress.getByName("255.255.255.255"), "ff ff ff ff"),
                arguments("IPv6", InetAddress.getByName("2a02:aa08:e000:3100::2"),
                        "2a 02 aa 08 e0 00 31 00 00 00 00 00 00 00 00 02"),
                arguments("IPv6", Inet6Address.getByAddress(null, hex("00000000000000000000ffff01020304"), -1),
                        "00 00 00 00 00 00 00 00 00 00 ff ff 01 02 03 04"),
                // wrappers and containers
                arguments("Nullable(UInt32)", 42L, "00 2a 00 00 00"),
                arguments("Nullable(UInt32)", null, "01"),
                arguments("Nullable(Nothing)", null, "01"),
                arguments("LowCardinality(Nullable(String))", null, "01"),
                arguments("LowCardinality(String)", "foo".getBytes(StandardCharsets.US_ASCII), "03 66 6f 6f"),
                arguments("SimpleAggregateFunction(max, UInt32)", 42L, "2a 00 00 00"),
                arguments("Array(Nothing)", List.of(), "00"),
                arguments("Array(UInt32)", List.of(1L, 2L, 3L), "03 01 00 00 00 02 00 00 00 03 00 00 00"),
                arguments("Array(Nullable(String))", Arrays.asList(null, "foo".getBytes(StandardCharsets.US_ASCII)),
                        "02 01 00 03 66 6f 6f"),
                arguments("Array(Array(Nullable(Int8)))", List.of(List.of(), Arrays.asList(null, 1L)), "02 00 02 01 00 01"),
                arguments("Map(String, UInt32)", Collections.emptyMap(), "00"),
                arguments("Tuple(UInt32, String, Array(UInt8))", List.of(42L, "foo".getBytes(StandardCharsets.US_ASCII), List.of(99L, 144L)),
                        "2a 00 00 00 03 66 6f 6f 02 63 90"),
                arguments("Tuple(a Float64, b Float64)", List.of(1.0d, 2.0d),
                        "00 00 00 00 00 00 f0 3f 00 00 00 00 00 00 00 40"),
                arguments("Nested(a String, b Int32)", List.of(
                        List.of("foo".getBytes(StandardCharsets.US_ASCII), 42L), List.of("bar".getBytes(StandardCharsets.US_ASCII), 144L)),
                        "02 03 66 6f 6f 2a 00 00 00 03 62 61 72 90 00 00 00"),
                arguments("Array(Tuple(Nullable(Decimal(9, 1)), Enum8('x' = 1)))", List.of(Arrays.asList(null, "x")), "01 01 01")
        );
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("exactEncodings")
    void encodesToExactBytesAndDecodesBack(String type, Object value, String expectedHex) throws IOException {
        byte[] expected = hex(expectedHex);
        byte[] actual = Bin.encode(type, value);
        assertEquals(Bin.hex(expected), Bin.hex(actual), type);
        Object decoded = Bin.decode(type, expected);
        assertTrue(Values.deepEquals(value, decoded), () -> type + ": decoded " + Values.show(decoded) + ", expected "
                + Values.show(value));
    }

    @Test
    void mapKeepsInsertionOrderOnBothSides() throws IOException {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("foo", 1L);
        m.put("bar", 2L);
        byte[] b = Bin.encode("Map(String, UInt32)", m);
        assertEquals("02 03 66 6f 6f 01 00 00 00 03 62 61 72 02 00 00 00", Bin.hex(b));
        @SuppressWarnings("unchecked")
        Map<Object, Object> back = (Map<Object, Object>) Bin.decode("Map(String, UInt32)", b);
        List<String> keys = new ArrayList<>();
        back.keySet().forEach(k -> keys.add(new String((byte[]) k, StandardCharsets.UTF_8)));
        assertEquals(List.of("foo", "bar"), keys);
        assertEquals(List.of(1L, 2L), new ArrayList<>(back.values()));
    }

    @Test
    void mapWithRepeatedKeyIsAFormatErrorOnDecode() {
        RowBinaryFormatException e = assertThrows(RowBinaryFormatException.class,
                () -> Bin.decode("Map(UInt8, UInt8)", hex("02 01 0a 01 0b")));
        assertTrue(e.getMessage().contains("repeats the key"), e.getMessage());
    }

    @Test
    void javaTextIsEncodedAsUtf8() throws IOException {
        assertEquals("04 f0 9f 98 80", Bin.hex(Bin.encode("String", "😀")));
        assertEquals("06 61 c3 a9 e2 82 ac", Bin.hex(Bin.encode("String", "aé€")));
        assertEquals("01 3f", Bin.hex(Bin.encode("String", "\ud800"))); // lone surrogate → '?', like getBytes
        assertEquals("c3 a9 00 00", Bin.hex(Bin.encode("FixedString(4)", "é")));
        String longAscii = "x".repeat(300);
        byte[] b = Bin.encode("String", longAscii);
        assertEquals("ac 02", Bin.hex(Arrays.copyOf(b, 2)));
        assertArrayEquals(longAscii.getBytes(StandardCharsets.US_ASCII), (byte[]) Bin.decode("String", b));
        String longMixed = "é😀a".repeat(1000);
        assertArrayEquals(longMixed.getBytes(StandardCharsets.UTF_8), (byte[]) Bin.decode("String", Bin.encode("String", longMixed)));
    }

    @Test
    void alternativeInputsEncodeLikeTheCanonicalOnes() throws Exception {
        assertEquals("2a 00 00 00", Bin.hex(Bin.encode("Int32", 42)));
        assertEquals("2a 00 00 00", Bin.hex(Bin.encode("Int32", (short) 42)));
        assertEquals("2a 00 00 00", Bin.hex(Bin.encode("Int32", new BigDecimal("42.000"))));
        assertEquals("ff ff ff ff ff ff ff 7f", Bin.hex(Bin.encode("UInt64", Long.MAX_VALUE)));
        assertEquals("01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00", Bin.hex(Bin.encode("UInt128", 1)));
        assertEquals("39 30 00 00", Bin.hex(Bin.encode("Decimal(9, 2)", new BigDecimal("123.450"))));
        assertEquals("64 00 00 00", Bin.hex(Bin.encode("Decimal(9, 2)", 1)));
        assertEquals("64 00 00 00", Bin.hex(Bin.encode("Decimal(9, 2)", new BigDecimal("1E+0"))));
        assertEquals("e8 03 00 00", Bin.hex(Bin.encode("Decimal(9, 2)", new BigDecimal("1E+1"))));
        assertEquals("00 00 00 00", Bin.hex(Bin.encode("Decimal(9, 2)", new BigDecimal("0E-50"))));
        assertEquals("ff e0 f5 05", Bin.hex(Bin.encode("Decimal(9, 2)", new BigDecimal("999999.99000"))));
        assertEquals("80", Bin.hex(Bin.encode("Enum8('a' = -128, 'b' = 0)", -128)));
        assertEquals("00 00 00 00 00 00 00 00 00 00 ff ff 01 02 03 04",
                Bin.hex(Bin.encode("IPv6", InetAddress.getByName("1.2.3.4"))));
        assertEquals("02 01 ff", Bin.hex(Bin.encode("Array(UInt8)", new byte[] {1, (byte) 255})));
        assertEquals("02 01 ff", Bin.hex(Bin.encode("Array(Int8)", new byte[] {1, -1})));
        assertEquals("02 01 00 00 00 02 00 00 00", Bin.hex(Bin.encode("Array(Int32)", new int[] {1, 2})));
        assertEquals("02 01 00 00 00 02 00 00 00", Bin.hex(Bin.encode("Array(Int32)", new Integer[] {1, 2})));
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("b", 2.0d);
        named.put("a", 1.0d);
        assertEquals("00 00 00 00 00 00 f0 3f 00 00 00 00 00 00 00 40",
                Bin.hex(Bin.encode("Tuple(a Float64, b Float64)", named)));
    }

    @Test
    void decodedAddressesKeepTheirFamily() throws IOException {
        Object v6 = Bin.decode("IPv6", hex("00000000000000000000ffff01020304"));
        assertInstanceOf(Inet6Address.class, v6);
        assertInstanceOf(Inet4Address.class, Bin.decode("IPv4", hex("04 03 02 01")));
        assertEquals(InetAddress.getByName("1.2.3.4"), Bin.decode("IPv4", hex("04 03 02 01")));
    }

    static Stream<Arguments> rejectedValues() {
        return Stream.of(
                arguments("UInt8", 300L, "out of range"),
                arguments("UInt8", -1L, "out of range"),
                arguments("Int8", 128L, "out of range"),
                arguments("Int16", 40000, "out of range"),
                arguments("UInt32", 4294967296L, "out of range"),
                arguments("Int64", BigInteger.ONE.shiftLeft(63), "out of range"),
                arguments("UInt64", TWO_64, "out of range"),
                arguments("UInt64", -1L, "out of range"),
                arguments("UInt64", BigInteger.valueOf(-1), "out of range"),
                arguments("Int128", BigInteger.ONE.shiftLeft(127), "out of range"),
                arguments("UInt256", BigInteger.ONE.shiftLeft(256), "out of range"),
                arguments("UInt128", -1L, "out of range"),
                arguments("Int32", 1.5d, "expected an integer"),
                arguments("Int32", new BigDecimal("1.5"), "expected an integer"),
                arguments("Int32", "42", "expected an integer"),
                arguments("Float32", 1e300d, "out of range"),
                arguments("Float64", 1, "expected a Float or Double"),
                arguments("Decimal(9, 2)", new BigDecimal("1.234"), "more than 2 fraction digits"),
                arguments("Decimal(9, 2)", new BigDecimal("10000000"), "out of range"),
                arguments("Decimal(9, 2)", new BigDecimal("-10000000.00"), "out of range"),
                arguments("Decimal(76, 0)", BigInteger.TEN.pow(76), "out of range"),
                arguments("Decimal(76, 0)", new BigDecimal("1E+1000000000"), "out of range"),
                arguments("Decimal(9, 2)", new BigDecimal("1E-1000000000"), "more than 2 fraction digits"),
                arguments("Decimal(9, 2)", new BigDecimal("-0.001"), "more than 2 fraction digits"),
                arguments("Bool", 1, "expected a Boolean"),
                arguments("String", 5, "expected a byte[] or a String"),
                arguments("FixedString(3)", "abcd", "longer than"),
                arguments("FixedString(2)", "é€", "longer than"),
                arguments("UUID", "61f0c404-5cb3-11e7-907b-a6006ad3dba0", "expected a java.util.UUID"),
                arguments("Date", LocalDate.of(2149, 6, 7), "out of range"),
                arguments("Date", LocalDate.of(1969, 12, 31), "out of range"),
                arguments("Date32", LocalDate.of(1899, 12, 31), "out of range"),
                arguments("Date32", LocalDate.of(2300, 1, 1), "out of range"),
                arguments("DateTime", Instant.parse("2106-02-07T06:28:16Z"), "out of range"),
                arguments("DateTime", Instant.parse("1969-12-31T23:59:59Z"), "out of range"),
                arguments("DateTime", Instant.parse("2020-01-01T00:00:00.5Z"), "fraction of a second"),
                arguments("DateTime64(3)", Instant.parse("2020-01-01T00:00:00.0001Z"), "more than 3 fraction digits"),
                arguments("DateTime64(3)", Instant.parse("1899-12-31T23:59:59Z"), "out of range"),
                arguments("DateTime64(3)", Instant.parse("2300-01-01T00:00:00Z"), "out of range"),
                arguments("DateTime64(9)", Instant.parse("2262-04-11T23:47:16.854775808Z"), "out of range"),
                arguments("Enum8('a' = 1)", "b", "not an entry"),
                arguments("Enum8('a' = 1)", 2, "not an entry"),
                arguments("IPv4", "1.2.3.4", "expected a java.net.Inet4Address"),
                arguments("Int32", null, "not Nullable"),
                arguments("Nullable(Nothing)", 1, "Nothing has no values"),
                arguments("Array(UInt8)", List.of(1L, 256L), "element 1 of Array(UInt8)"),
                arguments("Array(String)", new byte[] {1}, "expected a Collection"),
                arguments("Map(String, UInt8)", Map.of("k", 256L), "value of key"),
                arguments("Tuple(UInt8, String)", List.of(1L), "has 1 elements"),
                arguments("Tuple(a UInt8, b UInt8)", Map.of("a", 1L), "lacks element 'b'"),
                arguments("Tuple(a UInt8, b UInt8)", Map.of("a", 1L, "b", 1L, "c", 1L), "no element named"),
                arguments("Tuple(a UInt8, b String)", List.of(1000L, "x"), "element 'a' of Tuple(a UInt8, b String)")
        );
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rejectedValues")
    void outOfRangeOrWrongValuesThrowNamingTypeAndValue(String type, Object value, String fragment) {
        RowBinaryValueException e = assertThrows(RowBinaryValueException.class, () -> Bin.encode(type, value));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void valueErrorsNameTheTypeAndTheValue() {
        RowBinaryValueException e = assertThrows(RowBinaryValueException.class, () -> Bin.encode("UInt8", 300));
        assertTrue(e.getMessage().contains("300") && e.getMessage().contains("UInt8") && e.getMessage().contains("[0, 255]"),
                e.getMessage());
        String huge = "y".repeat(10_000);
        RowBinaryValueException f = assertThrows(RowBinaryValueException.class, () -> Bin.encode("FixedString(2)", huge));
        assertTrue(f.getMessage().length() < 400, "offending value is truncated in: " + f.getMessage().length());
    }

    @Test
    void malformedInputIsAFormatError() {
        assertThrows(RowBinaryFormatException.class, () -> Bin.decode("Bool", hex("02")));
        assertThrows(RowBinaryFormatException.class, () -> Bin.decode("Nullable(Int8)", hex("07 00")));
        RowBinaryFormatException e = assertThrows(RowBinaryFormatException.class,
                () -> Bin.decode("Enum8('a' = 1)", hex("05")));
        assertTrue(e.getMessage().contains("value 5"), e.getMessage());
        assertThrows(RowBinaryFormatException.class, () -> Bin.decode("Nullable(Nothing)", hex("00")));
        assertThrows(RowBinaryFormatException.class, () -> Bin.decode("String", hex("ff ff ff ff ff ff ff ff ff 01")));
        assertThrows(RowBinaryFormatException.class, () -> Bin.decode("String", hex("ff ff ff ff ff ff ff ff ff ff 01")));
    }

    @Test
    void primitiveFastPathsMatchTheGenericPath() throws IOException {
        assertPrimitive("Int16", -2L, "fe ff");
        assertPrimitive("UInt32", 4294967295L, "ff ff ff ff");
        assertPrimitive("Decimal(9, 2)", 12345L, "39 30 00 00");
        assertPrimitive("Decimal(20, 2)", -1L, "ff".repeat(16));
        assertPrimitive("Decimal(40, 2)", 1L, "01" + "00".repeat(31));
        assertPrimitive("Date", 19737L, "19 4d");
        assertPrimitive("Date32", -25567L, "21 9c ff ff");
        assertPrimitive("DateTime", 1705314600L, "28 09 a5 65");
        assertPrimitive("DateTime64(3)", 1546300800000L, "00 bc b5 06 68 01 00 00");
        assertPrimitive("Enum16('a' = -2)", -2L, "fe ff");
        assertPrimitive("IPv4", 0x7f000001L, "01 00 00 7f");
        assertPrimitive("Bool", 1L, "01");
        assertPrimitive("Int256", Long.MIN_VALUE, "00 00 00 00 00 00 00 80" + "ff".repeat(24));
        assertPrimitive("UInt128", 5L, "05" + "00".repeat(15));

        // UInt64: encodeLong takes non-negative values, decodeLong returns the raw bits
        RowBinaryCodec u64 = RowBinaryCodecs.forType("UInt64");
        assertEquals(-1L, u64.decodeLong(Bin.input(hex("ff ff ff ff ff ff ff ff"))));
        assertThrows(RowBinaryValueException.class, () -> Bin.encodeLong(u64, -1L));
        assertThrows(RowBinaryValueException.class, () -> Bin.encodeLong(RowBinaryCodecs.forType("UInt8"), 256L));
        assertThrows(RowBinaryValueException.class, () -> Bin.encodeLong(RowBinaryCodecs.forType("Decimal(4, 2)"), 10000L));
        assertThrows(RowBinaryValueException.class, () -> Bin.encodeLong(RowBinaryCodecs.forType("Enum8('a' = 1)"), 2L));
        assertThrows(RowBinaryValueException.class, () -> Bin.encodeLong(RowBinaryCodecs.forType("Date"), 65536L));
        assertThrows(RowBinaryFormatException.class,
                () -> RowBinaryCodecs.forType("Int128").decodeLong(Bin.input(hex("00".repeat(8) + "01" + "00".repeat(7)))));

        RowBinaryCodec f32 = RowBinaryCodecs.forType("Float32");
        assertTrue(f32.supportsDouble());
        assertEquals(1.5d, f32.decodeDouble(Bin.input(hex("00 00 c0 3f"))));
        assertEquals(1.25d, RowBinaryCodecs.forType("BFloat16").decodeDouble(Bin.input(hex("a0 3f"))));

        RowBinaryCodec nullable = RowBinaryCodecs.forType("Nullable(Int32)");
        assertTrue(nullable.isNullable());
        assertEquals("00 07 00 00 00", Bin.hex(Bin.encodeLong(nullable, 7L)));
        assertThrows(UnsupportedOperationException.class, () -> nullable.decodeLong(Bin.input(hex("00 07 00 00 00"))));
        RowBinaryInput in = Bin.input(hex("01 00 07 00 00 00"));
        assertTrue(in.readNullFlag());
        assertFalse(in.readNullFlag());
        assertEquals(7L, nullable.nonNullCodec().decodeLong(in));

        RowBinaryCodec string = RowBinaryCodecs.forType("String");
        assertFalse(string.supportsLong());
        assertThrows(UnsupportedOperationException.class, () -> Bin.encodeLong(string, 1L));
    }

    private static void assertPrimitive(String type, long value, String hex) throws IOException {
        RowBinaryCodec c = RowBinaryCodecs.forType(type);
        assertTrue(c.supportsLong(), type);
        assertEquals(hex.replaceAll("\\s+", ""), Bin.hex(Bin.encodeLong(c, value)).replace(" ", ""), type);
        RowBinaryInput in = Bin.input(hex(hex));
        assertEquals(value, c.decodeLong(in), type);
        assertFalse(in.hasMore());
    }

    @Test
    void lowCardinalityUsesTheInnerCodec() {
        assertEquals("String", RowBinaryCodecs.forType("LowCardinality(String)").type().toString());
        assertTrue(RowBinaryCodecs.forType("LowCardinality(Nullable(String))").isNullable());
    }
}
