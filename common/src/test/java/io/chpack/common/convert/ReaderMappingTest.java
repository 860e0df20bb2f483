package io.chpack.common.convert;

import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.StringColumn;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.chpack.common.convert.Conv.*;
import static org.junit.jupiter.api.Assertions.*;

/** ClickHouse → DataX Column mapping. */
class ReaderMappingTest {
    private static void assertColumn(Class<?> cls, Object raw, Column c) {
        assertEquals(cls, c.getClass(), () -> "class of " + c);
        if (raw instanceof byte[]) {
            assertArrayEquals((byte[]) raw, (byte[]) c.getRawData());
        } else {
            assertEquals(raw, c.getRawData());
        }
    }

    @Test
    void integersAreExactLongColumns() {
        assertColumn(LongColumn.class, BigInteger.valueOf(-128), readValue("Int8", -128L));
        assertColumn(LongColumn.class, BigInteger.valueOf(4294967295L), readValue("UInt32", 4294967295L));
        assertColumn(LongColumn.class, BigInteger.valueOf(Long.MIN_VALUE), readValue("Int64", Long.MIN_VALUE));
        BigInteger u64 = new BigInteger("18446744073709551615");
        assertColumn(LongColumn.class, u64, readValue("UInt64", u64));
        BigInteger i128 = BigInteger.ONE.shiftLeft(127).negate();
        assertColumn(LongColumn.class, i128, readValue("Int128", i128));
        BigInteger u256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
        assertColumn(LongColumn.class, u256, readValue("UInt256", u256));
    }

    @Test
    void floatsAreShortestDecimalText() {
        assertColumn(DoubleColumn.class, "0.1", readValue("Float32", 0.1f));
        assertColumn(DoubleColumn.class, "0.1", readValue("Float64", 0.1d));
        assertColumn(DoubleColumn.class, "16777216", readValue("Float32", 16777216f));
        assertColumn(DoubleColumn.class, "3.4028235E+38", readValue("Float32", Float.MAX_VALUE));
        assertColumn(DoubleColumn.class, "1E-45", readValue("Float32", Float.MIN_VALUE)); // shortest: reads back as MIN_VALUE
        assertColumn(DoubleColumn.class, "NaN", readValue("Float32", Float.NaN));
        assertColumn(DoubleColumn.class, "Infinity", readValue("Float64", Double.POSITIVE_INFINITY));
        assertColumn(DoubleColumn.class, "-Infinity", readValue("Float64", Double.NEGATIVE_INFINITY));
        assertColumn(DoubleColumn.class, "-0", readValue("Float64", -0.0d));
        assertColumn(DoubleColumn.class, "1.5", readValue("BFloat16", 1.5f));
        assertColumn(DoubleColumn.class, "5E-324", readValue("Float64", Double.MIN_VALUE));
    }

    @Test
    void decimalsAreExactTextWithTheirScale() {
        assertColumn(DoubleColumn.class, "-1.50", readValue("Decimal(9, 2)", new BigDecimal("-1.50")));
        assertColumn(DoubleColumn.class, "0.00", readValue("Decimal(9, 2)", new BigDecimal("0.00")));
        assertColumn(DoubleColumn.class, "-9999999999999999999999999999.9999999999",
                readValue("Decimal(38, 10)", new BigDecimal("-9999999999999999999999999999.9999999999")));
        String d76 = "9".repeat(56) + "." + "9".repeat(20);
        assertColumn(DoubleColumn.class, d76, readValue("Decimal(76, 20)", new BigDecimal(d76)));
        assertColumn(DoubleColumn.class, "0.12345678901234567890123456789012345678",
                readValue("Decimal(38, 38)", new BigDecimal("0.12345678901234567890123456789012345678")));
    }

