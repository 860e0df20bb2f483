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

    DecimalWriter(ClickHouseType type, ConversionOptions options) {
        super(type, options);
        this.precision = type.precision();
        this.scale = type.scale();
        this.longPath = type.decimalByteWidth() <= 8;
        this.limit = BigInteger.TEN.pow(precision);
        this.rounding = options.decimalRounding();
        this.codec = RowBinaryCodecs.forType(type);
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
        write(new BigDecimal(v), ValueText.truncate(v.toString()), out);
    }

    @Override
    void fromDouble(Column c, String text, RowBinaryOutput out) throws IOException {
        write(NumberText.parseDecimal(text), ValueText.truncate(text), out);
    }

    @Override
    void fromString(Column c, String s, RowBinaryOutput out) throws IOException {
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
