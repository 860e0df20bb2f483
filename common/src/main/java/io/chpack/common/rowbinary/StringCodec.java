package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;

import java.io.IOException;

/**
 * String: arbitrary bytes. Decodes to byte[] (ClickHouse strings need not be UTF-8, so decoding to text is
 * the caller's choice); encodes byte[] as is and any CharSequence as UTF-8.
 */
final class StringCodec extends RowBinaryCodec {
    StringCodec(ClickHouseType type) {
        super(type);
    }

    @Override
    public void encode(Object value, RowBinaryOutput out) throws IOException {
        if (value instanceof byte[]) {
            out.writeString((byte[]) value);
        } else if (value instanceof CharSequence) {
            out.writeString((CharSequence) value);
        } else if (value == null) {
            throw nullValue();
        } else {
            throw wrongClass(value, "a byte[] or a String");
        }
    }

    @Override
    public Object decode(RowBinaryInput in) throws IOException {
        return in.readString();
    }

    @Override
    public void skip(RowBinaryInput in) throws IOException {
        in.skip(in.readLength("String"), "String");
    }
}
