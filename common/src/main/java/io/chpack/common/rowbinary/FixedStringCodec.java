package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * FixedString(N): exactly N bytes. Decodes to a byte[N] (trailing zero bytes kept: padding and real NULs
 * are indistinguishable). Encodes byte[] or a CharSequence (UTF-8) of at most N bytes, padded with zero
 * bytes as the server pads; longer values are rejected, never cut.
 */
final class FixedStringCodec extends RowBinaryCodec {
    private final int n;

    FixedStringCodec(ClickHouseType type) {
        super(type);
        this.n = type.length();
    }

    @Override
    public void encode(Object value, RowBinaryOutput out) throws IOException {
        byte[] b;
        if (value instanceof byte[]) {
            b = (byte[]) value;
        } else if (value instanceof CharSequence) {
            b = value.toString().getBytes(StandardCharsets.UTF_8);
        } else if (value == null) {
            throw nullValue();
        } else {
            throw wrongClass(value, "a byte[] or a String");
        }
        if (b.length > n) {
            throw new RowBinaryValueException("value " + ValueDescriber.describe(value) + " is " + b.length
                    + " bytes, longer than ClickHouse " + type);
        }
        out.writeFixedString(b, n);
    }

    @Override
    public Object decode(RowBinaryInput in) throws IOException {
        return in.readBytes(n, type.toString());
    }
}
