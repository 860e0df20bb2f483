package io.chpack.common.mapping;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.*;

class PostgresTypeMappingTest {
    private static final PostgresTypeMapping DEFAULTS = new PostgresTypeMapping(SourceReadOptions.defaults());

    /** Every row of the PostgreSQL table in docs/type-mapping.md. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "smallint                    | LONG   | Int16",
        "integer                     | LONG   | Int32",
        "bigint                      | LONG   | Int64",
        "oid                         | LONG   | UInt32",
        "xid8                        | LONG   | UInt64",
        "numeric(10,2)               | DOUBLE | Decimal(10, 2)",
        "numeric(76,0)               | DOUBLE | Decimal(76, 0)",
        "numeric(77,0)               | DOUBLE | String",
        "numeric(5,-2)               | DOUBLE | String",
        "numeric                     | DOUBLE | String",
        "money                       | DOUBLE | Decimal(19, 2)",
        "real                        | DOUBLE | Float32",
        "double precision            | DOUBLE | Float64",
        "boolean                     | BOOL   | Bool",
        "text                        | STRING | String",
        "character varying(20)       | STRING | String",
        "character(5)                | STRING | String",
        "name                        | STRING | String",
        "\"char\"                    | STRING | String",
        "bytea                       | BYTES  | String",
        "date                        | DATE   | Date32",
        "time                        | STRING | String",
        "time(3) with time zone      | STRING | String",
        "timestamp(0)                | DATE   | DateTime64(0)",
        "timestamp(3)                | DATE   | DateTime64(3)",
        "timestamp                   | STRING | DateTime64(6)",
        "timestamptz(3)              | DATE   | DateTime64(3)",
        "timestamp with time zone    | STRING | DateTime64(6)",
        "interval                    | STRING | String",
        "uuid                        | STRING | UUID",
        "json                        | STRING | String",
        "jsonb                       | STRING | String",
        "inet                        | STRING | String",
        "cidr                        | STRING | String",
        "macaddr                     | STRING | String",
        "bit(3)                      | STRING | String",
        "bit varying(8)              | STRING | String",
        "xml                         | STRING | String",
        "tsvector                    | STRING | String",
        "point                       | STRING | String",
        "int4range                   | STRING | String",
        "pg_lsn                      | STRING | String",
        "_int4                       | STRING | Array(Nullable(Int32))",
        "integer[]                   | STRING | Array(Nullable(Int32))",
        "int8[][]                    | STRING | Array(Array(Nullable(Int64)))",
        "numeric(10,2)[]             | STRING | Array(Nullable(Decimal(10, 2)))",
        "text[]                      | STRING | Array(Nullable(String))",
        "boolean[]                   | STRING | Array(Nullable(Bool))",
        "date[]                      | STRING | Array(Nullable(Date32))",
        "timestamp[]                 | STRING | Array(Nullable(DateTime64(6)))",
        "uuid[]                      | STRING | Array(Nullable(UUID))",
        "timestamptz[]               | STRING | Array(Nullable(String))",
        "bytea[]                     | STRING | Array(Nullable(String))",
        "jsonb[]                     | STRING | Array(Nullable(String))",
    })
    void mapsEveryType(String sourceType, Column.Type dataxType, String clickHouseType) {
        SourceColumnMapping m = DEFAULTS.map("c", sourceType);
        assertEquals(dataxType, m.dataxType());
        assertEquals(clickHouseType, m.clickHouseType().toString());
    }

    @Test
    void enumsAndUnknownTypes() {
        UnsupportedSourceTypeException e = assertThrows(UnsupportedSourceTypeException.class,
                () -> DEFAULTS.map("mood", "mood"));
        assertTrue(e.getMessage().contains("column 'mood'") && e.getMessage().contains("mapEnum"), e.getMessage());
        assertThrows(UnsupportedSourceTypeException.class, () -> DEFAULTS.map("h", "hstore"));
        assertThrows(UnsupportedSourceTypeException.class, () -> DEFAULTS.map("x", "USER-DEFINED"));
        SourceColumnMapping en = DEFAULTS.mapEnum("mood", "mood");
        assertEquals(Column.Type.STRING, en.dataxType());
        assertEquals("String", en.clickHouseType().toString());
        assertEquals("Array(Nullable(String))", DEFAULTS.mapEnum("moods", "_mood").clickHouseType().toString());
        PostgresTypeMapping lenient = new PostgresTypeMapping(SourceReadOptions.defaults().withUnknownTypesAsText(true));
        assertEquals(Column.Type.STRING, lenient.map("h", "hstore").dataxType());
    }

    private static Column read(String type, Object value) throws Exception {
        return read(DEFAULTS, type, value);
    }

    private static Column read(PostgresTypeMapping m, String type, Object value) throws Exception {
        return m.map("c", type).reader().read(FakeResultSet.row(value), 1);
    }

    @Test
    void numericIsExactAndNaNIsAnErrorOrNull() throws Exception {
        String big = "123456789012345678901234567890.000000000000000000001";
        assertEquals(big, read("numeric", big).getRawData());
        assertEquals("-1.50", read("numeric(10,2)", "-1.50").getRawData());
        for (String nan : new String[]{"NaN", "Infinity", "-Infinity"}) {
            SourceValueException e = assertThrows(SourceValueException.class, () -> read("numeric", nan));
            assertTrue(e.getMessage().contains("'" + nan + "'"), e.getMessage());
            PostgresTypeMapping asNull = new PostgresTypeMapping(SourceReadOptions.defaults().withNumericNaNAsNull(true));
            assertNull(read(asNull, "numeric", nan).getRawData());
        }
        assertEquals("NaN", read("real", "NaN").getRawData());
        assertEquals("-Infinity", read("double precision", "-Infinity").getRawData());
    }

    @Test
    void moneyInTheCLocaleOnly() throws Exception {
        assertEquals("1234.56", read("money", "$1,234.56").getRawData());
        assertEquals("-0.01", read("money", "-$0.01").getRawData());
        assertEquals("92233720368547758.07", read("money", "$92,233,720,368,547,758.07").getRawData());
        SourceValueException e = assertThrows(SourceValueException.class, () -> read("money", "1.234,56 €"));
        assertTrue(e.getMessage().contains("::numeric"), e.getMessage());
    }

    @Test
    void temporalValues() throws Exception {
        assertEquals(Instant.parse("1960-02-29T00:00:00Z").toEpochMilli(), read("date", LocalDate.of(1960, 2, 29)).getRawData());
        assertEquals("2024-01-02 03:04:05.123456", read("timestamp", LocalDateTime.parse("2024-01-02T03:04:05.123456")).getRawData());
        assertEquals(Instant.parse("2024-01-02T03:04:05.123Z").toEpochMilli(),
                read("timestamp(3)", LocalDateTime.parse("2024-01-02T03:04:05.123")).getRawData());
        assertEquals("2024-01-01T21:34:05.000001Z",
                read("timestamptz", OffsetDateTime.parse("2024-01-02T03:04:05.000001+05:30")).getRawData());
        assertEquals("24:00:00.000000", read("time", "24:00:00").getRawData());
        assertEquals("13:45:01.5+02", read("timetz", "13:45:01.5+02").getRawData());
        assertEquals("-0043-03-15 00:00:00.000000", read("timestamp", LocalDateTime.of(-43, 3, 15, 0, 0)).getRawData());
    }

    @Test
    void infinityIsAnErrorOrNullByOption() throws Exception {
        SourceValueException e = assertThrows(SourceValueException.class, () -> read("date", LocalDate.MAX));
        assertEquals("infinity", e.value());
        assertThrows(SourceValueException.class, () -> read("timestamp", LocalDateTime.MIN));
        assertThrows(SourceValueException.class, () -> read("timestamptz(3)", OffsetDateTime.MAX));
        PostgresTypeMapping asNull = new PostgresTypeMapping(SourceReadOptions.defaults()
                .withInfiniteDates(InvalidDateBehavior.CONVERT_TO_NULL));
        Column d = read(asNull, "date", LocalDate.MIN);
        assertNull(d.getRawData());
        assertEquals(DateColumn.DateType.DATE, ((DateColumn) d).getSubType());
        assertEquals(Column.Type.STRING, read(asNull, "timestamptz", OffsetDateTime.MAX).getType());
    }

    @Test
    void arraysBecomeJson() throws Exception {
        assertEquals("[1,null,3]", read("_int4", "{1,NULL,3}").getRawData());
        assertEquals("[[1,2],[3,4]]", read("int4[][]", "{{1,2},{3,4}}").getRawData());
        assertEquals("[\"a,b\",null,\"c\\\"d\",\"NULL\",\"\"]", read("text[]", "{\"a,b\",NULL,\"c\\\"d\",\"NULL\",\"\"}").getRawData());
        assertEquals("[true,false,null]", read("bool[]", "{t,f,NULL}").getRawData());
        assertEquals("[1.50,\"NaN\"]", read("numeric[]", "{1.50,NaN}").getRawData());
        assertEquals("[1,2]", read("int4[]", "[0:1]={1,2}").getRawData());
        assertEquals("[]", read("int4[]", "{}").getRawData());
        assertEquals("[\"(1,1),(0,0)\",\"(2,2),(1,1)\"]", read("box[]", "{(1,1),(0,0);(2,2),(1,1)}").getRawData());
        assertNull(read("int4[]", null).getRawData());
        assertThrows(SourceValueException.class, () -> read("int4[]", "{1,2"));
    }

    @Test
    void booleansBytesAndIntegers() throws Exception {
        assertEquals(Boolean.TRUE, read("boolean", Boolean.TRUE).getRawData());
        assertEquals(Column.Type.BOOL, read("boolean", null).getType());
        assertArrayEquals(new byte[]{0, 1, 0}, (byte[]) read("bytea", new byte[]{0, 1, 0}).getRawData());
        assertEquals(BigInteger.valueOf(-32768), read("smallint", "-32768").getRawData());
        assertNull(read("bigint", null).getRawData());
    }
}
