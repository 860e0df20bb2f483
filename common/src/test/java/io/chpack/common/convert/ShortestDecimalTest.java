package io.chpack.common.convert;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class ShortestDecimalTest {
    @Test
    void knownValues() {
        assertEquals("0.1", ShortestDecimal.ofFloat(0.1f));
        assertEquals("0.3", ShortestDecimal.ofFloat(0.3f));
        assertEquals("1", ShortestDecimal.ofFloat(1f));
        assertEquals("-1.5", ShortestDecimal.ofFloat(-1.5f));
        assertEquals("100", ShortestDecimal.ofFloat(100f));
        assertEquals("1E+21", ShortestDecimal.ofDouble(1e21));
        assertEquals("100000000000000000000", ShortestDecimal.ofDouble(1e20));
        assertEquals("0.0000001", ShortestDecimal.ofDouble(1e-7));
        assertEquals("1E-8", ShortestDecimal.ofDouble(1e-8));
        assertEquals("2E-44", ShortestDecimal.ofFloat(2e-44f)); // JDK < 19 prints 1.96E-44
        assertEquals("1E+23", ShortestDecimal.ofDouble(1e23));
        assertEquals("5E-324", ShortestDecimal.ofDouble(Double.MIN_VALUE));
        assertEquals("1E-45", ShortestDecimal.ofFloat(Float.MIN_VALUE));
        assertEquals("3.4028235E+38", ShortestDecimal.ofFloat(Float.MAX_VALUE));
        assertEquals("NaN", ShortestDecimal.ofFloat(Float.NaN));
        assertEquals("-0", ShortestDecimal.ofFloat(-0f));
        assertEquals("0", ShortestDecimal.ofDouble(0d));
    }

    @Test
    void randomValuesReadBackAndNoShorterTextDoes() {
        Random r = new Random(7);
        for (int i = 0; i < 20000; i++) {
            float f = Float.intBitsToFloat(r.nextInt());
            if (Float.isNaN(f) || Float.isInfinite(f)) {
                continue;
            }
            String s = ShortestDecimal.ofFloat(f);
            assertEquals(f, Float.parseFloat(s), s);
            BigDecimal d = new BigDecimal(s);
            int p = d.stripTrailingZeros().precision();
            if (p > 1) {
                BigDecimal exact = new BigDecimal((double) f);
                for (java.math.RoundingMode m : new java.math.RoundingMode[] {java.math.RoundingMode.FLOOR, java.math.RoundingMode.CEILING}) {
                    BigDecimal shorter = exact.round(new java.math.MathContext(p - 1, m));
                    assertNotEquals(f, Float.parseFloat(shorter.toString()), () -> s + " has a shorter form " + shorter);
                }
            }
            double dd = Double.longBitsToDouble(r.nextLong());
            if (!Double.isNaN(dd) && !Double.isInfinite(dd)) {
                assertEquals(dd, Double.parseDouble(ShortestDecimal.ofDouble(dd)));
            }
        }
    }

    /** The JDK-text fast path gives exactly what the BigDecimal search gives. */
    @Test
    void fastPathMatchesTheSearch() {
        Random r = new Random(11);
        for (int i = 0; i < 50_000; i++) {
            float f = Float.intBitsToFloat(r.nextInt());
            if (!Float.isNaN(f) && !Float.isInfinite(f) && f != 0) {
                assertEquals(ShortestDecimal.slowOfFloat(f), ShortestDecimal.ofFloat(f), () -> "float bits " + Float.floatToRawIntBits(f));
            }
            double d = Double.longBitsToDouble(r.nextLong());
            if (!Double.isNaN(d) && !Double.isInfinite(d) && d != 0) {
                assertEquals(ShortestDecimal.slowOfDouble(d), ShortestDecimal.ofDouble(d), () -> "double bits " + Double.doubleToRawLongBits(d));
            }
            // values as data usually holds them: short decimals, integers, every magnitude
            double v = (r.nextInt(2_000_001) - 1_000_000) * Math.pow(10, r.nextInt(60) - 30);
            if (v != 0) {
                assertEquals(ShortestDecimal.slowOfDouble(v), ShortestDecimal.ofDouble(v), () -> "double " + v);
                float fv = (float) v;
                if (fv != 0 && !Float.isInfinite(fv)) {
                    assertEquals(ShortestDecimal.slowOfFloat(fv), ShortestDecimal.ofFloat(fv), () -> "float " + fv);
                }
            }
            double u = r.nextDouble() * 1e6;
            assertEquals(ShortestDecimal.slowOfDouble(u), ShortestDecimal.ofDouble(u));
        }
        double[] edges = {Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1e21, 9.999999999999999e20, 1e-7,
            9.999999999999999e-8, 1e23, 2e-44, 0.1, 0.3, 123456789012345678d, 1e22, 5e-324, 4.9e-324, 1.0E-5, 1234.5,
            9007199254740991d, 9007199254740992d, 9007199254740993d, 1200, 1, 7, 1e15, 123456789012345d, 4503599627370497d,
            100, 1e16, 1234567890123456d};
        for (double e : edges) {
            for (double x : new double[] {e, -e, Math.nextUp(e), Math.nextDown(e)}) {
                if (x != 0 && !Double.isInfinite(x)) {
                    assertEquals(ShortestDecimal.slowOfDouble(x), ShortestDecimal.ofDouble(x), () -> "double " + x);
                    float fx = (float) x;
                    if (fx != 0 && !Float.isInfinite(fx)) {
                        assertEquals(ShortestDecimal.slowOfFloat(fx), ShortestDecimal.ofFloat(fx), () -> "float " + fx);
                    }
                }
            }
        }
        for (int bits = 1; bits < 5000; bits++) { // float subnormals, where the JDK text is often too long
            float f = Float.intBitsToFloat(bits);
            assertEquals(ShortestDecimal.slowOfFloat(f), ShortestDecimal.ofFloat(f), () -> "float " + f);
        }
    }

    /**
     * The few-fraction-digits path: whenever it answers, it is what the BigDecimal search gives — for short
     * decimals of every length and magnitude, their neighbouring doubles (where a shorter text no longer
     * reads back), values next to the 2^53 and half-step limits, and random doubles; and it does answer for
     * the short decimals it exists for.
     */
    @Test
    void fewFractionDigitsMatchesTheSearch() {
        Random r = new Random(23);
        int answered = 0;
        for (int i = 0; i < 200_000; i++) {
            int fraction = 1 + r.nextInt(12);
            long unscaled = r.nextLong() % (long) Math.pow(10, 1 + r.nextInt(15));
            double v = new BigDecimal(java.math.BigInteger.valueOf(unscaled), fraction).doubleValue();
            double[] probes = {v, Math.nextUp(v), Math.nextDown(v), -v, Double.longBitsToDouble(r.nextLong()),
                (double) (r.nextLong() >>> 11) / Math.pow(10, 1 + r.nextInt(15))};
            for (double d : probes) {
                if (d == 0 || Double.isNaN(d) || Double.isInfinite(d)) {
                    continue;
                }
                String fast = ShortestDecimal.fewFractionDigits(d);
                if (fast != null) {
                    answered++;
                    assertEquals(ShortestDecimal.slowOfDouble(d), fast, () -> "double bits " + Double.doubleToRawLongBits(d));
                }
            }
            if (unscaled % 10 != 0 && Math.abs(unscaled) < 1_000_000_000L && fraction <= 6) {
                assertNotNull(ShortestDecimal.fewFractionDigits(v), () -> "no short answer for " + v);
            }
        }
        assertTrue(answered > 200_000, "the short path answered only " + answered + " times");
        assertEquals("12345.67", ShortestDecimal.fewFractionDigits(12345.67));
        assertEquals("-0.001", ShortestDecimal.fewFractionDigits(-0.001));
        assertEquals("0.1", ShortestDecimal.fewFractionDigits(0.1));
        assertNull(ShortestDecimal.fewFractionDigits(0.1 + 0.2)); // 0.30000000000000004: a full-precision double
    }

    /** The Float32 few-fraction-digits path agrees with the search wherever it answers, and answers for short decimals. */
    @Test
    void fewFractionDigitsOfFloatsMatchesTheSearch() {
        Random r = new Random(29);
        int answered = 0;
        for (int i = 0; i < 200_000; i++) {
            int fraction = 1 + r.nextInt(8);
            long unscaled = r.nextLong() % (long) Math.pow(10, 1 + r.nextInt(8));
            float v = new BigDecimal(java.math.BigInteger.valueOf(unscaled), fraction).floatValue();
            float[] probes = {v, Math.nextUp(v), Math.nextDown(v), -v, Float.intBitsToFloat(r.nextInt())};
            for (float f : probes) {
                if (f == 0 || Float.isNaN(f) || Float.isInfinite(f)) {
                    continue;
                }
                String fast = ShortestDecimal.fewFractionDigits(f);
                if (fast != null) {
                    answered++;
                    assertEquals(ShortestDecimal.slowOfFloat(f), fast, () -> "float bits " + Float.floatToRawIntBits(f));
                }
            }
            if (unscaled % 10 != 0 && Math.abs(unscaled) < 100_000L && fraction <= 3) {
                assertNotNull(ShortestDecimal.fewFractionDigits(v), () -> "no short answer for " + v);
            }
        }
        assertTrue(answered > 150_000, "the short path answered only " + answered + " times");
        assertEquals("0.1", ShortestDecimal.fewFractionDigits(0.1f));
        assertEquals("-12.75", ShortestDecimal.fewFractionDigits(-12.75f));
    }
}
