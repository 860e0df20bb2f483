package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;

import java.io.IOException;

/** Bool: Boolean values, one byte 0/1; the long fast path takes 0 or 1. */
final class BoolCodec extends RowBinaryCodec {
    BoolCodec(ClickHouseType type) {
        super(type);
    }

    @Override
    public void encode(Object value, RowBinaryOutput out) throws IOException {
        if (value instanceof Boolean) {
            out.writeBool((Boolean) value);
        } else if (value == null) {
            throw nullValue();
        } else {
            throw wrongClass(value, "a Boolean");
        }
    }

    @Override
    public Object decode(RowBinaryInput in) throws IOException {
        return in.readBool();
    }

    @Override
    public boolean supportsLong() {
        return true;
    }

    @Override
    public void encodeLong(long value, RowBinaryOutput out) throws IOException {
        if (value != 0 && value != 1) {
            throw outOfRange(value, "[0, 1]");
        }
        out.writeBool(value == 1);
    }

    @Override
    public long decodeLong(RowBinaryInput in) throws IOException {
        return in.readBool() ? 1 : 0;
    }
}
