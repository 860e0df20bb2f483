package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryCodec;
import io.chpack.common.rowbinary.RowBinaryCodecs;
import io.chpack.common.rowbinary.RowBinaryOutput;

import java.io.IOException;
import java.math.BigInteger;

/**
 * Int8…Int64 and UInt8…UInt32, on the primitive path: the value is read once as a long, range-checked
 * against the exact width (UInt8 300 is rejected, never wrapped to 44) and written without boxing.
 * Sources: LongColumn; DoubleColumn when its decimal text is integral (2.0, 1e3; 2.5 is rejected, never
 * rounded); StringColumn by the strict decimal grammar, integral; BoolColumn as 1/0.
 */
class IntegerWriter extends ScalarWriter {
    private final long min;
    private final long max;
    private final RowBinaryCodec codec;

    IntegerWriter(ClickHouseType type, ConversionOptions options) {
        super(type, options);
        this.codec = RowBinaryCodecs.forType(type);
        switch (type.kind()) {
            case INT8: min = Byte.MIN_VALUE; max = Byte.MAX_VALUE; break;
            case INT16: min = Short.MIN_VALUE; max = Short.MAX_VALUE; break;
            case INT32: min = Integer.MIN_VALUE; max = Integer.MAX_VALUE; break;
            case INT64: min = Long.MIN_VALUE; max = Long.MAX_VALUE; break;
            case UINT8: min = 0; max = 0xFF; break;
            case UINT16: min = 0; max = 0xFFFF; break;
            case UINT32: min = 0; max = 0xFFFFFFFFL; break;
            default: throw new IllegalArgumentException("not an integer of at most 64 bits: " + type);
        }
    }

    private void writeLong(long v, RowBinaryOutput out) throws IOException {
        if (v < min || v > max) {
            throw outOfRange(String.valueOf(v));
        }
        codec.encodeLong(v, out);
    }

    private void writeBig(BigInteger v, RowBinaryOutput out) throws IOException {
        if (v.bitLength() > 63) {
            throw outOfRange(ValueText.truncate(v.toString()));
        }
        writeLong(v.longValue(), out);
    }

    private Reject outOfRange(String v) {
        return new Reject(v + " is out of range for " + type + " [" + min + ", " + max + "]");
    }

    @Override
    void fromLong(Column c, BigInteger v, RowBinaryOutput out) throws IOException {
        writeBig(v, out);
    }

    @Override
    void fromDouble(Column c, String text, RowBinaryOutput out) throws IOException {
        int n = text.length();
        if (n > 0 && n <= 18 && NumberText.isInteger(text)) { // integral text: its value, as the decimal path
            writeLong(Long.parseLong(text), out);
            return;
        }
        writeBig(NumberText.integral(NumberText.parseDecimal(text), text), out);
    }

    @Override
    void fromString(Column c, String s, RowBinaryOutput out) throws IOException {
        int n = s.length();
        if (n > 0 && n <= 18 && NumberText.isInteger(s)) { // fits a long: no BigInteger
            writeLong(Long.parseLong(s), out);
        } else {
            writeBig(NumberText.integerFromText(s), out);
        }
    }

    @Override
    void fromBool(Column c, boolean b, RowBinaryOutput out) throws IOException {
        writeLong(b ? 1 : 0, out);
    }

    @Override
    void writeDefault(RowBinaryOutput out) throws IOException {
        codec.encodeLong(0, out);
    }
}
