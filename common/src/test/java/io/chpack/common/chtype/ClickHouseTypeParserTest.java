package io.chpack.common.chtype;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ClickHouseTypeParserTest {

    /** Canonical strings as the servers print them: each must parse and print back identically. */
    @ParameterizedTest
    @ValueSource(strings = {
            "Int8", "Int16", "Int32", "Int64", "Int128", "Int256",
            "UInt8", "UInt16", "UInt32", "UInt64", "UInt128", "UInt256",
            "Float32", "Float64", "BFloat16", "Bool", "String", "UUID", "Date", "Date32", "IPv4", "IPv6", "Nothing",
            "Decimal(9, 3)", "Decimal(20, 4)", "Decimal(76, 76)", "Decimal(1, 0)",
            "FixedString(1)", "FixedString(16)",
            "DateTime", "DateTime('Asia/Shanghai')", "DateTime64(3)", "DateTime64(9, 'UTC')", "DateTime64(0, 'Europe/Amsterdam')",
            "Enum8('a' = 1, 'b' = 2)", "Enum16('a' = -32768, 'z' = 32767)",
            "Enum8('x\\'y' = -3, 'n\\nl' = 1, 'b\\\\c' = 2, 'co,m(p) a' = 5, 't\\tz\\0' = 6)",
            "Nullable(String)", "Nullable(Nothing)", "LowCardinality(String)", "LowCardinality(Nullable(String))",
            "Array(Nothing)", "Array(Array(Nullable(Int64)))", "Map(String, UInt64)", "Map(LowCardinality(String), Array(Nullable(Decimal(38, 10))))",
            "Tuple(UInt8, String)", "Tuple(UInt8, Nullable(String))", "Tuple(a UInt8, b Tuple(c String, d Array(Date)))",
            "Tuple(`a b` String, `1x` Int8, `q\\`t` UUID)", "Tuple()",
            "Nested(a UInt8, b String)", "Array(Tuple(Enum8('f\\'()' = 0), Array(Nullable(Tuple(UInt32, String)))))",
            "Nullable(Tuple(UInt8, String))",
    })
    void canonicalStringsRoundTrip(String s) {
        ClickHouseType t = ClickHouseType.parse(s);
        assertEquals(s, t.toString());
        assertEquals(t, ClickHouseType.parse(t.toString()));
        assertEquals(t.hashCode(), ClickHouseType.parse(s).hashCode());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "  Array( Nullable ( Int32 ) )  | Array(Nullable(Int32))",
            "Map(String,UInt64)              | Map(String, UInt64)",
            "Decimal(9,2)                    | Decimal(9, 2)",
            "Decimal32(3)                    | Decimal(9, 3)",
            "Decimal64(4)                    | Decimal(18, 4)",
            "Decimal128(10)                  | Decimal(38, 10)",
            "Decimal256(20)                  | Decimal(76, 20)",
            "Decimal                         | Decimal(10, 0)",
            "Decimal(5)                      | Decimal(5, 0)",
            "DateTime64( 6 ,'UTC' )          | DateTime64(6, 'UTC')",
            "DateTime()                      | DateTime",
            "Enum8('b'=2,'a'=1)              | Enum8('a' = 1, 'b' = 2)",
            "Enum('a', 'b')                  | Enum8('a' = 1, 'b' = 2)",
            "Enum('a' = 1000)                | Enum16('a' = 1000)",
            "Enum8('it''s' = 1)              | Enum8('it\\'s' = 1)",
            "Enum8('\\x41\\xC3\\xA9' = 1)    | Enum8('Aé' = 1)",
            "Enum8('\\a\\v\\q' = 1)          | Enum8('\u0007\u000Bq' = 1)",
            "Tuple(\"x\" Int8, `y` Int8)     | Tuple(x Int8, y Int8)",
            "Tuple(String String)            | Tuple(String String)",
            "SimpleAggregateFunction(sum, UInt64)                 | UInt64",
            "SimpleAggregateFunction(anyLast, Nullable(String))   | Nullable(String)",
            "SimpleAggregateFunction(groupArrayArray(10), Array(UInt8)) | Array(UInt8)",
            "Array(SimpleAggregateFunction(max, DateTime('UTC')))  | Array(DateTime('UTC'))",
    })
    void variantsNormaliseToCanonical(String input, String canonical) {
        assertEquals(canonical, ClickHouseType.parse(input).toString());
    }

    @Test
    void accessorsOfScalars() {
        ClickHouseType d = ClickHouseType.parse("Decimal(20, 4)");
        assertEquals(ClickHouseTypeKind.DECIMAL, d.kind());
        assertEquals(20, d.precision());
        assertEquals(4, d.scale());
        assertEquals(16, d.decimalByteWidth());
        assertEquals(16, d.fixedByteWidth());
        assertEquals(4, ClickHouseType.parse("Decimal32(2)").fixedByteWidth());
        assertEquals(8, ClickHouseType.parse("Decimal(18, 2)").fixedByteWidth());
        assertEquals(32, ClickHouseType.parse("Decimal(39, 2)").fixedByteWidth());

        assertEquals(16, ClickHouseType.parse("FixedString(16)").length());
        assertEquals(16, ClickHouseType.parse("FixedString(16)").fixedByteWidth());
        assertNull(ClickHouseType.parse("DateTime").timeZone());
        assertEquals("Asia/Shanghai", ClickHouseType.parse("DateTime('Asia/Shanghai')").timeZone());
        ClickHouseType dt64 = ClickHouseType.parse("DateTime64(6, 'UTC')");
        assertEquals(6, dt64.dateTime64Precision());
        assertEquals("UTC", dt64.timeZone());
        assertNull(ClickHouseType.parse("DateTime64(3)").timeZone());
        assertThrows(IllegalStateException.class, () -> ClickHouseType.parse("String").timeZone());
        assertThrows(IllegalStateException.class, () -> ClickHouseType.parse("Int8").precision());

        assertEquals(1, ClickHouseType.parse("Int8").fixedByteWidth());
        assertEquals(32, ClickHouseType.parse("UInt256").fixedByteWidth());
        assertEquals(2, ClickHouseType.parse("BFloat16").fixedByteWidth());
        assertEquals(16, ClickHouseType.parse("UUID").fixedByteWidth());
        assertEquals(-1, ClickHouseType.parse("String").fixedByteWidth());
        assertEquals(-1, ClickHouseType.parse("Nullable(Int8)").fixedByteWidth());
        assertEquals(4, ClickHouseType.parse("LowCardinality(UInt32)").fixedByteWidth());
        assertEquals(13, ClickHouseType.parse("Tuple(Int8, UInt32, Int64)").fixedByteWidth());
        assertEquals(-1, ClickHouseType.parse("Tuple(Int8, String)").fixedByteWidth());
        assertTrue(ClickHouseTypeKind.UINT64.isInteger());
        assertFalse(ClickHouseTypeKind.UINT64.isSigned());
    }

    @Test
    void enumEntriesBothWays() {
        ClickHouseType e = ClickHouseType.parse("Enum8('x\\'y' = -3, 'co,m(p) a' = 5, 'n\\nl' = 1)");
        EnumValues v = e.enumValues();
        assertEquals(Arrays.asList("x'y", "n\nl", "co,m(p) a"), v.names());
        assertEquals(-3, v.valueOf("x'y"));
        assertEquals("co,m(p) a", v.nameOf(5));
        assertNull(v.nameOf(2));
        assertNull(v.valueOf("nope"));
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("x'y", -3);
        expected.put("n\nl", 1);
        expected.put("co,m(p) a", 5);
        assertEquals(expected, v.asMap());
        assertEquals(ClickHouseType.enum8(expected), e);
    }

    @Test
    void wrappersAndContainers() {
        ClickHouseType lcn = ClickHouseType.parse("LowCardinality(Nullable(String))");
        assertTrue(lcn.isNullable());
        assertEquals(ClickHouseTypeKind.NULLABLE, lcn.unwrapLowCardinality().kind());
        assertEquals(ClickHouseType.of(ClickHouseTypeKind.STRING), lcn.valueType());
        assertSame(lcn, lcn.unwrapNullable());
        ClickHouseType n = ClickHouseType.parse("Nullable(Int32)");
        assertTrue(n.isNullable());
        assertEquals("Int32", n.unwrapNullable().toString());
        assertFalse(ClickHouseType.parse("Array(Nullable(Int32))").isNullable());

        ClickHouseType m = ClickHouseType.parse("Map(String, Array(UInt8))");
        assertEquals("String", m.mapKeyType().toString());
        assertEquals("Array(UInt8)", m.mapValueType().toString());
        assertEquals("UInt8", m.mapValueType().elementType().toString());

        ClickHouseType t = ClickHouseType.parse("Tuple(`a b` String, c Nullable(Int8))");
        assertEquals(Arrays.asList("a b", "c"), t.tupleElementNames());
        assertEquals("Nullable(Int8)", t.tupleElementTypes().get(1).toString());
        assertNull(ClickHouseType.parse("Tuple(String, Int8)").tupleElementNames());
    }

    @Test
    void nestedIsAnArrayOfNamedTuplesAndFlattens() {
        ClickHouseType n = ClickHouseType.parse("Nested(a UInt8, `b c` String)");
        assertEquals(ClickHouseTypeKind.NESTED, n.kind());
        assertEquals("Tuple(a UInt8, `b c` String)", n.elementType().toString());
        Map<String, ClickHouseType> flat = n.flattenedNestedColumns("n");
        assertEquals(Arrays.asList("n.a", "n.b c"), Arrays.asList(flat.keySet().toArray()));
        assertEquals("Array(String)", flat.get("n.b c").toString());
        assertEquals(-1, n.fixedByteWidth());
    }

    @Test
    void factoriesMatchParser() {
        List<String> names = Arrays.asList("a", "b");
        List<ClickHouseType> types = Arrays.asList(ClickHouseType.of(ClickHouseTypeKind.UINT8),
                ClickHouseType.nullable(ClickHouseType.of(ClickHouseTypeKind.STRING)));
        assertEquals(ClickHouseType.parse("Tuple(a UInt8, b Nullable(String))"), ClickHouseType.namedTuple(names, types));
        assertEquals(ClickHouseType.parse("Map(String, DateTime64(3, 'UTC'))"),
                ClickHouseType.map(ClickHouseType.of(ClickHouseTypeKind.STRING), ClickHouseType.dateTime64(3, "UTC")));
        assertNotEquals(ClickHouseType.parse("DateTime"), ClickHouseType.parse("DateTime('UTC')"));
        assertNotEquals(ClickHouseType.parse("Tuple(a Int8)"), ClickHouseType.parse("Tuple(Int8)"));
        assertThrows(IllegalArgumentException.class, () -> ClickHouseType.of(ClickHouseTypeKind.DECIMAL));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                          | 0",
            "Array(                      | 6",
            "Array(UInt8                 | 11",
            "Array(UInt8))               | 12",
            "Int32(1)                    | 5",
            "FixedString(0)              | 12",
            "FixedString(x)              | 12",
            "FixedString                 | 11",
            "Decimal(77, 2)              | 8",
            "Decimal(9, 10)              | 11",
            "Decimal32(10)               | 10",
            "DateTime64(10)              | 11",
            "DateTime64                  | 10",
            "DateTime(UTC)               | 9",
            "DateTime('UTC               | 9",
            "Enum8('a' = 1, 'a' = 2)     | 15",
            "Enum8('a' = 200)            | 0",
            "Enum8('a' = 1, 'b' = 1)     | 0",
            "Enum8('a')                  | 9",
            "Enum8('a' = )               | 12",
            "Map(String)                 | 10",
            "Tuple(a Int8, Int8)         | 14",
            "Tuple(a Int8, a Int8)       | 0",
            "Nested(Int8)                | 7",
            "Nullable(Nullable(Int8))    | 0",
            "Nullable(Array(Int8))       | 0",
            "Nullable(LowCardinality(String)) | 0",
            "LowCardinality(Array(String))    | 0",
            "3Int                        | 0",
            "Int32 Int32                 | 6",
            "Enum8('a\\x4' = 1)          | 8",
    })
    void malformedStringsNameThePosition(String input, int position) {
        ClickHouseTypeSyntaxException e = assertThrows(ClickHouseTypeSyntaxException.class,
                () -> ClickHouseType.parse(input));
        assertEquals(position, e.position(), e.getMessage());
        assertEquals(input, e.typeString());
        assertTrue(e.getMessage().contains("position " + position), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "JSON                              | JSON",
            "JSON(max_dynamic_paths = 10, a UInt8) | JSON(max_dynamic_paths = 10, a UInt8)",
            "Object('json')                    | Object('json')",
            "Variant(String, UInt64)           | Variant(String, UInt64)",
            "Dynamic                           | Dynamic",
            "Dynamic(max_types=8)              | Dynamic(max_types=8)",
            "AggregateFunction(uniq, UInt64)   | AggregateFunction(uniq, UInt64)",
            "Array(JSON)                       | JSON",
            "Map(String, Variant(UInt8, String)) | Variant(UInt8, String)",
            "Time64(3)                         | Time64(3)",
            "IntervalDay                       | IntervalDay",
            "Point                             | Point",
            "Int512                            | Int512",
            "Tuple(a Int8, b Object('json'))   | Object('json')",
    })
    void unsupportedTypesNameThemselvesAndAWayOut(String input, String part) {
        UnsupportedClickHouseTypeException e = assertThrows(UnsupportedClickHouseTypeException.class,
                () -> ClickHouseType.parse(input));
        assertEquals(input, e.typeString());
        assertEquals(part, e.unsupportedPart());
        assertTrue(e.getMessage().contains("'" + part + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("CAST(col AS String)") || e.getMessage().contains("finalizeAggregation"),
                e.getMessage());
    }

    @Test
    void onlyJsonHasAStringPassThrough() {
        UnsupportedClickHouseTypeException json = assertThrows(UnsupportedClickHouseTypeException.class,
                () -> ClickHouseType.parse("JSON"));
        assertEquals(Arrays.asList("output_format_binary_write_json_as_string=1",
                "input_format_binary_read_json_as_string=1"), json.stringPassThroughSettings());
        UnsupportedClickHouseTypeException dyn = assertThrows(UnsupportedClickHouseTypeException.class,
                () -> ClickHouseType.parse("Dynamic"));
        assertTrue(dyn.stringPassThroughSettings().isEmpty());
    }

    @Test
    void nullIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ClickHouseType.parse(null));
    }
}
