package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;

import java.io.IOException;
import java.math.BigInteger;

/** Int128, Int256, UInt128, UInt256: BigInteger values; encodeLong for values that fit a long. */
final class WideIntCodec extends RowBinaryCodec {
    private final int width;
    private final boolean signed;

    WideIntCodec(ClickHouseType type) {
        super(type);
        ClickHouseTypeKind k = type.kind();
        this.width = k.isInteger() ? type.fixedByteWidth() : -1;
        this.signed = k.isSigned();
        if (width != 16 && width != 32) {
            throw new IllegalArgumentException("not a 128/256-bit integer type: " + type);
        }
    }

    @Override
    public void encode(Object value, RowBinaryOutput out) throws IOException {
        if (value == null) {
            throw nullValue();
        }
        BigInteger v = Integers.exact(value);
        if (v == null) {
            throw wrongClass(value, "an integer (BigInteger, Long, Integer, Short, Byte)");
        }
        try {
            out.writeBigInteger(v, width, signed, type.toString());
        } catch (RowBinaryValueException e) {
            throw outOfRange(value, e.getMessage().substring(e.getMessage().lastIndexOf('[')));
        }
    }

    @Override
    public Object decode(RowBinaryInput in) throws IOException {
        return in.readBigInteger(width, signed, type.toString());
    }

    @Override
    public boolean supportsLong() {
        return true;
    }

    /** Any long (non-negative for the unsigned kinds). */
    @Override
    public void encodeLong(long value, RowBinaryOutput out) throws IOException {
        if (!signed && value < 0) {
            throw outOfRange(value, "(unsigned)");
        }
        out.writeLongAsWide(value, width);
    }

    /**
     * The value when it fits in a long.
     *
     * @throws RowBinaryFormatException when it does not (the value's bytes are consumed)
     */
    @Override
    public long decodeLong(RowBinaryInput in) throws IOException {
        if (signed) {
            return in.readWideAsLong(width, type.toString());
        }
        BigInteger v = in.readBigInteger(width, false, type.toString());
        if (v.bitLength() > 63) {
            throw new RowBinaryFormatException(type + " value " + v + " does not fit in a long");
        }
        return v.longValue();
    }
}
