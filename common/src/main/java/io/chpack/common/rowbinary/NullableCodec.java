package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;

import java.io.IOException;

/**
 * Nullable(T): a flag byte (1 = NULL, nothing follows; 0 = a T follows). Values: null or T's value.
 * encodeLong/encodeDouble write a non-null value; for decoding without boxing read the flag with
 * {@link RowBinaryInput#readNullFlag()} and then use {@link #nonNullCodec()}.
 */
final class NullableCodec extends RowBinaryCodec {
    private final RowBinaryCodec inner;

    NullableCodec(ClickHouseType type, RowBinaryCodec inner) {
        super(type);
        this.inner = inner;
    }

    @Override
    public void encode(Object value, RowBinaryOutput out) throws IOException {
        if (value == null) {
            out.writeNullFlag(true);
            return;
        }
        // if the value is bad the flag byte is already out: row codecs roll the whole row back
        out.writeNullFlag(false);
        inner.encode(value, out);
    }

    @Override
    public Object decode(RowBinaryInput in) throws IOException {
        return in.readNullFlag() ? null : inner.decode(in);
    }

    @Override
    public void skip(RowBinaryInput in) throws IOException {
        if (!in.readNullFlag()) {
            inner.skip(in);
        }
    }

    @Override
    public boolean supportsLong() {
        return inner.supportsLong();
    }

    @Override
    public void encodeLong(long value, RowBinaryOutput out) throws IOException {
        if (!inner.supportsLong()) {
            inner.encodeLong(value, out); // throws UnsupportedOperationException
        }
        out.writeNullFlag(false);
        inner.encodeLong(value, out);
    }

    @Override
    public long decodeLong(RowBinaryInput in) throws IOException {
        throw new UnsupportedOperationException("ClickHouse type " + type + " can be NULL: read the flag with "
                + "RowBinaryInput.readNullFlag() and then use nonNullCodec().decodeLong");
    }

    @Override
    public boolean supportsDouble() {
        return inner.supportsDouble();
    }

    @Override
    public void encodeDouble(double value, RowBinaryOutput out) throws IOException {
        if (!inner.supportsDouble()) {
            inner.encodeDouble(value, out);
        }
        out.writeNullFlag(false);
        inner.encodeDouble(value, out);
    }

    @Override
    public double decodeDouble(RowBinaryInput in) throws IOException {
        throw new UnsupportedOperationException("ClickHouse type " + type + " can be NULL: read the flag with "
                + "RowBinaryInput.readNullFlag() and then use nonNullCodec().decodeDouble");
    }

    @Override
    public RowBinaryCodec nonNullCodec() {
        return inner;
    }

    @Override
    public boolean isNullable() {
        return true;
    }
}
