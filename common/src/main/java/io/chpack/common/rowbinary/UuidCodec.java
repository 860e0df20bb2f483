package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;

import java.io.IOException;
import java.util.UUID;

/** UUID: java.util.UUID; on the wire the high and the low 64 bits, each as a little-endian UInt64. */
final class UuidCodec extends RowBinaryCodec {
    UuidCodec(ClickHouseType type) {
        super(type);
    }

    @Override
    public void encode(Object value, RowBinaryOutput out) throws IOException {
        if (value instanceof UUID) {
            UUID u = (UUID) value;
            out.writeUuid(u.getMostSignificantBits(), u.getLeastSignificantBits());
        } else if (value == null) {
            throw nullValue();
        } else {
            throw wrongClass(value, "a java.util.UUID");
        }
    }

    @Override
    public Object decode(RowBinaryInput in) throws IOException {
        return in.readUuid();
    }
}
