package io.chpack.clickhousewriter.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.element.StringColumn;
import com.alibaba.datax.common.element.Column;

import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.convert.ConversionOptions;

class PartitionKeyTest {
    private static final ConversionOptions UTC = ConversionOptions.builder(ZoneId.of("UTC"))
            .serverTimeZone(ZoneId.of("UTC")).build();

    private static PartitionKey key(String expr, List<String> names, String... types) {
        List<ClickHouseType> t = new ArrayList<>();
        for (String s : types) {
            t.add(ClickHouseType.parse(s));
        }
        PartitionKey.Parsed p = PartitionKey.parse(expr, names, t, UTC);
        assertTrue(p.known(), () -> p.unknownReason);
        return p.key;
    }

    private static Record record(Column... columns) {
        return new TestRecord(Arrays.asList(columns));
    }

    @ParameterizedTest
    @CsvSource({
        "toYYYYMM(d), Date, 2024-02-29 13:00:00, 202402",
        "toYYYYMMDD(d), Date, 2024-02-29 13:00:00, 20240229",
        "toDate(d), DateTime, 2024-02-29 23:30:00, 2024-02-29",
        "toStartOfMonth(d), Date, 2024-02-29 00:00:00, 2024-02-01",
        "toMonday(d), Date, 2024-02-29 00:00:00, 2024-02-26",
        "toYear(d), DateTime, 2024-12-31 23:59:59, 2024",
        "toYYYYMM(d), Nullable(Date), 1995-07-04 00:00:00, 199507",
        "toYYYYMMDD(d), DateTime, 2106-02-07 06:28:15, 21060207",
    })
    void dateFunctions(String expr, String type, String value, String expected) throws Exception {
        PartitionKey k = key(expr, List.of("d"), type);
        assertEquals(expected, k.of(record(new StringColumn(value))));
    }

    @Test
    void dateTimeInTheColumnZone() throws Exception {
        // 2024-01-31 20:00 UTC is already February 1st in Shanghai.
        PartitionKey k = key("toYYYYMM(t)", List.of("t"), "DateTime('Asia/Shanghai')");
        long millis = java.time.Instant.parse("2024-01-31T20:00:00Z").toEpochMilli();
        assertEquals("202402", k.of(record(new DateColumn(millis))));
        PartitionKey utc = key("toYYYYMM(t)", List.of("t"), "DateTime");
        assertEquals("202401", utc.of(record(new DateColumn(millis))));
    }

    @Test
    void plainColumnsAndTuples() throws Exception {
        PartitionKey k = key("(toYYYYMM(d), region)", List.of("id", "d", "region"), "UInt64", "Date", "String");
        String a = k.of(record(new LongColumn(1), new StringColumn("2024-01-05"), new StringColumn("eu")));
        String b = k.of(record(new LongColumn(2), new StringColumn("2024-01-20"), new StringColumn("eu")));
        String c = k.of(record(new LongColumn(3), new StringColumn("2024-01-20"), new StringColumn("us")));
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void nullPartitionValue() throws Exception {
        PartitionKey k = key("toYYYYMM(d)", List.of("d"), "Nullable(Date)");
        assertEquals("NULL", k.of(record(new StringColumn(null))));
    }

    @Test
    void unpartitionedAndUnknown() {
        List<ClickHouseType> t = List.of(ClickHouseType.parse("Date"), ClickHouseType.parse("String"));
        PartitionKey.Parsed none = PartitionKey.parse("", List.of("d", "s"), t, UTC);
        assertTrue(none.known());
        assertTrue(none.unpartitioned);
        assertNull(none.key);
        assertTrue(PartitionKey.parse("tuple()", List.of("d", "s"), t, UTC).unpartitioned);
        PartitionKey.Parsed hash = PartitionKey.parse("cityHash64(s) % 10", List.of("d", "s"), t, UTC);
        assertFalse(hash.known());
        PartitionKey.Parsed missing = PartitionKey.parse("toYYYYMM(other)", List.of("d", "s"), t, UTC);
        assertFalse(missing.known());
        assertTrue(missing.unknownReason.contains("other"), missing.unknownReason);
        PartitionKey.Parsed notDate = PartitionKey.parse("toYYYYMM(s)", List.of("d", "s"), t, UTC);
        assertFalse(notDate.known());
    }

    @Test
    void splitTupleRespectsParentheses() {
        assertEquals(List.of("toYYYYMM(d)", " a"), PartitionKey.splitTuple("(toYYYYMM(d), a)"));
        assertEquals(List.of("toYYYYMM(d)"), PartitionKey.splitTuple("toYYYYMM(d)"));
    }

    /** A minimal Record (the engine's own is not on this class path). */
    static final class TestRecord implements Record {
        private final List<Column> columns;

        TestRecord(List<Column> columns) {
            this.columns = new ArrayList<>(columns);
        }

        @Override
        public void addColumn(Column column) {
            columns.add(column);
        }

        @Override
        public void setColumn(int i, Column column) {
            columns.set(i, column);
        }

        @Override
        public Column getColumn(int i) {
            return i < columns.size() ? columns.get(i) : null;
        }

        @Override
        public int getColumnNumber() {
            return columns.size();
        }

        @Override
        public int getByteSize() {
            return 0;
        }

        @Override
        public int getMemorySize() {
            return 0;
        }
    }
}
