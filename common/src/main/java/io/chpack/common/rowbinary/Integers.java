package io.chpack.common.rowbinary;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Which Java objects count as integers for encoding, and their exact value. */
final class Integers {
    private Integers() {
    }

    /** Byte, Short, Integer, Long: the value fits in a long without any conversion. */
    static boolean isSmall(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
    }

    /**
     * The exact integer value of Byte/Short/Integer/Long/BigInteger, or of a BigDecimal with no fraction;
     * null for anything else (floats are never silently truncated).
     */
    static BigInteger exact(Object v) {
        if (isSmall(v)) {
            return BigInteger.valueOf(((Number) v).longValue());
        }
        if (v instanceof BigInteger) {
            return (BigInteger) v;
        }
        if (v instanceof BigDecimal) {
            BigDecimal d = (BigDecimal) v;
            if (d.signum() == 0) {
                return BigInteger.ZERO;
            }
            try {
                return d.toBigIntegerExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return null;
    }
}
