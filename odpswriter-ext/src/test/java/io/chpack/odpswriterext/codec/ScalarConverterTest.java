package io.chpack.odpswriterext.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.StringColumn;

import io.chpack.common.mapping.MaxComputeType;

class ScalarConverterTest {
    private final ScalarConverter conv = new ScalarConverter(false, 16, ZoneId.of("Asia/Shanghai"));

    private Object c(Column col, String type) throws DirtyValueException {
        return conv.convert(col, MaxComputeType.parse(type), "x");
    }

    private String dirty(Column col, String type) {
        return assertThrows(DirtyValueException.class, () -> c(col, type)).getMessage();
    }

    @Test
    void integersWithRangeChecks() throws Exception {
        assertEquals((byte) -128, c(new LongColumn(-128L), "TINYINT"));
        assertTrue(dirty(new LongColumn(128L), "TINYINT").contains("out of range"));
        assertEquals((short) 32767, c(new LongColumn(32767L), "SMALLINT"));
        assertTrue(dirty(new LongColumn(32768L), "SMALLINT").contains("out of range"));
        assertEquals(Integer.MIN_VALUE, c(new LongColumn((long) Integer.MIN_VALUE), "INT"));
        assertEquals(Long.MAX_VALUE, c(new LongColumn(Long.MAX_VALUE), "BIGINT"));
        assertTrue(dirty(new LongColumn(new BigInteger("18446744073709551615")), "BIGINT").contains("out of range"));
        assertTrue(dirty(new DoubleColumn(1.5), "BIGINT").contains("fractional"));
        assertEquals(2L, c(new DoubleColumn("2.000"), "BIGINT"));
        assertTrue(dirty(new StringColumn("abc"), "INT").contains("not a number"));
    }

    @Test
    void decimalsRoundHalfUpAndOverflowIsDirty() throws Exception {
        assertEquals(new BigDecimal("999.99"), c(new DoubleColumn("999.994"), "DECIMAL(5,2)"));
        assertEquals(new BigDecimal("-1.00"), c(new LongColumn(-1L), "DECIMAL(5,2)"));
        String why = dirty(new DoubleColumn("999.995"), "DECIMAL(5,2)"); // rounds to 1000.00
        assertTrue(why.contains("integer digits") && why.contains("column 'x'"), why);
        assertEquals(new BigDecimal("18446744073709551615"),
                c(new LongColumn(new BigInteger("18446744073709551615")), "DECIMAL(20,0)"));
        assertTrue(dirty(new DoubleColumn("NaN"), "DECIMAL(10,2)").contains("NaN"));
    }

    @Test
    void stringsWithLengthChecksAndEmptyAsNull() throws Exception {
        assertEquals("ünï", c(new StringColumn("ünï"), "STRING"));
        assertTrue(dirty(new StringColumn("x".repeat(17)), "STRING").contains("more than the field size limit 16"));
        assertEquals("\uD83D\uDE00\uD83D\uDE00", c(new StringColumn("\uD83D\uDE00\uD83D\uDE00"), "VARCHAR(2)"));
        assertTrue(dirty(new StringColumn("abc"), "VARCHAR(2)").contains("more than 2"));
        assertTrue(dirty(new StringColumn("abc"), "CHAR(2)").contains("more than 2"));
        assertEquals("", c(new StringColumn(""), "STRING"));
        assertNull(new ScalarConverter(true, 16, ZoneId.of("UTC")).convert(new StringColumn(""),
                MaxComputeType.parse("STRING"), "x"));
        assertNull(c(new StringColumn(null), "STRING"));
        assertArrayEquals(new byte[] {0, 1, (byte) 0xff}, (byte[]) c(new BytesColumn(new byte[] {0, 1, (byte) 0xff}),
                "BINARY"));
        assertEquals("ab", c(new BytesColumn("ab".getBytes(StandardCharsets.UTF_8)), "STRING"));
    }

    @Test
    void booleansAndFloats() throws Exception {
        assertEquals(true, c(new BoolColumn(true), "BOOLEAN"));
        assertEquals(false, c(new LongColumn(0L), "BOOLEAN"));
        assertTrue(dirty(new LongColumn(2L), "BOOLEAN").contains("neither 0 nor 1"));
        assertEquals(1.5f, c(new DoubleColumn(1.5), "FLOAT"));
        assertTrue(dirty(new DoubleColumn("1e300"), "FLOAT").contains("FLOAT range"));
        assertEquals(Double.NaN, c(new DoubleColumn("NaN"), "DOUBLE"));
    }

    @Test
    void datesUseTheConfiguredZoneNotTheJvms() throws Exception {
        long millis = Instant.parse("2026-01-01T16:30:00Z").toEpochMilli(); // 2026-01-02 00:30 in Shanghai
        assertEquals(LocalDate.of(2026, 1, 2), c(new DateColumn(millis), "DATE"));
        assertEquals(Instant.ofEpochMilli(millis), c(new DateColumn(millis), "DATETIME"));
        assertTrue(dirty(new StringColumn("2026-01-01"), "DATE").contains("not a date"));
        long year10000 = Instant.parse("+10000-01-01T00:00:00Z").toEpochMilli();
        assertTrue(dirty(new DateColumn(year10000), "DATETIME").contains("9999-12-31"));
    }

    @Test
    void theDoubleFastPathAgreesWithBigDecimal() throws Exception {
        java.util.Random rnd = new java.util.Random(42);
        ScalarConverter c = new ScalarConverter(false, 16, ZoneId.of("UTC"));
        MaxComputeType dbl = MaxComputeType.parse("double");
        for (int i = 0; i < 20000; i++) {
            String text;
            switch (i % 4) {
                case 0:
                    text = Double.toString(Double.longBitsToDouble(rnd.nextLong()));
                    break;
                case 1:
                    text = new BigDecimal(rnd.nextLong()).movePointLeft(rnd.nextInt(25)).toPlainString();
                    break;
                case 2:
                    text = (rnd.nextBoolean() ? "-" : "") + rnd.nextInt(1000) + "." + rnd.nextInt(1000000) + "e"
                            + (rnd.nextInt(700) - 350);
                    break;
                default:
                    text = "9007199254740993" + rnd.nextInt(10) + "." + rnd.nextInt(100);
            }
            if (text.contains("NaN") || text.contains("Infinity")) {
                continue;
            }
            assertTrue(ScalarConverter.plainDecimal(text), text);
            assertEquals(new BigDecimal(text).doubleValue(), (Double) c.convert(new DoubleColumn(text), dbl, "d"), text);
            assertEquals(new BigDecimal(text).doubleValue(), (Double) c.convert(new StringColumn(text), dbl, "d"), text);
        }
        for (String bad : new String[] {"", "-", ".", "1e", "0x1p3", "1d", "1f", " 1", "1e99999", "+.e1"}) {
            assertTrue(!ScalarConverter.plainDecimal(bad), bad);
        }
        assertEquals(9007199254740993.0, c.convert(new LongColumn(9007199254740993L), dbl, "d"));
        assertEquals(-128L, ((Number) c.convert(new LongColumn(-128L), MaxComputeType.parse("tinyint"), "t")).longValue());
        assertTrue(assertThrows(DirtyValueException.class,
                () -> c.convert(new LongColumn(128L), MaxComputeType.parse("tinyint"), "t")).getMessage()
                .contains("out of range [-128, 127]"));
    }
}
