package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryCodec;
import io.chpack.common.rowbinary.RowBinaryCodecs;
import io.chpack.common.rowbinary.RowBinaryOutput;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Decimal(P, S), exactly: from LongColumn, DoubleColumn's decimal text, StringColumn (strict decimal
 * grammar) or BoolColumn (1/0), never through a double. More than P−S integer digits is rejected. More
 * than S fraction digits (after dropping trailing zeros: 1.500 fits scale 1) is rejected by default, or
 * rounded with {@link ConversionOptions#decimalRounding()} (truncate = toward zero, half_up, half_even);
 * a value that rounding carries past P digits (9.995 → 10.00 in Decimal(3, 2)) is still rejected.
 * NaN and Infinity have no Decimal form.
 */
final class DecimalWriter extends ScalarWriter {
    private final int precision;
    private final int scale;
    private final boolean longPath;
    private final BigInteger limit;
    private final RoundingPolicy rounding;
    private final RowBinaryCodec codec;
    private final int width;
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    DecimalWriter(ClickHouseType type, ConversionOptions options) {
        super(type, options);
        this.precision = type.precision();
        this.scale = type.scale();
        this.longPath = type.decimalByteWidth() <= 8;
        this.limit = BigInteger.TEN.pow(precision);
        this.rounding = options.decimalRounding();
        this.codec = RowBinaryCodecs.forType(type);
        this.width = type.decimalByteWidth();
    }

    /**
     * Plain decimal text ({@code [+-]?digits[.digits]}, no exponent) that fits without rounding and whose
     * unscaled value has at most 38 digits, written without BigDecimal; returns false, having written
     * nothing, for anything else (the BigDecimal path then decides, with its messages). Same bytes as the
     * BigDecimal path: the value is the same exact integer.
     */
    private boolean writePlainText(String s, RowBinaryOutput out) throws IOException {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        int intStart = i;
        while (i < n && NumberText.isDigit(s.charAt(i))) {
            i++;
        }
        int intEnd = i;
        int fracStart = i;
        int fracEnd = i;
        if (i < n && s.charAt(i) == '.') {
            fracStart = ++i;
            while (i < n && NumberText.isDigit(s.charAt(i))) {
                i++;
            }
            fracEnd = i;
        }
        if (i != n || (intEnd == intStart && fracEnd == fracStart)) {
            return false; // exponent, junk or no digits
        }
        int firstSig = intStart;
        while (firstSig < intEnd && s.charAt(firstSig) == '0') {
            firstSig++;
        }
        int intDigits = intEnd - firstSig;
        int lastFrac = fracEnd;
        while (lastFrac > fracStart && s.charAt(lastFrac - 1) == '0') {
            lastFrac--;
        }
        int fracDigits = lastFrac - fracStart;
        if (fracDigits > scale || intDigits > precision - scale || intDigits + scale > 38) {
            return false; // rounding, too large, or beyond 128 bits
        }
        if (intDigits + scale <= 18) {
            long v = 0;
            for (int k = firstSig; k < intEnd; k++) {
                v = v * 10 + (s.charAt(k) - '0');
            }
            for (int k = fracStart; k < lastFrac; k++) {
                v = v * 10 + (s.charAt(k) - '0');
            }
            v *= POW10[scale - fracDigits];
            codec.encodeLong(negative ? -v : v, out);
            return true;
        }
        long hi = 0;
        long lo = 0;
        for (int k = firstSig; k < intEnd + (lastFrac - fracStart) + (scale - fracDigits); k++) {
            int d;
            if (k < intEnd) {
                d = s.charAt(k) - '0';
            } else if (k - intEnd < lastFrac - fracStart) {
                d = s.charAt(fracStart + k - intEnd) - '0';
            } else {
                d = 0;
            }
            // (hi:lo) = (hi:lo) * 10 + d, unsigned 128-bit; 38 digits stay below 2^127
            long loLow = (lo & 0xFFFFFFFFL) * 10 + d;
            long loHigh = (lo >>> 32) * 10 + (loLow >>> 32);
            lo = (loHigh << 32) | (loLow & 0xFFFFFFFFL);
            hi = hi * 10 + (loHigh >>> 32);
        }
        if (negative) {
            lo = -lo;
            hi = lo == 0 ? -hi : ~hi;
        }
        out.writeInt128Bits(lo, hi, width);
        return true;
    }

    /** A long times 10^S without BigDecimal when it fits; false, nothing written, otherwise. */
    private boolean writeLongValue(long v, RowBinaryOutput out) throws IOException {
        if (v == 0) {
            codec.encodeLong(0, out);
            return true;
        }
        if (v == Long.MIN_VALUE) {
            return false;
        }
        long abs = Math.abs(v);
        int digits = 1;
        while (digits < 19 && abs >= POW10[digits]) {
            digits++;
        }
        if (digits > precision - scale || digits + scale > 18) {
            return false;
        }
        codec.encodeLong(v * POW10[scale], out);
        return true;
    }

    private void write(BigDecimal d, String shown, RowBinaryOutput out) throws IOException {
        if (d.signum() != 0 && d.precision() - d.scale() > precision - scale) { // before any setScale: 1e999999999
            throw tooLarge(shown);
        }
        BigDecimal scaled;
        if (d.scale() > scale && d.stripTrailingZeros().scale() > scale) {
            if (rounding == RoundingPolicy.ERROR) {
                throw new Reject(shown + " has " + d.stripTrailingZeros().scale() + " fraction digits; " + type + " keeps "
                        + scale + " (decimalRounding is error; truncate, half_up or half_even round instead)");
            }
            if (d.precision() - d.scale() < -scale - 1) {
                scaled = BigDecimal.ZERO.setScale(scale); // |d| < 10^-(S+1): every supported rounding gives 0
            } else {
                scaled = d.setScale(scale, rounding.decimalMode());
            }
        } else {
            scaled = d.setScale(scale, java.math.RoundingMode.UNNECESSARY);
        }
        BigInteger unscaled = scaled.unscaledValue();
        if (unscaled.abs().compareTo(limit) >= 0) {
            throw tooLarge(shown);
        }
        if (longPath) {
            codec.encodeLong(unscaled.longValue(), out);
        } else {
            codec.encode(scaled, out);
        }
    }

    private Reject tooLarge(String shown) {
        return new Reject(shown + " needs more than the " + (precision - scale) + " integer digits " + type + " has");
    }

    @Override
    void fromLong(Column c, BigInteger v, RowBinaryOutput out) throws IOException {
        if (v.bitLength() < 64 && writeLongValue(v.longValue(), out)) {
            return;
        }
        write(new BigDecimal(v), ValueText.truncate(v.toString()), out);
    }

    @Override
    void fromDouble(Column c, String text, RowBinaryOutput out) throws IOException {
        if (writePlainText(text, out)) {
            return;
        }
        write(NumberText.parseDecimal(text), ValueText.truncate(text), out);
    }

    @Override
    void fromString(Column c, String s, RowBinaryOutput out) throws IOException {
        if (writePlainText(s, out)) {
            return;
        }
        write(NumberText.parseDecimal(s), ValueText.quoted(s), out);
    }

    @Override
    void fromBool(Column c, boolean b, RowBinaryOutput out) throws IOException {
        write(b ? BigDecimal.ONE : BigDecimal.ZERO, String.valueOf(b), out);
    }

    @Override
    void writeDefault(RowBinaryOutput out) throws IOException {
        codec.encodeLong(0, out);
    }
}
