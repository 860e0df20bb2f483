package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryCodec;
import io.chpack.common.rowbinary.RowBinaryCodecs;
import io.chpack.common.rowbinary.RowBinaryOutput;

import java.io.IOException;
import java.math.BigInteger;

/**
 * UInt64, Int128, Int256, UInt128, UInt256 from exact integers: UInt64 takes all of [0, 2^64−1] (the
 * stock writer failed above 2^63−1). Values that fit a long take the primitive path. Same sources and
 * strictness as {@link IntegerWriter}.
 */
final class WideIntegerWriter extends ScalarWriter {
    private final BigInteger min;
    private final BigInteger max;
    private final boolean signed;
    private final RowBinaryCodec codec;
    private final boolean uint64;

    WideIntegerWriter(ClickHouseType type, ConversionOptions options) {
        super(type, options);
        this.codec = RowBinaryCodecs.forType(type);
        int bits = type.fixedByteWidth() * 8;
        this.signed = type.kind().isSigned();
        this.uint64 = type.kind() == io.chpack.common.chtype.ClickHouseTypeKind.UINT64;
        this.min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
        this.max = (signed ? BigInteger.ONE.shiftLeft(bits - 1) : BigInteger.ONE.shiftLeft(bits)).subtract(BigInteger.ONE);
    }

    private void write(BigInteger v, RowBinaryOutput out) throws IOException {
        if (v.bitLength() < 64 && (signed || v.signum() >= 0)) {
            codec.encodeLong(v.longValue(), out);
            return;
        }
        if (uint64 && v.signum() > 0 && v.bitLength() == 64) { // [2^63, 2^64−1]: its 64 bits
            out.writeUInt64Bits(v.longValue());
            return;
        }
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            throw new Reject(ValueText.truncate(v.toString()) + " is out of range for " + type + " [" + min + ", " + max + "]");
        }
        codec.encode(v, out);
    }

    @Override
    void fromLong(Column c, BigInteger v, RowBinaryOutput out) throws IOException {
        write(v, out);
    }

    @Override
    void fromDouble(Column c, String text, RowBinaryOutput out) throws IOException {
        if (writeShortInteger(text, out)) {
            return;
        }
        write(NumberText.integral(NumberText.parseDecimal(text), text), out);
    }

    @Override
    void fromString(Column c, String s, RowBinaryOutput out) throws IOException {
        if (writeShortInteger(s, out)) {
            return;
        }
        write(NumberText.integerFromText(s), out);
    }

    /** Integer text of at most 18 chars (it fits a long) in range, without BigInteger; false otherwise. */
    private boolean writeShortInteger(String s, RowBinaryOutput out) throws IOException {
        int n = s.length();
        if (n == 0 || n > 18 || !NumberText.isInteger(s)) {
            return false;
        }
        long v = Long.parseLong(s);
        if (v < 0 && !signed) {
            return false; // out of range: the BigInteger path rejects it
        }
        codec.encodeLong(v, out);
        return true;
    }

    @Override
    void fromBool(Column c, boolean b, RowBinaryOutput out) throws IOException {
        codec.encodeLong(b ? 1 : 0, out);
    }

    @Override
    void writeDefault(RowBinaryOutput out) throws IOException {
        codec.encodeLong(0, out);
    }
}
