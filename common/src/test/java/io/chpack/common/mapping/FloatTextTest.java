package io.chpack.common.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** FloatText's fast path gives exactly what the BigDecimal route gives (the route it short-cuts). */
class FloatTextTest {
    static String reference(String javaText) {
        String s = new BigDecimal(javaText).stripTrailingZeros().toPlainString();
        if (javaText.startsWith("-") && !s.startsWith("-")) {
            s = "-" + s;
        }
        return s;
    }

    @Test
    void fixedValues() {
        double[] ds = {0.0, -0.0, 1.0, -1.0, 100.0, 1e7, 1.0e-3, 9.99e-4, 3.14, 0.1, 1.5, 123456.789, 1e300, 4.9e-324,
                Double.MAX_VALUE, Double.MIN_NORMAL, 2e23, 100.5, -100.0};
        for (double d : ds) {
            assertEquals(reference(Double.toString(d)), FloatText.of(d), "double " + d);
        }
        float[] fs = {0f, -0f, 1f, 3.14f, 0.1f, 1e-5f, 1e10f, Float.MAX_VALUE, Float.MIN_VALUE, 16777216f, -2.5f};
        for (float f : fs) {
            assertEquals(reference(Float.toString(f)), FloatText.of(f), "float " + f);
        }
        assertEquals("3.14", FloatText.of(3.14f));
        assertEquals("1", FloatText.of(1.0));
        assertEquals("-0", FloatText.of(-0.0));
        assertEquals("0.00001", FloatText.of(1e-5));
        assertEquals("10000000", FloatText.of(1e7));
    }

    @Test
    void randomValuesMatchTheReference() {
        Random r = new Random(11);
        for (int i = 0; i < 300_000; i++) {
            double d;
            switch (i % 4) {
                case 0: d = Double.longBitsToDouble(r.nextLong()); break;
                case 1: d = r.nextInt(2_000_000) / 100.0 - 10_000; break;
                case 2: d = Math.scalb(r.nextDouble(), r.nextInt(80) - 40); break;
                default: d = r.nextInt(100_000) * 1.5; break;
            }
            if (!Double.isNaN(d) && !Double.isInfinite(d)) {
                assertEquals(reference(Double.toString(d)), FloatText.of(d), "double " + d);
            }
            float f = Float.intBitsToFloat(r.nextInt());
            if (!Float.isNaN(f) && !Float.isInfinite(f)) {
                assertEquals(reference(Float.toString(f)), FloatText.of(f), "float " + f);
            }
        }
    }
}
