package io.chpack.odpswriterext.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.StringColumn;
import com.aliyun.odps.data.Char;
import com.aliyun.odps.data.Struct;
import com.aliyun.odps.data.Varchar;
import com.aliyun.odps.type.TypeInfoParser;

class ValueConverterTest {
    private final ValueConverter conv = new ValueConverter(false, 1024, ZoneId.of("Asia/Shanghai"));

    private Object convert(com.alibaba.datax.common.element.Column c, String type) throws DirtyValueException {
        return conv.convert(c, ValueConverter.target(TypeInfoParser.getTypeInfoFromTypeString(type)), "c");
    }

    private String dirty(com.alibaba.datax.common.element.Column c, String type) {
        return assertThrows(DirtyValueException.class, () -> convert(c, type)).getMessage();
    }

    @Test
    void scalarsAreWrappedAsTheSdkWantsThem() throws Exception {
        assertEquals(new Varchar("abc", 5), convert(new StringColumn("abc"), "VARCHAR(5)"));
        assertEquals(new Char("ab", 4).toString(), convert(new StringColumn("ab"), "CHAR(4)").toString());
        assertTrue(Double.isNaN((Double) convert(new DoubleColumn("NaN"), "DOUBLE")));
        assertEquals(Float.NEGATIVE_INFINITY, convert(new StringColumn("-inf"), "FLOAT"));
        assertEquals(ZonedDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneId.of("Asia/Shanghai")),
                convert(new StringColumn("2026-01-02 03:04:05"), "DATETIME"));
        assertEquals(Instant.parse("2026-01-01T19:04:05.123456789Z"),
                convert(new StringColumn("2026-01-02 03:04:05.123456789"), "TIMESTAMP"));
        assertEquals(Instant.parse("2026-01-02T03:04:05.5Z"), convert(new StringColumn("2026-01-02T03:04:05.5Z"),
                "TIMESTAMP"));
        assertEquals(LocalDate.of(2026, 1, 2), convert(new StringColumn("2026-01-02"), "DATE"));
        assertNull(convert(new StringColumn(null), "ARRAY<INT>"));
    }

    @Test
    void temporalTextIsCheckedAgainstTheTargetPrecision() {
        assertTrue(dirty(new StringColumn("2026-01-02 03:04:05.1234"), "DATETIME").contains("below a millisecond"));
        assertTrue(dirty(new StringColumn("2026-01-02 03:04:05"), "DATE").contains("time of day"));
        assertTrue(dirty(new StringColumn("yesterday"), "TIMESTAMP").contains("is not a date-time"));
    }

    @Test
    void complexValuesFromJson() throws Exception {
        assertEquals(Arrays.asList(1L, null, -3L), convert(new StringColumn("[1,null,-3]"), "ARRAY<BIGINT>"));
        @SuppressWarnings("unchecked")
        Map<Object, Object> m = (Map<Object, Object>) convert(new StringColumn("{\"1\":\"2.50\",\"2\":null}"),
                "MAP<INT,DECIMAL(5,2)>");
        assertEquals(new BigDecimal("2.50"), m.get(1));
        assertTrue(m.containsKey(2) && m.get(2) == null);
        Struct byPosition = (Struct) convert(new StringColumn("[1,\"x\",[true]]"), "STRUCT<a:INT,b:STRING,c:ARRAY<BOOLEAN>>");
        assertEquals(Arrays.asList(1, "x", List.of(true)), byPosition.getFieldValues());
        Struct byName = (Struct) convert(new StringColumn("{\"b\":\"y\",\"a\":2}"), "STRUCT<a:INT,b:STRING>");
        assertEquals(Arrays.asList(2, "y"), byName.getFieldValues());
        @SuppressWarnings("unchecked")
        List<Object> dates = (List<Object>) convert(new StringColumn("[\"2026-01-02\"]"), "ARRAY<DATE>");
        assertEquals(LocalDate.of(2026, 1, 2), dates.get(0));
    }

    @Test
    void complexMisfitsNameThePosition() {
        assertTrue(dirty(new StringColumn("[1,300]"), "ARRAY<TINYINT>").contains("column 'c[1]'"));
        assertTrue(dirty(new StringColumn("{\"a\":1}"), "ARRAY<INT>").contains("a JSON object is not a JSON array"));
        assertTrue(dirty(new StringColumn("[1]"), "STRUCT<a:INT,b:INT>").contains("1 elements cannot fill 2"));
        assertTrue(dirty(new StringColumn("{\"z\":1}"), "STRUCT<a:INT>").contains("no field 'z'"));
        assertTrue(dirty(new StringColumn("[1,"), "ARRAY<INT>").contains("not valid JSON"));
        assertTrue(dirty(new LongColumn(5L), "ARRAY<INT>").contains("expected JSON text"));
        assertTrue(dirty(new StringColumn("[\"abcdef\"]"), "ARRAY<VARCHAR(3)>").contains("more than 3"));
        assertTrue(dirty(new StringColumn("{\"1\":1,\"01\":2}"), "MAP<INT,INT>").contains("appears twice"));
    }
}
