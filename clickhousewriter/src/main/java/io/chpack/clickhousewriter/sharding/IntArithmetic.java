package io.chpack.clickhousewriter.sharding;

/**
 * C++ integer arithmetic as ClickHouse's {@code ModuloImpl} performs it: both operands undergo the usual
 * arithmetic conversions (types narrower than int become int; then the operands meet in a common type, which
 * is unsigned when the unsigned operand is at least as wide), {@code %} truncates toward zero, and the result
 * is then converted to the function's result type. Checked on 18.16.1 and 26.7:
 * {@code toInt32(-5) % toUInt32(3) = 2} (UInt32 arithmetic), {@code toInt8(-5) % toUInt64(7) = 4},
 * {@code toInt64(-5) % 3 = -2}, and the issue #20052 truncation {@code toInt32(441746) % 150 = -110} on 18.16.
 */
final class IntArithmetic {
    private IntArithmetic() {
    }

    /** The common type of the usual arithmetic conversions. */
    static IntType commonType(IntType a, IntType b) {
        IntType pa = promote(a);
        IntType pb = promote(b);
        if (pa.isSigned() == pb.isSigned()) {
            return pa.width() >= pb.width() ? pa : pb;
        }
        IntType unsigned = pa.isSigned() ? pb : pa;
        IntType signed = pa.isSigned() ? pa : pb;
        return unsigned.width() >= signed.width() ? unsigned : signed;
    }

    /** Integral promotion: everything narrower than int becomes int. */
    private static IntType promote(IntType t) {
        return t.width() < 4 ? IntType.INT32 : t;
    }

    /**
     * {@code a % b} with C++ semantics, converted to {@code resultType}.
     *
     * @throws ArithmeticException on division by zero (the server refuses it too)
     */
    static long modulo(long a, IntType aType, long b, IntType bType, IntType resultType) {
        IntType common = commonType(aType, bType);
        long x = common.normalize(a);
        long y = common.normalize(b);
        if (y == 0) {
            throw new ArithmeticException("Division by zero");
        }
        long r = common.isSigned() ? x % y : Long.remainderUnsigned(x, y);
        return resultType.normalize(r);
    }
}
