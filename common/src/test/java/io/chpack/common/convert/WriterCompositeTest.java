package io.chpack.common.convert;

import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.StringColumn;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryCodecs;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.chpack.common.convert.Conv.*;
import static org.junit.jupiter.api.Assertions.*;

/** Array / Map / Tuple / Nested from JSON, Nullable, LowCardinality and NULL into non-Nullable columns. */
class WriterCompositeTest {
    /** What the codec writes for a value of its own model: the expected bytes. */
    private static String codec(String type, Object value) {
        return HexFormat.of().formatHex(codecBytes(type, value));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void arraysFromJsonText() {
        assertEquals("03010203", hex("Array(UInt8)", new StringColumn("[1,2,3]")));
        assertEquals("00", hex("Array(UInt8)", new StringColumn("[]")));
        assertEquals("00", hex("Array(UInt8)", new StringColumn(" [ ] ")));
        assertEquals("0101", hex("Array(UInt8)", new BytesColumn(utf8("[1]"))));
        assertEquals("020001" + "01", hex("Array(Nullable(UInt8))", new StringColumn("[1,null]")));
        assertEquals(codec("Array(Array(String))", List.of(List.of("a\"b"), List.of())),
                hex("Array(Array(String))", new StringColumn("[[\"a\\\"b\"],[]]")));
        assertEquals(codec("Array(String)", List.of("1", "1.50", "true", "😀")),
                hex("Array(String)", new StringColumn("[1,1.50,true,\"\\ud83d\\ude00\"]")), "elements follow String's rules");
        assertEquals(codec("Array(Decimal(9, 2))", List.of(new BigDecimal("0.10"))), hex("Array(Decimal(9, 2))", new StringColumn("[0.1]")));
        assertEquals(codec("Array(UInt64)", List.of(new BigInteger("18446744073709551615"))),
                hex("Array(UInt64)", new StringColumn("[18446744073709551615]")));
        assertEquals(codec("Array(DateTime('Asia/Shanghai'))", List.of(Instant.parse("2024-01-15T02:30:00Z"))),
                hex("Array(DateTime('Asia/Shanghai'))", new StringColumn("[\"2024-01-15 10:30:00\"]")));
        assertEquals(codec("Array(LowCardinality(Nullable(String)))", Arrays.asList(null, "x")),
                hex("Array(LowCardinality(Nullable(String)))", new StringColumn("[null,\"x\"]")));
        assertEquals(codec("Array(Array(Nullable(Int64)))", List.of(List.of(), Arrays.asList(null, Long.MIN_VALUE))),
                hex("Array(Array(Nullable(Int64)))", new StringColumn("[[],[null,-9223372036854775808]]")));
    }

    @Test
    void arrayElementsAreConvertedStrictlyAndNamedInErrors() {
        ColumnConversionException e = reject("Array(UInt8)", new StringColumn("[1,300]"));
        assertEquals("element [1]: 300 is out of range for UInt8 [0, 255]", e.reason());
        assertTrue(reject("Array(Array(UInt8))", new StringColumn("[[1],[2,-1]]")).reason().startsWith("element [1]: element [1]: "));
        assertTrue(reject("Array(UInt8)", new StringColumn("[1,]")).reason().contains("not valid JSON"));
        assertTrue(reject("Array(UInt8)", new StringColumn("{\"a\":1}")).reason().contains("not a JSON array"));
        reject("Array(UInt8)", new StringColumn("1,2"));
        reject("Array(UInt8)", new StringColumn("[1] x"));
        reject("Array(UInt8)", new StringColumn("[01]"));
        reject("Array(UInt8)", new StringColumn("[NaN]"));
        reject("Array(UInt8)", new StringColumn("[[1]]"));
        reject("Array(Decimal(9, 2))", new StringColumn("[1.005]"));
        reject("Array(UInt8)", new BytesColumn(new byte[] {'[', (byte) 0xff, ']'}));
        reject("Array(UInt8)", new LongColumn(1L));
        reject("Array(String)", new StringColumn("[\"\\ud800\"]")); // lone surrogate escape
        assertTrue(reject("Array(UInt8)", new StringColumn("[null]")).reason().contains("NULL cannot be written"));
    }

    @Test
    void mapsFromJsonObjects() {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("k", new BigInteger("18446744073709551615"));
        m.put("", BigInteger.ZERO);
        assertEquals(codec("Map(String, UInt64)", m), hex("Map(String, UInt64)", new StringColumn("{\"k\":18446744073709551615,\"\":0}")));
        assertEquals("00", hex("Map(String, UInt64)", new StringColumn("{}")));
        Map<Object, Object> byNumber = new LinkedHashMap<>();
        byNumber.put(1L, "a");
        assertEquals(codec("Map(UInt8, String)", byNumber), hex("Map(UInt8, String)", new StringColumn("{\"1\":\"a\"}")));
        // repeated keys are kept in order, as ClickHouse keeps them
        assertEquals("02" + "016b" + "01" + "016b" + "02", hex("Map(String, UInt8)", new StringColumn("{\"k\":1,\"k\":2}")));
        assertTrue(reject("Map(UInt8, String)", new StringColumn("{\"x\":\"a\"}")).reason().startsWith("key 'x': "));
        assertTrue(reject("Map(String, UInt8)", new StringColumn("{\"k\":256}")).reason().startsWith("value of key 'k': "));
        reject("Map(String, UInt8)", new StringColumn("[[\"k\",1]]"));
        Map<Object, Object> nested = new LinkedHashMap<>();
        nested.put("a", List.of(1L, 2L));
        assertEquals(codec("Map(String, Array(UInt8))", nested), hex("Map(String, Array(UInt8))", new StringColumn("{\"a\":[1,2]}")));
    }

    @Test
    void tuplesFromArraysOrObjectsByName() {
        assertEquals(codec("Tuple(UInt8, String)", List.of(1L, "a")), hex("Tuple(UInt8, String)", new StringColumn("[1,\"a\"]")));
        reject("Tuple(UInt8, String)", new StringColumn("[1]"));
        reject("Tuple(UInt8, String)", new StringColumn("[1,\"a\",2]"));
        reject("Tuple(UInt8, String)", new StringColumn("{\"1\":1}"));
        String named = "Tuple(a UInt8, b String)";
        assertEquals(codec(named, List.of(1L, "x")), hex(named, new StringColumn("{\"a\":1,\"b\":\"x\"}")));
        assertEquals(codec(named, List.of(1L, "x")), hex(named, new StringColumn("{\"b\":\"x\",\"a\":1}")));
        assertEquals(codec(named, List.of(1L, "x")), hex(named, new StringColumn("[1,\"x\"]")));
        assertTrue(reject(named, new StringColumn("{\"a\":1,\"c\":2}")).reason().contains("'c' is not an element"));
        assertTrue(reject(named, new StringColumn("{\"a\":1,\"a\":2,\"b\":\"\"}")).reason().contains("twice"));
        assertTrue(reject(named, new StringColumn("{\"a\":1}")).reason().startsWith("element 'b': NULL"));
        assertEquals(codec(named, List.of(1L, "")), hex(named, new StringColumn("{\"a\":1}"), opts().nullMode(NullMode.DEFAULT).build()));
        assertEquals(codec("Tuple(UInt8, Nullable(String), Date)", Arrays.asList(255L, null, LocalDate.of(2000, 2, 29))),
                hex("Tuple(UInt8, Nullable(String), Date)", new StringColumn("[255,null,\"2000-02-29\"]")));
    }

    @Test
    void nestedIsAnArrayOfNamedTuples() {
        String type = "Nested(a UInt8, b Nullable(String))";
        assertEquals(codec(type, List.of(Arrays.asList(1L, "x"), Arrays.asList(2L, null))),
                hex(type, new StringColumn("[{\"a\":1,\"b\":\"x\"},{\"a\":2,\"b\":null}]")));
        assertEquals("00", hex(type, new StringColumn("[]")));
        assertTrue(reject(type, new StringColumn("[{\"a\":1000}]")).reason().startsWith("element [0]: element 'a': "));
    }

    @Test
    void nullableAndLowCardinality() {
        assertEquals("01", hex("Nullable(UInt8)", new LongColumn((BigInteger) null)));
        assertEquals("01", hex("Nullable(UInt8)", null));
        assertEquals("0005", hex("Nullable(UInt8)", new LongColumn(5L)));
        assertEquals("01", hex("Nullable(String)", new StringColumn(null)));
        assertEquals("01", hex("Nullable(DateTime)", new DateColumn((Long) null)));
        assertEquals("01", hex("LowCardinality(Nullable(String))", new StringColumn(null)));
        assertEquals("000178", hex("LowCardinality(Nullable(String))", new StringColumn("x")));
        assertEquals("0178", hex("LowCardinality(String)", new StringColumn("x")));
        assertEquals("01", hex("Nullable(Nothing)", new StringColumn(null)));
        reject("Nullable(Nothing)", new StringColumn("x"));
        assertEquals("00", hex("Array(Nothing)", new StringColumn("[]")));
        reject("Array(Nothing)", new StringColumn("[1]"));
        reject("Nullable(UInt8)", new LongColumn(256L));
    }

    @Test
    void nullIntoNonNullableIsAnErrorByDefault() {
        ColumnConversionException e = reject("UInt8", new LongColumn((BigInteger) null));
        assertEquals("column 'c' (UInt8): cannot write LongColumn NULL: NULL cannot be written to non-Nullable UInt8 "
                + "(nullMode is error; nullMode default writes the type's default value instead)", e.getMessage());
        reject("String", new StringColumn(null));
        reject("Array(UInt8)", new StringColumn(null));
        reject("DateTime", null);
    }

    @Test
    void nullModeDefaultWritesClickHouseDefaults() {
        ConversionOptions d = opts().nullMode(NullMode.DEFAULT).build();
        StringColumn nul = new StringColumn(null);
        assertEquals("00", hex("UInt8", nul, d));
        assertEquals("0000000000000000", hex("Int64", nul, d));
        assertEquals("0000000000000000000000000000000000000000000000000000000000000000", hex("UInt256", nul, d));
        assertEquals("0000000000000000", hex("Float64", nul, d));
        assertEquals("00000000", hex("Decimal(9, 2)", nul, d));
        assertEquals("00000000000000000000000000000000", hex("Decimal(38, 2)", nul, d));
        assertEquals("00", hex("Bool", nul, d));
        assertEquals("00", hex("String", nul, d));
        assertEquals("0000", hex("FixedString(2)", nul, d));
        assertEquals("00000000000000000000000000000000", hex("UUID", nul, d));
        assertEquals("00000000", hex("IPv4", nul, d));
        assertEquals("00000000000000000000000000000000", hex("IPv6", nul, d));
        assertEquals("0000", hex("Date", nul, d));
        assertEquals(codec("Date32", LocalDate.of(1900, 1, 1)), hex("Date32", nul, d), "Date32's zero day is 1900-01-01");
        assertEquals("00000000", hex("DateTime('Asia/Shanghai')", nul, d));
        assertEquals("0000000000000000", hex("DateTime64(3)", nul, d));
        assertEquals("ff", hex("Enum8('b' = 2, 'a' = -1)", nul, d), "the entry with the smallest value");
        assertEquals("00", hex("Array(String)", nul, d));
        assertEquals("00", hex("Map(String, UInt8)", nul, d));
        assertEquals("00" + "01" + "00", hex("Tuple(UInt8, Nullable(String), String)", nul, d));
        assertEquals("01", hex("Nullable(UInt8)", nul, d), "Nullable still gets NULL");
        assertEquals("020100", hex("Array(UInt8)", new StringColumn("[1,null]"), d));
    }

    @Test
    void typesWithoutConversionAreRefusedAtCompileTime() {
        assertDoesNotThrow(() -> ColumnEncoder.compile("x", ClickHouseType.parse("DateTime('Europe/Moscow')"), OPTS));
        assertThrows(IllegalArgumentException.class,
                () -> ColumnEncoder.compile("x", ClickHouseType.parse("DateTime('Mars/Olympus')"), OPTS));
        assertNotNull(RowBinaryCodecs.forType("UInt8"));
    }
}
