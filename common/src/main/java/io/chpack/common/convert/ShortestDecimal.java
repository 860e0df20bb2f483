package io.chpack.common.convert;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The shortest decimal text that reads back as the same float or double — Float32 0.1 is {@code 0.1},
 * not the widened binary {@code 0.10000000149011612}. Independent of the JVM: {@code Float.toString}
 * before JDK 19 sometimes gives one digit too many (JDK-4511638), so its result is shortened while a
 * shorter text still round-trips. Notation: plain for 1e-7 ≤ |x| &lt; 1e21 ({@code 123.45},
 * {@code 0.000001}), otherwise scientific ({@code 1.5E-8}, {@code 1E+21}) — always valid BigDecimal and
 * JSON number text. Zero is {@code 0} or {@code -0}; non-finite values are {@code NaN},
 * {@code Infinity}, {@code -Infinity} (the spellings DoubleColumn accepts).
 */
final class ShortestDecimal {
    private static final BigDecimal PLAIN_MIN = new BigDecimal("1E-7");
    private static final BigDecimal PLAIN_MAX = new BigDecimal("1E+21");

    private ShortestDecimal() {
    }

    static String ofFloat(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f) || f == 0) {
            return special(f);
        }
        BigDecimal exact = new BigDecimal((double) f);
        BigDecimal best = new BigDecimal(Float.toString(f)).stripTrailingZeros();
        for (int p = best.precision() - 1; p >= 1; p--) {
            BigDecimal shorter = candidate(exact, p, f, true);
            if (shorter == null) {
                break; // no p-digit text round-trips, so none with fewer digits does either
            }
            best = shorter;
        }
        return render(best);
    }

    static String ofDouble(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
            return special(d);
        }
        BigDecimal exact = new BigDecimal(d);
        BigDecimal best = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        for (int p = best.precision() - 1; p >= 1; p--) {
            BigDecimal shorter = candidate(exact, p, d, false);
            if (shorter == null) {
                break;
            }
            best = shorter;
        }
        return render(best);
    }

    /** The p-digit decimal nearest to {@code exact} that reads back as {@code value}, or null. */
    private static BigDecimal candidate(BigDecimal exact, int p, double value, boolean isFloat) {
        BigDecimal down = exact.round(new MathContext(p, RoundingMode.FLOOR));
        BigDecimal up = exact.round(new MathContext(p, RoundingMode.CEILING));
        boolean downOk = readsBack(down, value, isFloat);
        boolean upOk = readsBack(up, value, isFloat);
        if (downOk && upOk) {
            int cmp = exact.subtract(down).compareTo(up.subtract(exact));
            return (cmp <= 0 ? down : up).stripTrailingZeros();
        }
        if (downOk) {
            return down.stripTrailingZeros();
        }
        return upOk ? up.stripTrailingZeros() : null;
    }

    private static boolean readsBack(BigDecimal text, double value, boolean isFloat) {
        String s = text.toString();
        return isFloat ? Float.parseFloat(s) == (float) value : Double.parseDouble(s) == value;
    }

    private static String render(BigDecimal d) {
        BigDecimal abs = d.abs();
        if (abs.compareTo(PLAIN_MIN) >= 0 && abs.compareTo(PLAIN_MAX) < 0) {
            return d.toPlainString();
        }
        return d.toString(); // BigDecimal's scientific form, e.g. 1.5E-8, 1E+21
    }

    private static String special(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Infinity" : "-Infinity";
        }
        return (Double.doubleToRawLongBits(v) < 0) ? "-0" : "0";
    }
}
