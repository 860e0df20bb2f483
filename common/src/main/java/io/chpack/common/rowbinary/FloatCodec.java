package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;

import java.io.IOException;

/**
 * Float32 (Float), Float64 (Double) and BFloat16 (Float; the top 16 bits of a Float32, written by
 * truncation as the server converts). NaN and ±Infinity pass through; a finite double too large for
 * Float32/BFloat16 is out of range rather than silently becoming Infinity.
 */
final class FloatCodec extends RowBinaryCodec {
    private static final int BF16_NAN = 0x7FC0;
    private final ClickHouseTypeKind kind;

    FloatCodec(ClickHouseType type) {
        super(type);
        this.kind = type.kind();
    }

    @Override
    public void encode(Object value, RowBinaryOutput out) throws IOException {
        if (value instanceof Double || value instanceof Float) {
            encodeDouble(((Number) value).doubleValue(), out);
        } else if (value == null) {
            throw nullValue();
        } else {
            throw wrongClass(value, "a Float or Double");
        }
    }

    @Override
    public Object decode(RowBinaryInput in) throws IOException {
        double d = decodeDouble(in);
        return kind == ClickHouseTypeKind.FLOAT64 ? (Object) d : (Object) (float) d;
    }

    @Override
    public boolean supportsDouble() {
        return true;
    }

    @Override
    public void encodeDouble(double v, RowBinaryOutput out) throws IOException {
        if (kind == ClickHouseTypeKind.FLOAT64) {
            out.writeFloat64(v);
            return;
        }
        float f = (float) v;
        if (Float.isInfinite(f) && !Double.isInfinite(v)) {
            throw outOfRange(v, "[-3.4028235E38, 3.4028235E38]");
        }
        if (kind == ClickHouseTypeKind.FLOAT32) {
            out.writeFloat32(f);
        } else {
            // truncation could turn a NaN whose payload sits in the low bits into Infinity
            int bits = Float.isNaN(f) ? BF16_NAN : Float.floatToRawIntBits(f) >>> 16;
            out.writeUInt16(bits);
        }
    }

    @Override
    public double decodeDouble(RowBinaryInput in) throws IOException {
        switch (kind) {
            case FLOAT64:
                return in.readFloat64();
            case FLOAT32:
                return in.readFloat32();
            default:
                return Float.intBitsToFloat(in.readUInt16() << 16);
        }
    }
}
