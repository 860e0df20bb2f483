package com.alibaba.datax.common.element;

import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColumnTest {

    private static void fails(CommonErrorCode code, Executable call) {
        DataXException e = assertThrows(DataXException.class, call);
        assertEquals(code, e.getErrorCode(), e.getMessage());
    }

    @Test
    void longColumnKeepsBigIntegersAndChecksRanges() {
        LongColumn unsigned = new LongColumn("18446744073709551615");
        assertEquals(Column.Type.LONG, unsigned.getType());
        assertEquals(new BigInteger("18446744073709551615"), unsigned.getRawData());
        assertEquals("18446744073709551615", unsigned.asString());
        assertEquals(new BigDecimal("18446744073709551615"), unsigned.asBigDecimal());
        fails(CommonErrorCode.CONVERT_OVER_FLOW, unsigned::asLong);
        assertEquals(1.8446744073709552E19, unsigned.asDouble());

        assertEquals(Long.valueOf(Long.MIN_VALUE), new LongColumn(Long.MIN_VALUE).asLong());
        assertEquals(Long.valueOf(1000), new LongColumn("1e3").asLong());
        assertEquals(Long.valueOf(-1), new LongColumn("-1.9").asLong(), "fraction truncated");
        assertEquals(Boolean.TRUE, new LongColumn(5).asBoolean());
        assertEquals(Boolean.FALSE, new LongColumn(0L).asBoolean());
        assertEquals(new Date(86_400_000L), new LongColumn(86_400_000L).asDate());
        assertEquals(8, new LongColumn(7L).getByteSize());
        assertEquals(3, new LongColumn("123").getByteSize());
        fails(CommonErrorCode.CONVERT_NOT_SUPPORT, () -> new LongColumn("12x"));
        fails(CommonErrorCode.CONVERT_NOT_SUPPORT, () -> new LongColumn(""));
        fails(CommonErrorCode.CONVERT_NOT_SUPPORT, () -> new LongColumn(1L).asBytes());
    }

    @Test
    void doubleColumnKeepsExactDecimalText() {
        DoubleColumn exact = new DoubleColumn("0.1000000000000000000001");
        assertEquals("0.1000000000000000000001", exact.getRawData());
        assertEquals(new BigDecimal("0.1000000000000000000001"), exact.asBigDecimal());
        assertEquals("0.1", new DoubleColumn(0.1d).asString());
        assertEquals("0.1", new DoubleColumn(0.1f).asString());
        assertEquals("12345678901234567890", new DoubleColumn(new BigInteger("12345678901234567890")).asString());
        assertEquals("100", new DoubleColumn(new BigDecimal("1E+2")).asString());
        assertEquals(Long.valueOf(2), new DoubleColumn("2.99").asLong());
        assertEquals(Double.valueOf(Double.NaN), new DoubleColumn("NaN").asDouble());
        assertEquals(Double.valueOf(Double.NEGATIVE_INFINITY), new DoubleColumn("-Infinity").asDouble());

        fails(CommonErrorCode.CONVERT_OVER_FLOW, () -> new DoubleColumn("1e400").asDouble());
        fails(CommonErrorCode.CONVERT_OVER_FLOW, () -> new DoubleColumn("1e-400").asDouble());
        fails(CommonErrorCode.CONVERT_OVER_FLOW, () -> new DoubleColumn("1e19").asLong());
        fails(CommonErrorCode.CONVERT_NOT_SUPPORT, () -> new DoubleColumn("abc"));
        fails(CommonErrorCode.CONVERT_NOT_SUPPORT, () -> new DoubleColumn("1.5").asBoolean());
        fails(CommonErrorCode.CONVERT_NOT_SUPPORT, () -> new DoubleColumn("1.5").asDate());
        assertThrows(NumberFormatException.class, () -> new DoubleColumn(Double.NaN),
                "as in the engine: a NaN double is not accepted");
    }

    @Test
    void stringColumnParsesNumbersAndBooleans() {
        assertEquals(Long.valueOf(42), new StringColumn("42").asLong());
        assertEquals(new BigInteger("-3"), new StringColumn("-3.7").asBigInteger());
        assertEquals(Double.valueOf(2.5), new StringColumn("2.5").asDouble());
        assertEquals(Double.valueOf(Double.POSITIVE_INFINITY), new StringColumn("Infinity").asDouble());
        assertEquals(Boolean.FALSE, new StringColumn("FALSE").asBoolean());
        assertArrayEquals("h\u00e9".getBytes(StandardCharsets.UTF_8), new StringColumn("h\u00e9").asBytes());

        // The engine folds the overflow into CONVERT_NOT_SUPPORT for strings.
        fails(CommonErrorCode.CONVERT_NOT_SUPPORT, () -> new StringColumn("9223372036854775808").asLong());
        fails(CommonErrorCode.CONVERT_NOT_SUPPORT, () -> new StringColumn("NaN").asLong());
        fails(CommonErrorCode.CONVERT_NOT_SUPPORT, () -> new StringColumn("Infinity").asBigDecimal());
        fails(CommonErrorCode.CONVERT_NOT_SUPPORT, () -> new StringColumn("1").asBoolean());
        fails(CommonErrorCode.CONVERT_NOT_SUPPORT, () -> new StringColumn("x").asDouble());
        fails(CommonErrorCode.CONVERT_OVER_FLOW, () -> new StringColumn("1e999").asDouble());
        DataXException e = assertThrows(DataXException.class, () -> new StringColumn("abc").asLong());
        assertTrue(e.getMessage().contains("abc"), e.getMessage());
    }

    @Test
    void boolColumnConversions() {
        assertEquals(Long.valueOf(1), new BoolColumn(true).asLong());
        assertEquals(new BigDecimal(0), new BoolColumn("false").asBigDecimal());
        assertEquals("true", new BoolColumn("TRUE").asString());
        assertEquals(Double.valueOf(0.0), new BoolColumn(false).asDouble());
        assertNull(new BoolColumn((String) null).asBoolean());
        assertEquals(0, new BoolColumn((String) null).getByteSize());
        fails(CommonErrorCode.CONVERT_NOT_SUPPORT, () -> new BoolColumn("yes"));
        fails(CommonErrorCode.CONVERT_NOT_SUPPORT, () -> new BoolColumn(true).asDate());
    }

    @Test
    void bytesColumnCopiesAndDecodes() {
        byte[] data = "abc".getBytes(StandardCharsets.UTF_8);
        BytesColumn column = new BytesColumn(data);
        data[0] = 'X';
        assertEquals("abc", column.asString());
        assertNotSame(data, column.asBytes());
        assertEquals(3, column.getByteSize());
        fails(CommonErrorCode.CONVERT_NOT_SUPPORT, column::asLong);
        fails(CommonErrorCode.CONVERT_NOT_SUPPORT, column::asDouble);
        fails(CommonErrorCode.CONVERT_NOT_SUPPORT, column::asBoolean);
    }

    @Test
    void dateColumnSubTypesAndUnsupportedConversions() {
        assertEquals(DateColumn.DateType.DATE, new DateColumn(new java.sql.Date(0)).getSubType());
        assertEquals(DateColumn.DateType.TIME, new DateColumn(new java.sql.Time(0)).getSubType());
        assertEquals(DateColumn.DateType.DATETIME, new DateColumn(new java.sql.Timestamp(0)).getSubType());
        assertEquals(DateColumn.DateType.DATETIME, new DateColumn(new Date(0)).getSubType());
        DateColumn column = new DateColumn(1_700_000_000_123L);
        assertEquals(Long.valueOf(1_700_000_000_123L), column.asLong());
        assertEquals(new Date(1_700_000_000_123L), column.asDate());
        fails(CommonErrorCode.CONVERT_NOT_SUPPORT, column::asDouble);
        fails(CommonErrorCode.CONVERT_NOT_SUPPORT, column::asBigInteger);
        fails(CommonErrorCode.CONVERT_NOT_SUPPORT, column::asBoolean);
        fails(CommonErrorCode.CONVERT_NOT_SUPPORT, column::asBytes);
    }

    @Test
    void nullRawDataConvertsToNullEverywhereSupported() {
        List<Column> nulls = Arrays.asList(new LongColumn(), new DoubleColumn(), new StringColumn(),
                new BoolColumn(), new BytesColumn(), new DateColumn());
        for (Column column : nulls) {
            assertNull(column.getRawData(), column.getClass().getSimpleName());
            assertNull(column.asString(), column.getClass().getSimpleName());
        }
        assertNull(new LongColumn((Long) null).asLong());
        assertNull(new LongColumn((String) null).asBigDecimal());
        assertNull(new DoubleColumn((BigDecimal) null).asDouble());
        assertNull(new StringColumn(null).asLong());
        assertNull(new StringColumn(null).asDate());
        assertNull(new StringColumn(null).asBytes());
        assertNull(new BytesColumn(null).asBytes());
        assertNull(new DateColumn((java.sql.Timestamp) null).asDate());
        assertNull(new DateColumn((Long) null).asLong());
        assertEquals(0, new StringColumn().getByteSize());
    }

    @Test
    void toStringIsJsonOfTheBean() {
        assertEquals("{\"byteSize\":8,\"rawData\":5,\"type\":\"LONG\"}", new LongColumn(5L).toString());
        assertEquals("{\"byteSize\":3,\"rawData\":\"a\\\"b\",\"type\":\"STRING\"}", new StringColumn("a\"b").toString());
        assertEquals("{\"byteSize\":0,\"subType\":\"DATETIME\",\"type\":\"DATE\"}", new DateColumn().toString());
    }

    /**
     * DoubleColumn(String) accepts exactly what the engine's does — the texts {@code new BigDecimal} parses
     * plus NaN/Infinity/-Infinity in any case — for hand-picked edge cases and random strings over the
     * characters of number text (its constructor skips the parse for plain ASCII decimals).
     */
    @Test
    void doubleColumnAcceptsExactlyWhatBigDecimalParses() {
        List<String> samples = new java.util.ArrayList<>(Arrays.asList("0", "-0", "+1", "1.", ".5", "+.5", "-.5e3",
                "1e5", "1E+5", "1e-5", "1.e5", ".e5", "e5", "1e", "1e+", "1e999999", "1e9999999", "1e99999999999",
                "--1", "+-1", "1..2", "1.2.3", "", " 1", "1 ", "\u0661\u0662", "1\u0663", "NaN", "nan", "-Infinity",
                "infinity", "+Infinity", "Inf", "0x10", "1_000", "١.٥"));
        java.util.Random r = new java.util.Random(5);
        String alphabet = "0123456789+-.eE ";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(9); k >= 0; k--) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            samples.add(b.toString());
        }
        StringBuilder longDigits = new StringBuilder("-");
        for (int i = 0; i < 200; i++) {
            longDigits.append(i % 10);
        }
        samples.add(longDigits.toString());
        for (String s : samples) {
            boolean parses;
            try {
                new BigDecimal(s);
                parses = true;
            } catch (NumberFormatException e) {
                parses = s.equalsIgnoreCase("NaN") || s.equalsIgnoreCase("Infinity") || s.equalsIgnoreCase("-Infinity");
            }
            boolean accepted;
            try {
                new DoubleColumn(s);
                accepted = true;
            } catch (DataXException e) {
                accepted = false;
            }
            assertEquals(parses, accepted, () -> "DoubleColumn(\"" + s + "\")");
        }
    }
}
