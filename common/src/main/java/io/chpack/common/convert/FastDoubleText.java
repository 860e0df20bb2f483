package io.chpack.common.convert;

/**
 * Decimal text to the nearest double without {@link Double#parseDouble}'s big-number arithmetic, for the
 * common case: at most 18 significant digits and a decimal exponent within ±22 after scaling. A candidate
 * from two floating-point operations is checked exactly against the midpoints to its neighbours with
 * 128-bit integer arithmetic, and moved by one ulp if needed; any case it cannot settle (ties, a power of
 * two, anything outside that range) is left to {@code Double.parseDouble}, signalled by NaN.
 * The text must already match {@link NumberText#isDecimal}.
 */
final class FastDoubleText {
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long[] POW5 = new long[23];
    private static final long M32 = 0xFFFFFFFFL;

    static {
        POW5[0] = 1;
        for (int i = 1; i < POW5.length; i++) {
            POW5[i] = POW5[i - 1] * 5;
        }
    }

    private FastDoubleText() {
    }

    /** Float64 of decimal text, or NaN (which decimal text never is) when the fast path cannot decide. */
    static double parseDouble(String s) {
        long[] me = digits(s);
        if (me == null) {
            return Double.NaN;
        }
        long m = me[0];
        int e = (int) me[1];
        boolean negative = me[2] != 0;
        if (m == 0) {
            return negative ? -0.0 : 0.0;
        }
        if (e < -22 || e > 22) {
            return Double.NaN;
        }
        double c;
        if (m <= (1L << 53)) { // both exact: one correctly rounded operation (Clinger)
            c = e >= 0 ? m * POW10[e] : m / POW10[-e];
            return negative ? -c : c;
        }
        c = e >= 0 ? (double) m * POW10[e] : (double) m / POW10[-e];
        for (int attempt = 0; attempt < 3; attempt++) {
            long bits = Double.doubleToRawLongBits(c);
            int biased = (int) (bits >>> 52);
            long mant = bits & ((1L << 52) - 1);
            if (biased == 0 || biased >= 0x7FF || mant == 0) {
                return Double.NaN; // subnormal, infinite, or a power of two (uneven neighbour gaps)
            }
            long mc = mant | (1L << 52);
            int ec = biased - 1075; // c = mc × 2^ec
            // exact value vs the midpoints (2mc ± 1) × 2^(ec−1)
            int above = compare(m, e, 2 * mc + 1, ec - 1);
            int below = compare(m, e, 2 * mc - 1, ec - 1);
            if (above < 0 && below > 0) {
                return negative ? -c : c;
            }
            if (above == 0 || below == 0) {
                return Double.NaN; // a tie: leave the rounding rule to the JDK
            }
            c = above > 0 ? Math.nextUp(c) : Math.nextDown(c);
        }
        return Double.NaN;
    }

    /** Float32 of decimal text where one float operation is exact (Clinger), or NaN. */
    static float parseFloat(String s) {
        long[] me = digits(s);
        if (me == null) {
            return Float.NaN;
        }
        long m = me[0];
        int e = (int) me[1];
        boolean negative = me[2] != 0;
        if (m == 0) {
            return negative ? -0.0f : 0.0f;
        }
        if (m > (1L << 24) || e < -10 || e > 10) {
            return Float.NaN;
        }
        float p = (float) POW10[Math.abs(e)];
        float c = e >= 0 ? (float) m * p : (float) m / p;
        return negative ? -c : c;
    }

    /** {significand, decimal exponent, negative} of the text, or null beyond 18 significant digits. */
    private static long[] digits(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long m = 0;
        int sig = 0;
        int exp = 0;
        boolean point = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                point = true;
                continue;
            }
            if (c == 'e' || c == 'E') {
                break;
            }
            int d = c - '0';
            if (point) {
                exp--;
            }
            if (sig == 0 && d == 0) {
                continue;
            }
            if (++sig > 18) {
                return null;
            }
            m = m * 10 + d;
        }
        if (i < n) { // exponent
            i++;
            boolean negExp = false;
            if (s.charAt(i) == '+' || s.charAt(i) == '-') {
                negExp = s.charAt(i) == '-';
                i++;
            }
            if (n - i > 4) {
                return null;
            }
            int x = 0;
            for (; i < n; i++) {
                x = x * 10 + (s.charAt(i) - '0');
            }
            exp += negExp ? -x : x;
        }
        return new long[] {m, exp, negative ? 1 : 0};
    }

    /** Sign of m × 10^e − b × 2^k, with m &lt; 10^18, |e| ≤ 22, 0 &lt; b &lt; 2^55. */
    private static int compare(long m, int e, long b, int k) {
        // with e ≥ 0: m·5^e·2^e vs b·2^k, so (m·5^e) vs b·2^(k−e); with e < 0: m vs (b·5^−e)·2^(k−e)
        long ahi;
        long alo;
        long bhi;
        long blo;
        int shift = k - e;
        if (e >= 0) {
            ahi = mulHigh(m, POW5[e]);
            alo = m * POW5[e];
            bhi = 0;
            blo = b;
        } else {
            ahi = 0;
            alo = m;
            bhi = mulHigh(b, POW5[-e]);
            blo = b * POW5[-e];
        }
        // compare A vs B·2^shift, shifting whichever side is multiplied by the power of two
        if (shift >= 0) {
            if (bitLength(bhi, blo) + shift > 127) {
                return -1; // A < 2^112
            }
            if (shift >= 64) {
                bhi = blo << (shift - 64);
                blo = 0;
            } else if (shift > 0) {
                bhi = (bhi << shift) | (blo >>> (64 - shift));
                blo <<= shift;
            }
        } else {
            int left = -shift;
            if (bitLength(ahi, alo) + left > 127) {
                return 1; // B < 2^107
            }
            if (left >= 64) {
                ahi = alo << (left - 64);
                alo = 0;
            } else {
                ahi = (ahi << left) | (alo >>> (64 - left));
                alo <<= left;
            }
        }
        int c = Long.compare(ahi ^ Long.MIN_VALUE, bhi ^ Long.MIN_VALUE);
        return c != 0 ? c : Long.compare(alo ^ Long.MIN_VALUE, blo ^ Long.MIN_VALUE);
    }

    private static int bitLength(long hi, long lo) {
        return hi != 0 ? 128 - Long.numberOfLeadingZeros(hi) : 64 - Long.numberOfLeadingZeros(lo);
    }

    /** The high 64 bits of the unsigned 128-bit product a·b. */
    static long mulHigh(long a, long b) {
        long a0 = a & M32;
        long a1 = a >>> 32;
        long b0 = b & M32;
        long b1 = b >>> 32;
        long p00 = a0 * b0;
        long p01 = a0 * b1;
        long p10 = a1 * b0;
        long p11 = a1 * b1;
        long mid = (p00 >>> 32) + (p01 & M32) + (p10 & M32);
        return p11 + (p01 >>> 32) + (p10 >>> 32) + (mid >>> 32);
    }
}
