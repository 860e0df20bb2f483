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
}
