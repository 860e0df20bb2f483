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

    private static final double TWO_53 = 9007199254740992d;
    private static final double TWO_24 = 16777216d;

    private ShortestDecimal() {
    }

    static String ofFloat(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f) || f == 0) {
            return special(f);
        }
        String shortDecimal = fewFractionDigits(f);
        if (shortDecimal != null) {
            return shortDecimal;
        }
        String fast = fast(Float.toString(f), f, true);
        return fast != null ? fast : slowOfFloat(f);
    }

    /** The BigDecimal search, for values where the JDK's text may not be the shortest. */
    static String slowOfFloat(float f) {
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
        if (d == (long) d && Math.abs(d) < TWO_53) {
            // an integer below 2^53: every integer there is a double, so no other decimal with as few
            // significant digits reads back as d; its digits without trailing zeros are the shortest
            return renderStripped(d < 0, Math.abs((long) d), 0);
        }
        String shortDecimal = fewFractionDigits(d);
        if (shortDecimal != null) {
            return shortDecimal;
        }
        String fast = fast(Double.toString(d), d, false);
        return fast != null ? fast : slowOfDouble(d);
    }

    /**
     * Doubles that came from a decimal with few fraction digits (prices, measurements: most real data)
     * without the JDK's digit generation, which before JDK 19 costs several times a whole row's other
     * columns. t is the most fraction digits for which the doubles reading back as d span less than half a
     * step of 10^−t (and d·10^t stays below 2^53, where the check is exact): at that t at most one multiple k
     * of 10^−t reads back as d, and any shorter text that reads back, times a power of ten, would be such a
     * multiple — so if k reads back, k without its trailing zeros is the shortest text, and if none does, no
     * text with t or fewer fraction digits does. Null sends the caller to the general path (full-precision
     * doubles, whose last digit needs exact arithmetic to choose).
     */
    static String fewFractionDigits(double d) {
        return fewFractionDigits(d, false);
    }

    /** {@link #fewFractionDigits(double)} for Float32 values: floats are exact below 2^24, 10^t up to 10^10. */
    static String fewFractionDigits(float f) {
        return fewFractionDigits(f, true);
    }

    private static String fewFractionDigits(double value, boolean isFloat) {
        double a = Math.abs(value);
        double ulp = isFloat ? Math.ulp((float) a) : Math.ulp(a);
        int maxT = isFloat ? 10 : 22;
        double exactBelow = isFloat ? TWO_24 : TWO_53;
        int t = 0;
        while (t < maxT && ulp * POW10[t + 1] < 0.5 && a * POW10[t + 1] < exactBelow) {
            t++;
        }
        if (t == 0) {
            return null; // integers are handled by the caller; no fraction digit fits the exact range
        }
        double x = a * POW10[t];
        long k = Math.round(x);
        if (k > 0 && readsBack(k, -t, a, isFloat)) {
            return renderStripped(value < 0, k, t);
        }
        if (Math.abs(x - k) > 0.25) {
            // x carries a rounding error below half a unit: the candidate is k ± 1 only when x is near a half step
            long other = x > k ? k + 1 : k - 1;
            if (other > 0 && readsBack(other, -t, a, isFloat)) {
                return renderStripped(value < 0, other, t);
            }
        }
        return null;
    }


    /** The BigDecimal search, for values where the JDK's text may not be the shortest. */
    static String slowOfDouble(double d) {
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

    /**
     * The common case without BigDecimal: {@code jdk} is the JDK's text of a finite non-zero value (it
     * always reads back); with p significant digits it is the shortest when neither (p−1)-digit decimal
     * around it reads back — the texts that read back form an interval holding {@code jdk}, so any shorter
     * one would put one of those two in it too. Then the result is what the BigDecimal search returns
     * (it stops at once) and is rendered the same way; otherwise null (the caller searches).
     */
    private static String fast(String jdk, double value, boolean isFloat) {
        int n = jdk.length();
        int i = 0;
        boolean negative = jdk.charAt(0) == '-';
        if (negative) {
            i++;
        }
        long digits = 0;
        int count = 0; // significant digits in 'digits' (leading zeros skipped)
        int pointShift = 0; // digits after the decimal point that went into 'digits' or were skipped as leading zeros
        boolean afterPoint = false;
        int exp = 0;
        for (; i < n; i++) {
            char c = jdk.charAt(i);
            if (c == '.') {
                afterPoint = true;
            } else if (c == 'E') {
                boolean negExp = jdk.charAt(i + 1) == '-';
                for (int k = negExp ? i + 2 : i + 1; k < n; k++) {
                    exp = exp * 10 + (jdk.charAt(k) - '0');
                }
                if (negExp) {
                    exp = -exp;
                }
                break;
            } else {
                int d = c - '0';
                if (count == 0 && d == 0) {
                    if (afterPoint) {
                        pointShift++;
                    }
                    continue;
                }
                if (count == 18) {
                    return null; // never from the JDK (at most 17 digits), but stay exact
                }
                digits = digits * 10 + d;
                count++;
                if (afterPoint) {
                    pointShift++;
                }
            }
        }
        if (count == 0) {
            return null;
        }
        int q = exp - pointShift; // value = digits × 10^q
        while (digits % 10 == 0) {
            digits /= 10;
            count--;
            q++;
        }
        if (count > 1) {
            long lower = digits / 10;
            double abs = Math.abs(value);
            if (readsBack(lower, q + 1, abs, isFloat) || readsBack(lower + 1, q + 1, abs, isFloat)) {
                return null;
            }
        }
        return render(negative, digits, count, -q);
    }

    /** 10^0 … 10^22: exact doubles. */
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * Whether digits × 10^exp reads back as {@code value} (≥ 0). Where both factors are exact in the
     * target width, one multiplication or division rounds correctly (Clinger's fast path: what parsing
     * gives); elsewhere the text is parsed.
     */
    private static boolean readsBack(long digits, int exp, double value, boolean isFloat) {
        if (isFloat) {
            if (digits < (1L << 24) && exp >= -10 && exp <= 10) {
                float f = (float) digits;
                float p = (float) POW10[Math.abs(exp)];
                return (exp >= 0 ? f * p : f / p) == (float) value;
            }
        } else if (digits < (1L << 53) && exp >= -22 && exp <= 22) {
            double d = (double) digits;
            return (exp >= 0 ? d * POW10[exp] : d / POW10[-exp]) == value;
        }
        String s = digits + "E" + exp;
        return isFloat ? Float.parseFloat(s) == (float) value : Double.parseDouble(s) == value;
    }

    /** {@link #render(boolean, long, int, int)} of ±digits × 10^−scale (digits &gt; 0) without its trailing zeros. */
    private static String renderStripped(boolean negative, long digits, int scale) {
        while (digits % 10 == 0) {
            digits /= 10;
            scale--;
        }
        int count = 1;
        for (long v = digits; v >= 10; v /= 10) {
            count++;
        }
        return render(negative, digits, count, scale);
    }

    /**
     * {@link #render(BigDecimal)} of the BigDecimal with unscaled value {@code digits} ({@code count}
     * digits, no trailing zeros) and the given scale, written straight into a char array.
     */
    private static String render(boolean negative, long digits, int count, int scale) {
        int adjusted = count - 1 - scale; // the exponent of the first digit
        char[] c = new char[count + 32];
        int at = 0;
        if (negative) {
            c[at++] = '-';
        }
        boolean plain = adjusted >= -7 && adjusted < 21; // 1e-7 ≤ |x| < 1e21
        if (plain || (scale >= 0 && adjusted >= -6)) { // BigDecimal.toString is plain there too
            if (scale <= 0) {
                at = putDigits(c, at, digits, count);
                for (int k = 0; k < -scale; k++) {
                    c[at++] = '0';
                }
            } else if (count > scale) {
                at = putDigits(c, at, digits, count);
                System.arraycopy(c, at - scale, c, at - scale + 1, scale);
                c[at - scale] = '.';
                at++;
            } else {
                c[at++] = '0';
                c[at++] = '.';
                for (int k = count; k < scale; k++) {
                    c[at++] = '0';
                }
                at = putDigits(c, at, digits, count);
            }
        } else {
            int first = at;
            at = putDigits(c, at + 1, digits, count); // leave room for the point after the first digit
            c[first] = c[first + 1];
            if (count > 1) {
                c[first + 1] = '.';
            } else {
                at--;
            }
            c[at++] = 'E';
            if (adjusted > 0) {
                c[at++] = '+';
            } else {
                c[at++] = '-';
            }
            int a = Math.abs(adjusted);
            int len = a >= 100 ? 3 : a >= 10 ? 2 : 1;
            at = putDigits(c, at, a, len);
        }
        return new String(c, 0, at);
    }

    /** Writes the {@code count} decimal digits of v at {@code at}; returns the index after them. */
    private static int putDigits(char[] c, int at, long v, int count) {
        for (int k = at + count - 1; k >= at; k--) {
            c[k] = (char) ('0' + (int) (v % 10));
            v /= 10;
        }
        return at + count;
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
