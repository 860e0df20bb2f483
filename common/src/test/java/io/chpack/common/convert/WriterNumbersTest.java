package io.chpack.common.convert;

import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.StringColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.util.HexFormat;

import static io.chpack.common.convert.Conv.*;
import static org.junit.jupiter.api.Assertions.*;

/** Integer, float, Decimal and Bool targets. */
class WriterNumbersTest {

    /** Little-endian two's complement of v in {@code width} bytes. */
    private static String le(BigInteger v, int width) {
        byte[] b = new byte[width];
        for (int i = 0; i < width; i++) {
            b[i] = v.shiftRight(8 * i).byteValue();
        }
        return HexFormat.of().formatHex(b);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Int8, 1, true", "Int16, 2, true", "Int32, 4, true", "Int64, 8, true", "Int128, 16, true", "Int256, 32, true",
            "UInt8, 1, false", "UInt16, 2, false", "UInt32, 4, false", "UInt64, 8, false", "UInt128, 16, false",
            "UInt256, 32, false"})
    void everyIntegerWidthTakesItsMinAndMaxAndRejectsOneBeyond(String type, int width, boolean signed) {
        int bits = width * 8;
        BigInteger min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
        BigInteger max = (signed ? BigInteger.ONE.shiftLeft(bits - 1) : BigInteger.ONE.shiftLeft(bits)).subtract(BigInteger.ONE);
        for (BigInteger v : new BigInteger[] {min, max, BigInteger.ZERO, BigInteger.ONE}) {
            assertEquals(le(v, width), hex(type, new LongColumn(v)), type + " " + v);
            assertEquals(le(v, width), hex(type, new StringColumn(v.toString())), type + " text " + v);
            assertEquals(le(v, width), hex(type, new DoubleColumn(v.toString() + ".000")), type + " double text " + v);
        }
        for (BigInteger v : new BigInteger[] {min.subtract(BigInteger.ONE), max.add(BigInteger.ONE)}) {
            ColumnConversionException e = reject(type, new LongColumn(v));
            assertTrue(e.reason().contains("out of range"), e.getMessage());
            reject(type, new StringColumn(v.toString()));
            reject(type, new DoubleColumn(v.toString()));
        }
    }

    @Test
    void uint8ThreeHundredIsAnErrorNotFortyFour() {
        ColumnConversionException e = reject("UInt8", new LongColumn(300L));
        assertEquals("column 'c' (UInt8): cannot write LongColumn 300: 300 is out of range for UInt8 [0, 255]", e.getMessage());
    }

    @Test
    void uint64TopValueFromBigIntegerAndString() {
        assertEquals("ffffffffffffffff", hex("UInt64", new LongColumn(new BigInteger("18446744073709551615"))));
        assertEquals("ffffffffffffffff", hex("UInt64", new StringColumn("18446744073709551615")));
        assertEquals("0000000000000080", hex("UInt64", new LongColumn(BigInteger.ONE.shiftLeft(63))));
        reject("UInt64", new StringColumn("18446744073709551616"));
        reject("UInt64", new LongColumn(-1L));
    }

    @Test
    void fractionsAreNeverRoundedIntoIntegers() {
        assertEquals("02", hex("Int8", new DoubleColumn("2.0")));
        assertEquals("e803", hex("UInt16", new DoubleColumn("1e3")));
        assertTrue(reject("Int8", new DoubleColumn("2.5")).reason().contains("not an integer"));
        reject("Int64", new DoubleColumn("0.0000001"));
        reject("Int32", new StringColumn("1.5"));
        reject("Int32", new DoubleColumn("NaN"));
        reject("Int32", new DoubleColumn("Infinity"));
        reject("Int8", new DoubleColumn("1e400"));
        // a huge exponent is rejected by digit count, not computed
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(2), () -> reject("UInt256", new StringColumn("1e999999999")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1", "1 ", "1a", "0x10", "1_000", "1,000", "--1", "+", "-", ".", "e5", "1e", "١", "１", "1d", "1L"})
    void integerTextIsStrict(String s) {
        reject("Int32", new StringColumn(s));
    }

    @Test
    void integerTextForms() {
        assertEquals("2a000000", hex("Int32", new StringColumn("+42")));
        assertEquals("d6ffffff", hex("Int32", new StringColumn("-42")));
        assertEquals("07000000", hex("Int32", new StringColumn("007")));
        assertEquals("00000000", hex("Int32", new StringColumn("-0")));
        assertEquals("64000000", hex("Int32", new StringColumn("1e2")));
    }

    @Test
    void boolsAreOneAndZero() {
        assertEquals("01", hex("UInt8", new BoolColumn(true)));
        assertEquals("0000000000000000", hex("Int64", new BoolColumn(false)));
        assertEquals("01000000000000000000000000000000", hex("UInt128", new BoolColumn(true)));
    }

    @Test
    void datesAndBytesAreNotNumbers() {
        reject("Int64", new DateColumn(0L));
        reject("Int64", new BytesColumn(new byte[] {1}));
        reject("Float64", new DateColumn(0L));
        reject("Decimal(9, 2)", new BytesColumn(new byte[] {1}));
    }

    private static String f64(double d) {
        return le(BigInteger.valueOf(Double.doubleToRawLongBits(d)), 8);
    }

    private static String f32(float f) {
        return le(BigInteger.valueOf(Float.floatToRawIntBits(f)), 4);
    }

    @Test
    void float64FromTextNumbersAndWords() {
        assertEquals(f64(0.1), hex("Float64", new DoubleColumn("0.1")));
        assertEquals(f64(-0.0), hex("Float64", new DoubleColumn("-0")));
        assertEquals(f64(-0.0), hex("Float64", new StringColumn("-0.0")));
        assertEquals(f64(Double.NaN), hex("Float64", new DoubleColumn("NaN")));
        assertEquals(f64(Double.NaN), hex("Float64", new StringColumn("nan")));
        assertEquals(f64(Double.NaN), hex("Float64", new StringColumn("-nan")));
        assertEquals(f64(Double.POSITIVE_INFINITY), hex("Float64", new DoubleColumn("Infinity")));
        assertEquals(f64(Double.NEGATIVE_INFINITY), hex("Float64", new DoubleColumn("-Infinity")));
        assertEquals(f64(Double.POSITIVE_INFINITY), hex("Float64", new StringColumn("+inf")));
        assertEquals(f64(Double.NEGATIVE_INFINITY), hex("Float64", new StringColumn("-INF")));
        assertEquals(f64(Double.MAX_VALUE), hex("Float64", new StringColumn("1.7976931348623157e308")));
        assertEquals(f64(0.0), hex("Float64", new StringColumn("1e-400")), "underflow is precision loss, allowed");
        assertEquals(f64(1.0), hex("Float64", new BoolColumn(true)));
        // 2^53 + 1 rounds to 2^53: a float's nature
        assertEquals(f64(9007199254740992d), hex("Float64", new LongColumn(9007199254740993L)));
        assertTrue(reject("Float64", new DoubleColumn("1e400")).reason().contains("beyond the range"));
        reject("Float64", new DoubleColumn("-1e400"));
        reject("Float64", new LongColumn(BigInteger.ONE.shiftLeft(1100)));
        for (String bad : new String[] {"", "0x1p3", "1.0f", "1d", "NaNa", "infinit", " 1.0", "Infinity1"}) {
            reject("Float64", new StringColumn(bad));
        }
    }

    @Test
    void float32RoundsOnceFromTheDecimalText() {
        // just above the midpoint between 1 and the next float: rounding via a double would give 1.0f
        String s = "1.0000000596046447755";
        assertNotEquals(Float.parseFloat(s), (float) Double.parseDouble(s), "the case must be a double-rounding trap");
        assertEquals(f32(Float.parseFloat(s)), hex("Float32", new DoubleColumn(s)));
        assertEquals(f32(0.1f), hex("Float32", new StringColumn("0.1")));
        assertEquals(f32(Float.MAX_VALUE), hex("Float32", new DoubleColumn("3.4028235e38")));
        assertEquals(f32(Float.NaN), hex("Float32", new DoubleColumn("NaN")));
        reject("Float32", new DoubleColumn("3.5e38"));
        reject("Float32", new LongColumn(BigInteger.ONE.shiftLeft(200)));
        assertEquals(f32(16777216f), hex("Float32", new LongColumn(16777217L)));
        assertEquals("c03f", hex("BFloat16", new DoubleColumn("1.5")));
    }

    @Test
    void decimalsAreExact() {
        assertEquals(le(BigInteger.valueOf(123456789), 4), hex("Decimal(9, 2)", new DoubleColumn("1234567.89")));
        assertEquals(le(BigInteger.valueOf(-1), 4), hex("Decimal(9, 2)", new StringColumn("-0.01")));
        assertEquals(le(BigInteger.valueOf(150), 4), hex("Decimal(9, 2)", new StringColumn("1.50000")));
        assertEquals(le(BigInteger.valueOf(4200), 4), hex("Decimal(9, 2)", new LongColumn(42L)));
        assertEquals(le(BigInteger.valueOf(10000), 4), hex("Decimal(9, 2)", new StringColumn("1e2")));
        assertEquals(le(BigInteger.valueOf(100), 4), hex("Decimal(9, 2)", new BoolColumn(true)));
        assertEquals(le(BigInteger.valueOf(10), 8), hex("Decimal(18, 2)", new DoubleColumn("0.1")), "0.1 exactly, no double");
        assertEquals(le(new BigInteger("-99999999999999999999999999999999999999"), 16),
                hex("Decimal(38, 10)", new StringColumn("-9999999999999999999999999999.9999999999")));
        BigInteger max76 = BigInteger.TEN.pow(76).subtract(BigInteger.ONE);
        assertEquals(le(max76, 32), hex("Decimal(76, 0)", new LongColumn(max76)));
        assertTrue(reject("Decimal(76, 0)", new LongColumn(max76.add(BigInteger.ONE))).reason().contains("integer digits"));
        assertTrue(reject("Decimal(9, 2)", new DoubleColumn("12345678.9")).reason().contains("7 integer digits"));
        reject("Decimal(9, 2)", new DoubleColumn("NaN"));
        reject("Decimal(9, 2)", new StringColumn("1,5"));
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(2), () -> reject("Decimal(9, 2)", new StringColumn("1e999999999")));
    }

    @Test
    void decimalFractionDigitsErrorByDefaultOrRoundByOption() {
        ColumnConversionException e = reject("Decimal(9, 2)", new DoubleColumn("0.005"));
        assertTrue(e.reason().contains("3 fraction digits") && e.reason().contains("decimalRounding"), e.getMessage());
        ConversionOptions up = opts().decimalRounding(RoundingPolicy.HALF_UP).build();
        ConversionOptions even = opts().decimalRounding(RoundingPolicy.HALF_EVEN).build();
        ConversionOptions trunc = opts().decimalRounding(RoundingPolicy.TRUNCATE).build();
        assertEquals(le(BigInteger.ONE, 4), hex("Decimal(9, 2)", new DoubleColumn("0.005"), up));
        assertEquals(le(BigInteger.ZERO, 4), hex("Decimal(9, 2)", new DoubleColumn("0.005"), even));
        assertEquals(le(BigInteger.valueOf(2), 4), hex("Decimal(9, 2)", new DoubleColumn("0.015"), even));
        assertEquals(le(BigInteger.valueOf(-1), 4), hex("Decimal(9, 2)", new DoubleColumn("-0.019"), trunc));
        assertEquals(le(BigInteger.valueOf(-2), 4), hex("Decimal(9, 2)", new DoubleColumn("-0.015"), up));
        assertEquals(le(BigInteger.ZERO, 4), hex("Decimal(9, 2)", new StringColumn("1e-1000000"), up));
        // rounding that carries past the precision is still an overflow
        reject("Decimal(3, 2)", new DoubleColumn("9.995"), up);
        assertEquals(le(BigInteger.valueOf(999), 4), hex("Decimal(3, 2)", new DoubleColumn("9.994"), up));
    }

    @Test
    void boolFromBoolLongZeroOneAndFourStrings() {
        assertEquals("01", hex("Bool", new BoolColumn(true)));
        assertEquals("00", hex("Bool", new BoolColumn(false)));
        assertEquals("01", hex("Bool", new LongColumn(1L)));
        assertEquals("00", hex("Bool", new LongColumn(0L)));
        assertEquals("01", hex("Bool", new StringColumn("TRUE")));
        assertEquals("00", hex("Bool", new StringColumn("False")));
        assertEquals("01", hex("Bool", new StringColumn("1")));
        assertEquals("00", hex("Bool", new StringColumn("0")));
        reject("Bool", new LongColumn(2L));
        reject("Bool", new LongColumn(-1L));
        for (String s : new String[] {"yes", "no", "t", "f", "", " true", "01", "on"}) {
            reject("Bool", new StringColumn(s));
        }
        reject("Bool", new DoubleColumn("1"));
        reject("Bool", new DateColumn(1L));
    }
}
