package io.chpack.odpsreaderext.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.alibaba.datax.common.element.Column;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.data.Binary;
import com.aliyun.odps.data.SimpleStruct;
import com.aliyun.odps.type.StructTypeInfo;
import com.aliyun.odps.type.TypeInfo;
import com.aliyun.odps.type.TypeInfoParser;

class ColumnConverterTest {
    private static final String[] TYPES = {"BIGINT", "FLOAT", "DOUBLE", "DECIMAL(20,4)", "BOOLEAN", "STRING",
        "BINARY", "DATE", "DATETIME", "TIMESTAMP", "ARRAY<DOUBLE>", "MAP<BIGINT,DATE>",
        "STRUCT<a:INT,b:STRING,c:ARRAY<DECIMAL(5,1)>>"};

    private static ArrayRecord record() {
        TableSchema s = new TableSchema();
        for (int i = 0; i < TYPES.length; i++) {
            s.addColumn(new com.aliyun.odps.Column("c" + i, TypeInfoParser.getTypeInfoFromTypeString(TYPES[i])));
        }
        return new ArrayRecord(s);
    }

    private static TypeInfo t(int i) {
        return TypeInfoParser.getTypeInfoFromTypeString(TYPES[i]);
    }

    @Test
    void everyTypeHasOneColumnClassAndExactText() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        ColumnConverter conv = new ColumnConverter(zone, false);
        ArrayRecord r = record();
        r.set(0, Long.MIN_VALUE + 1);
        r.set(1, 0.1f);
        r.set(2, Double.NaN);
        r.set(3, new BigDecimal("12345678901234.5000"));
        r.set(4, true);
        r.set(5, "h\u00e9");
        r.set(6, new Binary(new byte[] {0, (byte) 0xff}));
        r.setDateAsLocalDate(7, LocalDate.of(1960, 2, 29));
        r.setDatetimeAsZonedDateTime(8, Instant.parse("2026-01-01T00:00:00.123Z").atZone(zone));
        r.setTimestampAsInstant(9, Instant.parse("2026-01-01T00:00:00.123456789Z"));
        r.set(10, Arrays.asList(1.5, null, Double.POSITIVE_INFINITY));
        Map<Long, LocalDate> m = new LinkedHashMap<>();
        m.put(7L, LocalDate.of(2026, 3, 4));
        r.set(11, m);
        r.set(12, new SimpleStruct((StructTypeInfo) t(12), Arrays.asList(1, "q\"", Arrays.asList(new BigDecimal("2.5")))));

        assertEquals(Column.Type.LONG, conv.convert(r, 0, t(0)).getType());
        assertEquals(Long.MIN_VALUE + 1, conv.convert(r, 0, t(0)).asLong());
        assertEquals("0.1", conv.convert(r, 1, t(1)).getRawData().toString());
        assertEquals("NaN", conv.convert(r, 2, t(2)).getRawData().toString());
        assertEquals("12345678901234.5000", conv.convert(r, 3, t(3)).getRawData().toString());
        assertEquals(Column.Type.DOUBLE, conv.convert(r, 3, t(3)).getType());
        assertEquals(Boolean.TRUE, conv.convert(r, 4, t(4)).asBoolean());
        assertEquals("h\u00e9", conv.convert(r, 5, t(5)).asString());
        assertArrayEquals(new byte[] {0, (byte) 0xff}, (byte[]) conv.convert(r, 6, t(6)).getRawData());
        assertEquals(LocalDate.of(1960, 2, 29).atStartOfDay(zone).toInstant().toEpochMilli(),
                conv.convert(r, 7, t(7)).getRawData());
        assertEquals(Instant.parse("2026-01-01T00:00:00.123Z").toEpochMilli(), conv.convert(r, 8, t(8)).getRawData());
        assertEquals(Instant.parse("2026-01-01T00:00:00.123Z").toEpochMilli(), conv.convert(r, 9, t(9)).getRawData());
        assertEquals("[1.5,null,\"Infinity\"]", conv.convert(r, 10, t(10)).asString());
        assertEquals("{\"7\":\"2026-03-04\"}", conv.convert(r, 11, t(11)).asString());
        assertEquals("[1,\"q\\\"\",[2.5]]", conv.convert(r, 12, t(12)).asString());
        assertEquals("2026-01-01 08:00:00.123456789",
                new ColumnConverter(zone, true).convert(r, 9, t(9)).asString());
    }

    @Test
    void nullsKeepTheColumnClassOfTheType() {
        ColumnConverter conv = new ColumnConverter(ZoneId.of("UTC"), false);
        ArrayRecord r = record();
        Column.Type[] want = {Column.Type.LONG, Column.Type.DOUBLE, Column.Type.DOUBLE, Column.Type.DOUBLE,
            Column.Type.BOOL, Column.Type.STRING, Column.Type.BYTES, Column.Type.DATE, Column.Type.DATE,
            Column.Type.DATE, Column.Type.STRING, Column.Type.STRING, Column.Type.STRING};
        for (int i = 0; i < TYPES.length; i++) {
            Column c = conv.convert(r, i, t(i));
            assertNull(c.getRawData(), TYPES[i]);
            assertEquals(want[i], c.getType(), TYPES[i]);
        }
    }
}
