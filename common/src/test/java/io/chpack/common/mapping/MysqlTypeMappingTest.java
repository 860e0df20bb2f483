package io.chpack.common.mapping;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.*;

class MysqlTypeMappingTest {
    private static final MysqlTypeMapping DEFAULTS = new MysqlTypeMapping(SourceReadOptions.defaults());

    /** Every row of the MySQL table in docs/type-mapping.md: source type → DataX Column type → ClickHouse type. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "tinyint               | LONG   | Int8",
        "tinyint(1)            | LONG   | Int8",
        "tinyint(3) unsigned   | LONG   | UInt8",
        "smallint              | LONG   | Int16",
        "smallint unsigned     | LONG   | UInt16",
        "mediumint             | LONG   | Int32",
        "mediumint unsigned    | LONG   | UInt32",
        "int(11)               | LONG   | Int32",
        "int unsigned          | LONG   | UInt32",
        "int(5) zerofill       | LONG   | UInt32",
        "bigint(20)            | LONG   | Int64",
        "bigint unsigned       | LONG   | UInt64",
        "decimal(65,30)        | DOUBLE | Decimal(65, 30)",
        "decimal(10,2) unsigned| DOUBLE | Decimal(10, 2)",
        "decimal               | DOUBLE | Decimal(10, 0)",
        "float                 | DOUBLE | Float32",
        "double                | DOUBLE | Float64",
        "bit(1)                | BOOL   | Bool",
        "bit                   | BOOL   | Bool",
        "bit(8)                | LONG   | UInt8",
        "bit(9)                | LONG   | UInt16",
        "bit(32)               | LONG   | UInt32",
        "bit(64)               | LONG   | UInt64",
        "year                  | LONG   | UInt16",
        "date                  | DATE   | Date32",
        "datetime              | DATE   | DateTime64(0)",
        "datetime(3)           | DATE   | DateTime64(3)",
        "datetime(6)           | STRING | DateTime64(6)",
        "timestamp             | DATE   | DateTime",
        "timestamp(3)          | DATE   | DateTime64(3)",
        "timestamp(6)          | STRING | DateTime64(6)",
        "time                  | STRING | String",
        "time(6)               | STRING | String",
        "char(10)              | STRING | String",
        "varchar(255)          | STRING | String",
        "tinytext              | STRING | String",
        "text                  | STRING | String",
        "mediumtext            | STRING | String",
        "longtext              | STRING | String",
        "json                  | STRING | String",
        "enum('a','b')         | STRING | String",
        "set('x','y')          | STRING | String",
        "binary(16)            | BYTES  | FixedString(16)",
        "varbinary(10)         | BYTES  | String",
        "tinyblob              | BYTES  | String",
        "blob                  | BYTES  | String",
        "mediumblob            | BYTES  | String",
        "longblob              | BYTES  | String",
        "uuid                  | STRING | UUID",
        "inet6                 | STRING | IPv6",
        "inet4                 | STRING | IPv4",
    })
    void mapsEveryType(String sourceType, Column.Type dataxType, String clickHouseType) {
        SourceColumnMapping m = DEFAULTS.map("c", sourceType);
        assertEquals(dataxType, m.dataxType());
        assertEquals(clickHouseType, m.clickHouseType().toString());
        assertEquals(sourceType, m.sourceType());
    }

    @Test
    void optionsChangeTheColumnType() {
        SourceReadOptions o = SourceReadOptions.defaults().withTinyInt1AsBool(true).withTimeOfDay(TimeOfDay.DATE_COLUMN)
                .withFractionalSeconds(FractionalSeconds.TEXT);
        MysqlTypeMapping m = new MysqlTypeMapping(o);
        assertEquals(Column.Type.BOOL, m.map("c", "tinyint(1)").dataxType());
        assertEquals("Bool", m.map("c", "tinyint(1)").clickHouseType().toString());
        assertEquals(Column.Type.LONG, m.map("c", "tinyint(1) unsigned").dataxType());
        assertEquals(Column.Type.LONG, m.map("c", "tinyint(2)").dataxType());
        assertEquals(Column.Type.DATE, m.map("c", "time").dataxType());
        assertEquals(Column.Type.STRING, m.map("c", "datetime").dataxType());
        assertEquals(Column.Type.DATE, new MysqlTypeMapping(SourceReadOptions.defaults()
                .withFractionalSeconds(FractionalSeconds.MILLIS)).map("c", "datetime(6)").dataxType());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"geometry", "point", "linestring", "polygon", "multipoint", "multilinestring",
        "multipolygon", "geometrycollection", "vector(3)"})
    void unsupportedTypesNameTheColumnAndTheWayOut(String type) {
        UnsupportedSourceTypeException e = assertThrows(UnsupportedSourceTypeException.class,
                () -> DEFAULTS.map("shape", type));
        assertEquals("shape", e.column());
        assertEquals(type, e.sourceType());
        assertTrue(e.getMessage().contains("column 'shape'") && e.getMessage().contains(type), e.getMessage());
        assertTrue(e.getMessage().contains("querySql"), e.getMessage());
    }

    @Test
    void outOfRangeParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.map("c", "decimal(66,2)"));
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.map("c", "bit(65)"));
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.map("c", "datetime(7)"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DEFAULTS.map("c", "int("));
        assertTrue(e.getMessage().startsWith("column 'c'"), e.getMessage());
    }

    // ------------------------------------------------------------ readers on driver-like values

    private static Column read(String type, Object value) throws Exception {
        return read(DEFAULTS, type, value);
    }

    private static Column read(MysqlTypeMapping m, String type, Object value) throws Exception {
        return m.map("c", type).reader().read(FakeResultSet.row(value), 1);
    }

    @Test
    void unsignedBigintKeepsValuesAboveLongMax() throws Exception {
        assertEquals(new BigInteger("18446744073709551615"), read("bigint unsigned", "18446744073709551615").getRawData());
        assertEquals(new BigInteger("42"), read("int(5) unsigned zerofill", "00042").getRawData());
        assertEquals(new BigInteger("-9223372036854775808"), read("bigint", "-9223372036854775808").getRawData());
        SourceValueException e = assertThrows(SourceValueException.class, () -> read("bigint unsigned", "x1"));
        assertEquals("c", e.column());
    }

    @Test
    void decimalsAndFloatsKeepExactText() throws Exception {
        String big = "12345678901234567890123456789012345.123456789012345678901234567890";
        assertEquals(big, read("decimal(65,30)", big).getRawData());
        assertEquals("-1.50", read("decimal(10,2)", "-1.50").getRawData());
        assertEquals("3.14", read("float", "3.14").getRawData());
        assertEquals("0.1", read("double", "0.1").getRawData());
        assertEquals("100000000000000000000", read("double", "1e20").getRawData());
        assertEquals("0.00001", read("float", "1e-5").getRawData());
        assertEquals(Column.Type.DOUBLE, read("double", null).getType());
        assertNull(read("double", null).getRawData());
    }

    @Test
    void bitsAndYear() throws Exception {
        assertEquals(Boolean.TRUE, read("bit(1)", new byte[]{1}).getRawData());
        assertEquals(Boolean.FALSE, read("bit(1)", new byte[]{0}).getRawData());
        byte[] ones = {-1, -1, -1, -1, -1, -1, -1, -1};
        assertEquals(new BigInteger("18446744073709551615"), read("bit(64)", ones).getRawData());
        assertEquals(BigInteger.valueOf(5), read("bit(3)", new byte[]{5}).getRawData());
        assertEquals(BigInteger.valueOf(2024), read("year", "2024").getRawData());
        assertEquals(BigInteger.valueOf(2024), read("year", "2024-01-01").getRawData());
        assertEquals(BigInteger.ZERO, read("year", "0000").getRawData());
        assertEquals(Column.Type.BOOL, read("bit(1)", null).getType());
    }

    @Test
    void tinyint1IsANumberUnlessAskedOtherwise() throws Exception {
        assertEquals(BigInteger.valueOf(2), read("tinyint(1)", "2").getRawData());
        MysqlTypeMapping bools = new MysqlTypeMapping(SourceReadOptions.defaults().withTinyInt1AsBool(true));
        assertEquals(Boolean.TRUE, read(bools, "tinyint(1)", "1").getRawData());
        SourceValueException e = assertThrows(SourceValueException.class, () -> read(bools, "tinyint(1)", "2"));
        assertTrue(e.getMessage().contains("'2'"), e.getMessage());
    }

    @Test
    void datesAndDateTimesInTheConfiguredZone() throws Exception {
        Column d = read("date", "1000-01-01");
        assertEquals(Instant.parse("1000-01-01T00:00:00Z").toEpochMilli(), d.getRawData());
        assertEquals(DateColumn.DateType.DATE, ((DateColumn) d).getSubType());
        assertEquals(Instant.parse("2024-01-02T03:04:05.123Z").toEpochMilli(), read("datetime(3)", "2024-01-02 03:04:05.123").getRawData());
        assertEquals(Instant.parse("2024-01-02T03:04:05Z").toEpochMilli(), read("datetime", "2024-01-02 03:04:05").getRawData());
        MysqlTypeMapping shanghai = new MysqlTypeMapping(SourceReadOptions.defaults().withTimeZone(ZoneId.of("Asia/Shanghai")));
        assertEquals(Instant.parse("2024-01-01T19:04:05Z").toEpochMilli(), read(shanghai, "datetime", "2024-01-02 03:04:05").getRawData());
    }

    @Test
    void microsecondsTravelAsTextByDefaultOrAreTruncatedByOption() throws Exception {
        assertEquals("2024-01-02 03:04:05.123456", read("datetime(6)", "2024-01-02 03:04:05.123456").getRawData());
        assertEquals("2024-01-02 03:04:05.100000", read("datetime(6)", "2024-01-02 03:04:05.1").getRawData());
        assertEquals("2024-01-02T03:04:05.123456Z", read("timestamp(6)", "2024-01-02 03:04:05.123456").getRawData());
        MysqlTypeMapping millis = new MysqlTypeMapping(SourceReadOptions.defaults().withFractionalSeconds(FractionalSeconds.MILLIS));
        assertEquals(Instant.parse("2024-01-02T03:04:05.123Z").toEpochMilli(), read(millis, "datetime(6)", "2024-01-02 03:04:05.123999").getRawData());
        MysqlTypeMapping text = new MysqlTypeMapping(SourceReadOptions.defaults().withFractionalSeconds(FractionalSeconds.TEXT));
        assertEquals("2024-01-02 03:04:05", read(text, "datetime", "2024-01-02 03:04:05").getRawData());
        MysqlTypeMapping session = new MysqlTypeMapping(SourceReadOptions.defaults().withSessionTimeZone(ZoneId.of("+08:00")));
        assertEquals("2024-01-01T19:04:05.000001Z", read(session, "timestamp(6)", "2024-01-02 03:04:05.000001").getRawData());
    }

    @ParameterizedTest
    @CsvSource({"date,0000-00-00", "datetime,0000-00-00 00:00:00", "datetime(6),2024-00-10 00:00:00.000000",
        "date,2024-02-30", "timestamp,0000-00-00 00:00:00", "date,2024-05-00"})
    void zeroDatesAreNullOrAnErrorByOption(String type, String value) throws Exception {
        Column c = read(type, value);
        assertNull(c.getRawData());
        MysqlTypeMapping strict = new MysqlTypeMapping(SourceReadOptions.defaults().withZeroDates(InvalidDateBehavior.EXCEPTION));
        SourceValueException e = assertThrows(SourceValueException.class, () -> read(strict, type, value));
        assertEquals(value, e.value());
        assertTrue(e.getMessage().startsWith("column 'c' (" + type + "): value '" + value + "'"), e.getMessage());
    }

    @Test
    void malformedTemporalTextIsAnErrorNotANull() {
        assertThrows(SourceValueException.class, () -> read("datetime", "yesterday"));
        assertThrows(SourceValueException.class, () -> read("time", "12:61:00"));
    }

    @Test
    void timeIsTextOrATimeOfDay() throws Exception {
        assertEquals("-838:59:59.000000", read("time(6)", "-838:59:59.000000").getRawData());
        assertEquals("12:00:00", read("time", "12:00:00").getRawData());
        assertEquals("01:02:03.500", read("time(3)", "01:02:03.5").getRawData());
        MysqlTypeMapping tod = new MysqlTypeMapping(SourceReadOptions.defaults().withTimeOfDay(TimeOfDay.DATE_COLUMN));
        Column t = read(tod, "time", "01:02:03");
        assertEquals(3_723_000L, t.getRawData());
        assertEquals(DateColumn.DateType.TIME, ((DateColumn) t).getSubType());
        assertThrows(SourceValueException.class, () -> read(tod, "time", "25:00:00"));
        assertThrows(SourceValueException.class, () -> read(tod, "time", "-00:00:01"));
    }

    @Test
    void textAndBytesPassThrough() throws Exception {
        assertEquals("😀 x", read("varchar(10)", "😀 x").getRawData());
        assertArrayEquals(new byte[]{0, -1, 0}, (byte[]) read("blob", new byte[]{0, -1, 0}).getRawData());
        assertEquals("{\"a\": [1, 2]}", read("json", "{\"a\": [1, 2]}").getRawData());
        assertEquals(Column.Type.BYTES, read("binary(4)", null).getType());
    }
}
