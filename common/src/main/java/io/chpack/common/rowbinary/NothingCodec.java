package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;

import java.io.IOException;

/**
 * Nothing has no values: the server refuses to serialize one in RowBinary (SerializationNothing throws),
 * so it only ever appears as NULL of Nullable(Nothing) or inside an empty Array(Nothing).
 */
final class NothingCodec extends RowBinaryCodec {
    NothingCodec(ClickHouseType type) {
        super(type);
    }

    @Override
    public void encode(Object value, RowBinaryOutput out) {
        throw new RowBinaryValueException("ClickHouse type Nothing has no values; cannot encode "
                + ValueDescriber.describe(value) + " (only NULL in Nullable(Nothing) or an empty Array(Nothing))");
    }

    @Override
    public Object decode(RowBinaryInput in) throws IOException {
        throw new RowBinaryFormatException("a value of type Nothing at offset " + in.offset()
                + " cannot exist (only NULL in Nullable(Nothing) or an empty Array(Nothing))");
    }

    @Override
    public void skip(RowBinaryInput in) throws IOException {
        decode(in);
    }
}
