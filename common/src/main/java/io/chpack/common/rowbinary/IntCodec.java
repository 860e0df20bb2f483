package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;

import java.io.IOException;
import java.math.BigInteger;

/**
 * Int8…Int64 and UInt8…UInt64. Values: Long (UInt64: BigInteger, since it can exceed Long.MAX_VALUE).
 * decodeLong on UInt64 returns the raw 64 bits.
 */
final class IntCodec extends RowBinaryCodec {
    private final long min;
    private final long max;
    private final int width;

    IntCodec(ClickHouseType type) {
        super(type);
        switch (type.kind()) {
            case INT8: min = Byte.MIN_VALUE; max = Byte.MAX_VALUE; break;
            case INT16: min = Short.MIN_VALUE; max = Short.MAX_VALUE; break;
            case INT32: min = Integer.MIN_VALUE; max = Integer.MAX_VALUE; break;
            case INT64: min = Long.MIN_VALUE; max = Long.MAX_VALUE; break;
            case UINT8: min = 0; max = 0xFF; break;
            case UINT16: min = 0; max = 0xFFFF; break;
            case UINT32: min = 0; max = 0xFFFFFFFFL; break;
            case UINT64: min = 0; max = Long.MAX_VALUE; break; // above that only via BigInteger
            default: throw new IllegalArgumentException("not a ≤64-bit integer type: " + type);
        }
        this.width = type.fixedByteWidth();
    }

    private boolean isUInt64() {
        return type.kind() == io.chpack.common.chtype.ClickHouseTypeKind.UINT64;
    }

    @Override
    public void encode(Object value, RowBinaryOutput out) throws IOException {
        if (value == null) {
            throw nullValue();
        }
        if (Integers.isSmall(value)) {
            encodeLong(((Number) value).longValue(), out);
            return;
        }
        BigInteger v = Integers.exact(value);
        if (v == null) {
            throw wrongClass(value, "an integer (Long, Integer, Short, Byte, BigInteger)");
        }
        if (isUInt64()) {
            if (v.signum() < 0 || v.bitLength() > 64) {
                throw outOfRange(value, "[0, 18446744073709551615]");
            }
            out.writeUInt64Bits(v.longValue());
            return;
        }
        if (v.bitLength() >= 64) {
            throw outOfRange(value, "[" + min + ", " + max + "]");
        }
        encodeLong(v.longValue(), out);
    }

    @Override
    public Object decode(RowBinaryInput in) throws IOException {
        if (isUInt64()) {
            return in.readUInt64();
        }
        return decodeLong(in);
    }

    @Override
    public boolean supportsLong() {
        return true;
    }

    @Override
    public void encodeLong(long v, RowBinaryOutput out) throws IOException {
        if (v < min || v > max) {
            throw outOfRange(v, "[" + min + ", " + (isUInt64() ? "18446744073709551615" : String.valueOf(max)) + "]");
        }
        out.writeLittleEndian(v, width); // in range for the width: checked above
    }

    @Override
    public long decodeLong(RowBinaryInput in) throws IOException {
        switch (type.kind()) {
            case INT8: return in.readInt8();
            case UINT8: return in.readUInt8();
            case INT16: return in.readInt16();
            case UINT16: return in.readUInt16();
            case INT32: return in.readInt32();
            case UINT32: return in.readUInt32();
            case UINT64: return in.readUInt64Bits();
            default: return in.readInt64();
        }
    }
}
