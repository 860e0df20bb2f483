package io.chpack.common.convert;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The fast decimal-text parser answers exactly as Double.parseDouble / Float.parseFloat, or not at all. */
class FastDoubleTextTest {
    private static int decided;

    private static void same(String s) {
        assertTrue(NumberText.isDecimal(s), s);
        double fast = FastDoubleText.parseDouble(s);
        if (fast == fast) {
            decided++;
            assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)), Double.doubleToRawLongBits(fast), s);
        }
        float ff = FastDoubleText.parseFloat(s);
        if (ff == ff) {
            assertEquals(Float.floatToRawIntBits(Float.parseFloat(s)), Float.floatToRawIntBits(ff), s);
        }
    }

    @Test
    void edges() {
        String[] texts = {"0", "-0", "+0", "0.000", "-0e5", "1", "-1", ".5", "5.", "0.1", "0.3", "123456.789",
            "9007199254740992", "9007199254740993", "9007199254740994", "9007199254740995", "-9007199254740993",
            "18014398509481985", "999999999999999999", "123456789012345678e-22", "123456789012345678e4",
            "1e22", "1e23", "1e-22", "1e-23", "4.9e-324", "1.7976931348623157e308", "2.2250738585072014E-308",
            "0.30000000000000004", "0.1000000000000000055511151231257827", "1234567890123456789", "+1.5E+3",
            "16777217", "16777216", "3.4028235e38", "1.4e-45", "0.000001", "1e10", "1e-10", "33554433e-1",
            "4503599627370497.5", "4503599627370496.5", "2.5e-22", "8.5e21"};
        for (String t : texts) {
            same(t);
        }
        assertTrue(Double.isNaN(FastDoubleText.parseDouble("1234567890123456789")), "19 digits are left to the JDK");
        assertEquals(-0.0, FastDoubleText.parseDouble("-0.0"));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(FastDoubleText.parseDouble("-0.0")));
    }

    @Test
    void randomTexts() {
        Random r = new Random(3);
        decided = 0;
        for (int i = 0; i < 300_000; i++) {
            int digits = 1 + r.nextInt(18);
            StringBuilder sb = new StringBuilder();
            if (r.nextInt(3) == 0) {
                sb.append('-');
            }
            for (int k = 0; k < digits; k++) {
                sb.append((char) ('0' + r.nextInt(10)));
            }
            if (r.nextBoolean()) {
                sb.insert(sb.length() - r.nextInt(digits + 1), '.');
            }
            if (r.nextInt(3) == 0) {
                sb.append('e').append(r.nextInt(50) - 25);
            }
            String s = sb.toString();
            if (s.equals(".") || s.equals("-.") || s.startsWith(".e") || s.startsWith("-.e")) {
                continue;
            }
            same(s);
        }
        for (int i = 0; i < 100_000; i++) { // texts as readers produce them: doubles' shortest and plain forms
            double d = r.nextDouble() * Math.pow(10, r.nextInt(30) - 10);
            same(Double.toString(d));
            same(new BigDecimal(Double.toString(d)).toPlainString());
            same(Float.toString((float) d));
        }
        assertTrue(decided > 200_000, "the fast path decides most texts: " + decided);
    }
}
