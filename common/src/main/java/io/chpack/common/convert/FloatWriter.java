package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;
import io.chpack.common.rowbinary.RowBinaryCodec;
import io.chpack.common.rowbinary.RowBinaryCodecs;
import io.chpack.common.rowbinary.RowBinaryOutput;

import java.io.IOException;
import java.math.BigInteger;

/**
 * Float32, Float64 and BFloat16 from LongColumn, DoubleColumn, StringColumn (strict decimal grammar) and
 * BoolColumn (1/0). Decimal text is rounded once, to the nearest value of the target width
 * ({@code Float.parseFloat} for Float32, so never double-rounded through a double): losing digits is the
 * nature of a binary float and allowed, as are underflows to ±0 / subnormals. A finite value beyond the
 * target's range (1e400 for Float64, 1e39 for Float32) is rejected instead of becoming Infinity. NaN and
 * ±Infinity come only from the words {@code nan}, {@code inf}, {@code infinity} with an optional sign, any
 * case (DoubleColumn spells them NaN / Infinity / -Infinity). {@code -0} keeps its sign.
 */
final class FloatWriter extends ScalarWriter {
    private final boolean narrow; // Float32 or BFloat16
    private final RowBinaryCodec codec;

    FloatWriter(ClickHouseType type, ConversionOptions options) {
        super(type, options);
        this.narrow = type.kind() != ClickHouseTypeKind.FLOAT64;
        this.codec = RowBinaryCodecs.forType(type);
    }

    private Reject beyondRange(String shown) {
        return new Reject(shown + " is beyond the range of " + type);
    }

    @Override
    void fromLong(Column c, BigInteger v, RowBinaryOutput out) throws IOException {
        if (v.bitLength() < 64) { // long → float/double is the same round-to-nearest as BigInteger's
            long l = v.longValue();
            codec.encodeDouble(narrow ? (double) (float) l : (double) l, out);
            return;
        }
        double d = narrow ? v.floatValue() : v.doubleValue();
        if (Double.isInfinite(d)) {
            throw beyondRange(ValueText.truncate(v.toString()));
        }
        codec.encodeDouble(d, out);
    }

    @Override
    void fromDouble(Column c, String text, RowBinaryOutput out) throws IOException {
        fromText(text, out);
    }

    @Override
    void fromString(Column c, String s, RowBinaryOutput out) throws IOException {
        fromText(s, out);
    }

    private void fromText(String s, RowBinaryOutput out) throws IOException {
        int n = s.length();
        // decimal text ends in a digit or '.', the special words in a letter
        if (n == 0 || !(NumberText.isDigit(s.charAt(n - 1)) || s.charAt(n - 1) == '.')) {
            Double special = NumberText.special(s);
            if (special != null) {
                codec.encodeDouble(special, out);
                return;
            }
        }
        if (!NumberText.isDecimal(s)) {
            throw new Reject((s.isEmpty() ? "the empty string" : ValueText.quoted(s)) + " is not a number");
        }
        double d;
        if (narrow) { // the float nearest the text, as Float.parseFloat: never through a double
            float fast = FastDoubleText.parseFloat(s);
            d = fast == fast ? fast : Float.parseFloat(s);
        } else {
            double fast = FastDoubleText.parseDouble(s);
            d = fast == fast ? fast : Double.parseDouble(s);
        }
        if (Double.isInfinite(d)) {
            throw beyondRange(ValueText.truncate(s));
        }
        codec.encodeDouble(d, out);
    }

    @Override
    void fromBool(Column c, boolean b, RowBinaryOutput out) throws IOException {
        codec.encodeDouble(b ? 1 : 0, out);
    }

    @Override
    void writeDefault(RowBinaryOutput out) throws IOException {
        codec.encodeDouble(0, out);
    }
}
