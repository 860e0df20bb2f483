package io.chpack.common.convert;

import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.element.StringColumn;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryInput;
import io.chpack.common.rowbinary.RowBinaryOutput;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static io.chpack.common.convert.Conv.*;
import static org.junit.jupiter.api.Assertions.*;

/** Error message content and the row-level all-or-nothing behaviour. */
class ErrorsAndRowsTest {
    /** A minimal Record, as the engine's. */
    static final class TestRecord implements Record {
        final List<Column> columns = new ArrayList<>();

        TestRecord(Column... cs) {
            columns.addAll(List.of(cs));
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

    @Test
    void messageNamesColumnTypeSourceValueAndReason() {
        ColumnConversionException e = reject("Decimal(9, 2)", new StringColumn("12345678.9"));
        assertEquals("c", e.columnName());
        assertEquals("Decimal(9, 2)", e.clickHouseType());
        assertEquals("StringColumn", e.dataXColumnType());
        assertEquals("'12345678.9'", e.value());
        assertEquals("column 'c' (Decimal(9, 2)): cannot write StringColumn '12345678.9': '12345678.9' needs more than the 7 "
                + "integer digits Decimal(9, 2) has", e.getMessage());
    }

    @Test
    void longValuesAreTruncatedAndBytesShownAsHex() {
        String longText = "x".repeat(10_000);
        ColumnConversionException e = reject("FixedString(3)", new StringColumn(longText));
        assertTrue(e.value().endsWith("…(10000 chars)"), e.value());
        assertTrue(e.getMessage().length() < 400, e.getMessage());
        ColumnConversionException big = reject("UInt8", new StringColumn("9".repeat(5000)));
        assertTrue(big.getMessage().length() < 600, big.getMessage());
        byte[] b = new byte[40];
        b[0] = 'a';
        b[1] = (byte) 0xff;
        ColumnConversionException eb = reject("UUID", new BytesColumn(b));
        assertEquals("0x61ff000000000000000000000000000000000000000000000000000000000000… (40 bytes)", eb.value());
        assertEquals("BytesColumn", eb.dataXColumnType());
        ColumnConversionException ed = reject("Int8", new DateColumn(0L));
        assertEquals("0 ms (1970-01-01T00:00:00Z)", ed.value());
        ColumnConversionException nul = reject("UInt8", new StringColumn("a\0b\nc"));
        assertTrue(nul.value().equals("'a\\x00b\\x0ac'"), nul.value());
    }

    @Test
    void rowFailureInTheMiddleLeavesNoBytesOfThatRow() throws Exception {
        RowEncoder rows = new RowEncoder(List.of("id", "n", "s"),
                List.of(ClickHouseType.parse("UInt32"), ClickHouseType.parse("Nullable(UInt8)"), ClickHouseType.parse("Array(String)")), OPTS);
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (RowBinaryOutput out = new RowBinaryOutput(bos, 64)) {
            rows.encodeRow(new TestRecord(new LongColumn(1L), new LongColumn(2L), new StringColumn("[\"a\"]")), out);
            ColumnConversionException e = assertThrows(ColumnConversionException.class, () -> rows.encodeRow(
                    new TestRecord(new LongColumn(2L), new LongColumn(999L), new StringColumn("[]")), out));
            assertEquals("n", e.columnName());
            // fails after the Nullable flag and earlier array elements were written
            assertThrows(ColumnConversionException.class, () -> rows.encodeRow(
                    new TestRecord(new LongColumn(3L), new LongColumn(3L), new StringColumn("[\"" + "y".repeat(300) + "\",1,\"\\ud800\"]")), out));
            ColumnConversionException shape = assertThrows(ColumnConversionException.class, () -> rows.encodeRow(
                    new TestRecord(new LongColumn(4L)), out));
            assertTrue(shape.reason().contains("the record has 1 columns but 3"), shape.getMessage());
            rows.encodeRow(new TestRecord(new LongColumn(5L), new LongColumn((Long) null), new StringColumn("[]")), out);
        }
        assertEquals("01000000" + "0002" + "010161" + "05000000" + "01" + "00", HexFormat.of().formatHex(bos.toByteArray()));
    }

    @Test
    void readerRowFailureConsumesTheRowAndKeepsTheStreamAligned() throws Exception {
        List<ClickHouseType> types = List.of(ClickHouseType.parse("Array(String)"), ClickHouseType.parse("UInt8"));
        // row 1: ["a", <ff>, "b"], 7 ; row 2: [], 8
        byte[] bytes = unhex("03" + "0161" + "01ff" + "0162" + "07" + "00" + "08");
        RowDecoder rows = new RowDecoder(List.of("arr", "n"), types, OPTS);
        RowBinaryInput in = new RowBinaryInput(new ByteArrayInputStream(bytes));
        TestRecord r1 = new TestRecord();
        ColumnConversionException e = assertThrows(ColumnConversionException.class, () -> rows.readRow(in, r1));
        assertEquals("arr", e.columnName());
        assertTrue(e.reason().startsWith("element [1]: the value 0xff (1 byte) is not valid UTF-8"), e.getMessage());
        assertEquals(2, r1.getColumnNumber());
        assertNull(r1.getColumn(0).getRawData());
        assertEquals(7L, r1.getColumn(1).asLong());
        TestRecord r2 = new TestRecord();
        assertTrue(rows.readRow(in, r2));
        assertEquals("[]", r2.getColumn(0).asString());
        assertEquals(8L, r2.getColumn(1).asLong());
        assertFalse(rows.readRow(in, new TestRecord()));
    }
}
