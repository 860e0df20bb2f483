package io.chpack.common.convert;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Strict number text. Decimal grammar: {@code [+-]? digits [. digits]? ([eE] [+-]? digits)?}, where one
 * side of the point may be empty ({@code .5}, {@code 5.}) but not both. No blanks, no thousands
 * separators, no hex, no {@code d}/{@code f} suffixes, no {@code _}: text with anything else is rejected
 * rather than half-read.
 */
final class NumberText {
    /** More integer digits than any ClickHouse integer or Decimal can hold (UInt256 has 78). */
    static final int MAX_INTEGER_DIGITS = 80;

    private NumberText() {
    }

    /** True if {@code s} matches the decimal grammar. */
    static boolean isDecimal(CharSequence s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** True for {@code [+-]?digits}. */
    static boolean isInteger(CharSequence s) {
        int n = s.length();
        int i = (n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-')) ? 1 : 0;
        if (i == n) {
            return false;
        }
        for (; i < n; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The exact value of decimal text; rejects anything outside the grammar. */
    static BigDecimal parseDecimal(String s) {
        if (!isDecimal(s)) {
            throw new Reject(describeBad(s) + " is not a decimal number");
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) { // exponent beyond int range
            throw new Reject(ValueText.quoted(s) + " has an exponent too large for any ClickHouse number");
        }
    }

    private static String describeBad(String s) {
        return s.isEmpty() ? "the empty string" : ValueText.quoted(s);
    }

    /** Integer text ({@code [+-]?digits}) as a BigInteger. */
    static BigInteger parseIntegerLiteral(String s) {
        return new BigInteger(s.charAt(0) == '+' ? s.substring(1) : s);
    }

    /**
     * The integer a decimal value equals exactly; a fraction ({@code 1.5}) is rejected, never rounded.
     * Trailing zero fractions ({@code 1.000}, {@code 1e3}) are fine.
     */
    static BigInteger integral(BigDecimal d, String shown) {
        if (d.signum() == 0) {
            return BigInteger.ZERO;
        }
        if (d.precision() - d.scale() > MAX_INTEGER_DIGITS) {
            throw new Reject(shown + " has more than " + MAX_INTEGER_DIGITS + " integer digits");
        }
        if (d.scale() > 0 && d.stripTrailingZeros().scale() > 0) {
            throw new Reject(shown + " is not an integer (it has a fraction; integers are never rounded)");
        }
        return d.toBigIntegerExact();
    }

    /**
     * An integer from text: integer literals directly, other decimal text (1.0, 1e3) when its value is
     * integral.
     */
    static BigInteger integerFromText(String s) {
        if (isInteger(s)) {
            return parseIntegerLiteral(s);
        }
        return integral(parseDecimal(s), ValueText.quoted(s));
    }

    /**
     * Float special words, case-insensitive, optional sign: nan, inf, infinity. Returns the value, or null
     * when {@code s} is not one of them.
     */
    static Double special(String s) {
        int n = s.length();
        if (n < 3 || n > 9) {
            return null;
        }
        boolean neg = s.charAt(0) == '-';
        String w = (s.charAt(0) == '-' || s.charAt(0) == '+') ? s.substring(1) : s;
        if (w.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        if (w.equalsIgnoreCase("inf") || w.equalsIgnoreCase("infinity")) {
            return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return null;
    }
}
