package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Decimal(P, S) as the unscaled value in a 4/8/16/32-byte little-endian two's complement integer. Values:
 * BigDecimal (an integer Number is accepted too). Nothing is rounded: a value with more than S fraction
 * digits (after dropping trailing zeros) or more than P digits is out of range. The long fast path carries
 * the unscaled value (12.34 in Decimal(9, 2) is 1234).
 */
final class DecimalCodec extends RowBinaryCodec {
    private final int precision;
    private final int scale;
    private final int width;
    private final BigInteger limit; // 10^P: |unscaled| must be below
    private final long longLimit; // 10^P when P ≤ 18, else Long.MAX_VALUE (every long fits)

    DecimalCodec(ClickHouseType type) {
        super(type);
        this.precision = type.precision();
        this.scale = type.scale();
        this.width = type.decimalByteWidth();
        this.limit = BigInteger.TEN.pow(precision);
        this.longLimit = precision <= 18 ? limit.longValue() : Long.MAX_VALUE;
    }

    @Override
    public void encode(Object value, RowBinaryOutput out) throws IOException {
        if (value == null) {
            throw nullValue();
        }
        BigDecimal d;
        if (value instanceof BigDecimal) {
            d = (BigDecimal) value;
        } else {
            BigInteger i = Integers.exact(value);
            if (i == null) {
                throw wrongClass(value, "a BigDecimal or an integer");
            }
            d = new BigDecimal(i);
        }
        // cheap digit checks first: setScale on 1E+1000000000 would build a billion-digit number
        if (d.signum() != 0 && d.precision() - d.scale() > precision - scale) {
            throw outOfRange(value, "(at most " + (precision - scale) + " integer digits)");
        }
        if (d.scale() > scale && d.stripTrailingZeros().scale() > scale) {
            throw new RowBinaryValueException("value " + ValueDescriber.describe(value) + " has more than " + scale
                    + " fraction digits for ClickHouse " + type + " (round it first)");
        }
        BigDecimal scaled;
        try {
            scaled = d.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new RowBinaryValueException("value " + ValueDescriber.describe(value) + " has more than " + scale
                    + " fraction digits for ClickHouse " + type + " (round it first)");
        }
        BigInteger unscaled = scaled.unscaledValue();
        if (unscaled.abs().compareTo(limit) >= 0) {
            throw outOfRange(value, "(at most " + (precision - scale) + " integer digits)");
        }
        if (unscaled.bitLength() < 64) {
            out.writeLongAsWideOrNarrow(unscaled.longValue(), width);
        } else {
            out.writeBigInteger(unscaled, width, true, type.toString());
        }
    }

    @Override
    public Object decode(RowBinaryInput in) throws IOException {
        if (width <= 8) {
            return BigDecimal.valueOf(decodeLong(in), scale);
        }
        return new BigDecimal(in.readBigInteger(width, true, type.toString()), scale);
    }

    @Override
    public boolean supportsLong() {
        return true;
    }

    /** The unscaled value; |v| &lt; 10^P. */
    @Override
    public void encodeLong(long unscaled, RowBinaryOutput out) throws IOException {
        if (unscaled <= -longLimit || unscaled >= longLimit) {
            throw new RowBinaryValueException("unscaled value " + unscaled + " is out of range for ClickHouse " + type
                    + " (|unscaled| < 10^" + precision + ")");
        }
        out.writeLongAsWideOrNarrow(unscaled, width);
    }

    /**
     * The unscaled value; for Decimal128/256 only when it fits in a long, else RowBinaryFormatException.
     */
    @Override
    public long decodeLong(RowBinaryInput in) throws IOException {
        switch (width) {
            case 4:
                return in.readInt32();
            case 8:
                return in.readInt64();
            default:
                return in.readWideAsLong(width, type.toString());
        }
    }
}