    @Test
    void stringsAndInvalidUtf8Policies() {
        assertColumn(StringColumn.class, "a\0b😀", readValue("String", "a\0b😀"));
        assertColumn(StringColumn.class, "", readValue("String", ""));
        byte[] bad = {'a', (byte) 0xff, (byte) 0xc0, (byte) 0x80};
        assertColumn(BytesColumn.class, bad, readValue("String", bad));
        assertColumn(StringColumn.class, "a\uFFFD\uFFFD\uFFFD", readValue("String", bad, opts().invalidUtf8(InvalidUtf8Policy.REPLACE).build()));
        ColumnConversionException e = assertThrows(ColumnConversionException.class,
                () -> readValue("String", bad, opts().invalidUtf8(InvalidUtf8Policy.ERROR).build()));
        assertTrue(e.getMessage().contains("0x61ffc080 (4 bytes) is not valid UTF-8"), e.getMessage());
        // surrogates encoded in UTF-8 (CESU) and code points above U+10FFFF are not UTF-8 either
        assertColumn(BytesColumn.class, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, readValue("String", new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}));
        assertColumn(BytesColumn.class, new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                readValue("String", new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}));
        assertColumn(BytesColumn.class, new byte[] {(byte) 0xe2, (byte) 0x82}, readValue("String", new byte[] {(byte) 0xe2, (byte) 0x82}));
    }

    @Test
    void fixedStringByMode() {
        byte[] ab = "ab\0\0\0".getBytes(StandardCharsets.UTF_8);
        assertColumn(BytesColumn.class, ab, readValue("FixedString(5)", ab));
        assertColumn(StringColumn.class, "ab\0\0\0", readValue("FixedString(5)", ab, opts().fixedStringReadMode(FixedStringReadMode.STRING).build()));
        assertColumn(StringColumn.class, "ab", readValue("FixedString(5)", ab, opts().fixedStringReadMode(FixedStringReadMode.TRIMMED_STRING).build()));
        assertColumn(StringColumn.class, "", readValue("FixedString(5)", new byte[5], opts().fixedStringReadMode(FixedStringReadMode.TRIMMED_STRING).build()));
        assertNull(readValue("Nullable(FixedString(2))", null).getRawData());
        assertEquals(BytesColumn.class, readValue("Nullable(FixedString(2))", null).getClass());
    }

    @Test
    void datesAreDateColumnsAtMidnightOfTheResolvedZone() {
        ConversionOptions sh = opts().serverTimeZone(ZoneId.of("Asia/Shanghai")).build();
        Column d = readValue("Date", LocalDate.of(2024, 1, 15), sh);
        assertColumn(DateColumn.class, Instant.parse("2024-01-14T16:00:00Z").toEpochMilli(), d);
        assertEquals(DateColumn.DateType.DATE, ((DateColumn) d).getSubType());
        assertColumn(DateColumn.class, Instant.parse("1900-01-01T00:00:00Z").toEpochMilli(), readValue("Date32", LocalDate.of(1900, 1, 1)));
        Column dt = readValue("DateTime('Asia/Shanghai')", Instant.parse("2024-01-15T02:30:00Z"));
        assertColumn(DateColumn.class, Instant.parse("2024-01-15T02:30:00Z").toEpochMilli(), dt);
        assertEquals(DateColumn.DateType.DATETIME, ((DateColumn) dt).getSubType());
        assertColumn(DateColumn.class, 4294967295000L, readValue("DateTime", Instant.ofEpochSecond(4294967295L)));
    }

    @Test
    void dateTime64IsTruncatedToMillisOrFullText() {
        Instant t = Instant.parse("2024-01-15T02:30:00.123456789Z");
        assertColumn(DateColumn.class, t.toEpochMilli(), readValue("DateTime64(9, 'Asia/Shanghai')", t));
        ConversionOptions text = opts().dateTime64AsText(true).build();
        assertColumn(StringColumn.class, "2024-01-15 10:30:00.123456789", readValue("DateTime64(9, 'Asia/Shanghai')", t, text));
        assertColumn(StringColumn.class, "2024-01-15 02:30:00.123457", readValue("DateTime64(6)", Instant.parse("2024-01-15T02:30:00.123457Z"), text));
        assertColumn(StringColumn.class, "2024-01-15 02:30:00", readValue("DateTime64(0)", Instant.parse("2024-01-15T02:30:00Z"), text));
        // before 1970 truncation goes toward the past: -0.0005 s is -1 ms
        assertColumn(DateColumn.class, -1L, readValue("DateTime64(4, 'UTC')", Instant.parse("1969-12-31T23:59:59.9995Z")));
        assertColumn(StringColumn.class, "1900-01-01 00:00:00.000", readValue("DateTime64(3, 'UTC')", Instant.parse("1900-01-01T00:00:00Z"), text));
        assertEquals(StringColumn.class, readValue("Nullable(DateTime64(3))", null, text).getClass());
        assertEquals(DateColumn.class, readValue("Nullable(DateTime64(3))", null).getClass());
    }

    @Test
    void identifiersAreCanonicalText() throws Exception {
        assertColumn(StringColumn.class, "61f0c404-5cb3-11e7-907b-a6006ad3dba0",
                readValue("UUID", UUID.fromString("61F0C404-5CB3-11E7-907B-A6006AD3DBA0")));
        assertColumn(StringColumn.class, "127.0.0.1", readValue("IPv4", InetAddress.getByName("127.0.0.1")));
        assertColumn(StringColumn.class, "2001:db8::ff00:42:8329", readValue("IPv6", InetAddress.getByName("2001:db8:0:0:0:ff00:42:8329")));
        assertColumn(StringColumn.class, "::ffff:1.2.3.4", readValue("IPv6", InetAddress.getByName("1.2.3.4")));
        assertColumn(StringColumn.class, "::", readValue("IPv6", new byte[16]));
        assertColumn(StringColumn.class, "1::", readValue("IPv6", unhex("00010000000000000000000000000000")));
        assertColumn(StringColumn.class, "1:0:1:1:1:1:1:1", readValue("IPv6", unhex("00010000000100010001000100010001")));
        assertColumn(StringColumn.class, "1::1:0:0:1", readValue("IPv6", unhex("00010000000000000001000000000001")));
        assertColumn(StringColumn.class, "x'y", readValue("Enum8('x\\'y' = -128, 'b' = 2)", "x'y"));
        Column bad = assertDoesNotThrow(() -> readValue("Enum8('a' = 1)", "a"));
        assertEquals("a", bad.getRawData());
        ColumnConversionException e = assertThrows(ColumnConversionException.class, () -> read("Enum8('a' = 1)", unhex("05")));
        assertTrue(e.getMessage().contains("value 5 is not an entry"), e.getMessage());
    }

    @Test
    void boolAndNullsKeepTheirMappedClass() {
        assertColumn(BoolColumn.class, true, readValue("Bool", true));
        assertColumn(LongColumn.class, null, readValue("Nullable(UInt64)", null));
        assertColumn(DoubleColumn.class, null, readValue("Nullable(Decimal(9, 2))", null));
        assertColumn(DoubleColumn.class, null, readValue("Nullable(Float32)", null));
        assertColumn(StringColumn.class, null, readValue("Nullable(String)", null));
        assertColumn(StringColumn.class, null, readValue("LowCardinality(Nullable(String))", null));
        assertColumn(StringColumn.class, "x", readValue("LowCardinality(String)", "x"));
        assertColumn(DateColumn.class, null, readValue("Nullable(Date)", null));
        assertColumn(BoolColumn.class, null, readValue("Nullable(Bool)", null));
        assertColumn(StringColumn.class, null, readValue("Nullable(UUID)", null));
        assertColumn(StringColumn.class, null, readValue("Nullable(Nothing)", null));
    }

    @Test
    void compositesAreJsonText() {
        assertColumn(StringColumn.class, "[1,null,-9223372036854775808]", readValue("Array(Nullable(Int64))", Arrays.asList(1L, null, Long.MIN_VALUE)));
        assertColumn(StringColumn.class, "[]", readValue("Array(String)", List.of()));
        assertColumn(StringColumn.class, "[18446744073709551615]", readValue("Array(UInt64)", List.of(new BigInteger("18446744073709551615"))));
        assertColumn(StringColumn.class, "[\"a\\\"b\\\\\",\"\\u0000\",\"😀\"]", readValue("Array(String)", List.of("a\"b\\", "\0", "😀")));
        assertColumn(StringColumn.class, "[0.1,\"NaN\",\"-Infinity\",-0]", readValue("Array(Float32)", List.of(0.1f, Float.NaN, Float.NEGATIVE_INFINITY, -0f)));
        assertColumn(StringColumn.class, "[1.50]", readValue("Array(Decimal(9, 2))", List.of(new BigDecimal("1.50"))));
        assertColumn(StringColumn.class, "[\"2024-01-15\"]", readValue("Array(Date)", List.of(LocalDate.of(2024, 1, 15))));
        assertColumn(StringColumn.class, "[\"2024-01-15 10:30:00\"]", readValue("Array(DateTime('Asia/Shanghai'))", List.of(Instant.parse("2024-01-15T02:30:00Z"))));
        assertColumn(StringColumn.class, "[\"2024-01-15 02:30:00.100\"]", readValue("Array(DateTime64(3))", List.of(Instant.parse("2024-01-15T02:30:00.1Z"))));
        assertColumn(StringColumn.class, "[true,false]", readValue("Array(Bool)", List.of(true, false)));
        assertColumn(StringColumn.class, "[[],[\"x\"]]", readValue("Array(Array(String))", List.of(List.of(), List.of("x"))));
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(1L, List.of(1L, 2L));
        m.put(2L, List.of());
        assertColumn(StringColumn.class, "{\"1\":[1,2],\"2\":[]}", readValue("Map(UInt8, Array(UInt8))", m));
        assertColumn(StringColumn.class, "{}", readValue("Map(String, String)", Map.of()));
        Map<Object, Object> byString = new LinkedHashMap<>();
        byString.put("k\"", null);
        assertColumn(StringColumn.class, "{\"k\\\"\":null}", readValue("Map(String, Nullable(UInt8))", byString));
        assertColumn(StringColumn.class, "[1,\"a\",null]", readValue("Tuple(UInt8, String, Nullable(Date))", Arrays.asList(1L, "a", null)));
        assertColumn(StringColumn.class, "{\"a\":1,\"odd \\\"name\":\"x\"}", readValue("Tuple(a UInt8, `odd \"name` String)", List.of(1L, "x")));
        assertColumn(StringColumn.class, "[{\"a\":1,\"b\":null}]", readValue("Nested(a UInt8, b Nullable(String))", List.of(Arrays.asList(1L, null))));
        assertColumn(StringColumn.class, "[\"61f0c404-5cb3-11e7-907b-a6006ad3dba0\",null]", readValue("Array(Nullable(UUID))",
                Arrays.asList(UUID.fromString("61f0c404-5cb3-11e7-907b-a6006ad3dba0"), null)));
        assertColumn(StringColumn.class, "[\"2000-01-01\"]", readValue("Array(Date32)", List.of(LocalDate.of(2000, 1, 1))));
    }

    @Test
    void invalidUtf8InsideJsonFollowsThePolicy() {
        List<byte[]> v = List.of(new byte[] {'a', (byte) 0xff});
        assertThrows(ColumnConversionException.class, () -> readValue("Array(String)", v));
        assertColumn(StringColumn.class, "[\"a\uFFFD\"]", readValue("Array(String)", v, opts().invalidUtf8(InvalidUtf8Policy.REPLACE).build()));
    }
}
