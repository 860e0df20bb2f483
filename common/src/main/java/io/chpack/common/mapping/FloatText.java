package io.chpack.common.mapping;

import java.math.BigDecimal;

/**
 * The decimal text a DoubleColumn carries for a binary float: the shortest digits that read back as the
 * same float/double (Java's {@code Float.toString}/{@code Double.toString}), in plain notation, so that
 * {@code 3.14} stays {@code 3.14} instead of {@code 3.1400001049041748}. NaN and the infinities keep their
 * names ({@code NaN}, {@code Infinity}, {@code -Infinity}), which DataX's DoubleColumn(String) accepts.
 */
final class FloatText {
    private FloatText() {
    }

    static String of(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            return Float.toString(f);
        }
        return plain(Float.toString(f));
    }

    static String of(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        return plain(Double.toString(d));
    }

    /** Plain notation without the trailing zeros Java's text adds ("1.0", "1.0E-5"); keeps a negative zero's sign. */
    static String plain(String javaText) {
        // Fast path (most values): no exponent, and the fraction ends in a non-zero digit (kept as it is) or is the
        // ".0" Java always writes (dropped): what the BigDecimal route below gives, without its allocations.
        int n = javaText.length();
        if (javaText.indexOf('E') < 0 && n >= 3) {
            char last = javaText.charAt(n - 1);
            if (last != '0') {
                return javaText;
            }
            if (javaText.charAt(n - 2) == '.') {
                return javaText.substring(0, n - 2);
            }
        }
        String s = new BigDecimal(javaText).stripTrailingZeros().toPlainString();
        if (javaText.startsWith("-") && !s.startsWith("-")) {
            s = "-" + s; // BigDecimal has no negative zero
        }
        return s;
    }
}
