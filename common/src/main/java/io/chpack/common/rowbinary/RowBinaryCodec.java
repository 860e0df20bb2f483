package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;

import java.io.IOException;

/**
 * Encodes and decodes the values of one ClickHouse type in RowBinary. Built once per column by
 * {@link RowBinaryCodecs#forType}; stateless and thread-safe. The Java value model of {@link #encode} and
 * {@link #decode} is documented on {@link RowBinaryCodecs}.
 *
 * <p>Primitive fast paths avoid boxing for the hot types: {@link #encodeLong}/{@link #decodeLong} for the
 * integer-like kinds and {@link #encodeDouble}/{@link #decodeDouble} for floats. A codec that has no such
 * path throws {@link UnsupportedOperationException}; check {@link #supportsLong()} /
 * {@link #supportsDouble()} when building the column plan, not per value.
 */
public abstract class RowBinaryCodec {
    protected final ClickHouseType type;

    protected RowBinaryCodec(ClickHouseType type) {
        this.type = type;
    }

    /** The type this codec was built for. */
    public final ClickHouseType type() {
        return type;
    }

    /**
     * Writes one value.
     *
     * @throws RowBinaryValueException if the value is null where the type is not Nullable, of the wrong
     *         class, or outside the type's range; nothing is written for that value
     */
    public abstract void encode(Object value, RowBinaryOutput out) throws IOException;

    /** Reads one value (null only for Nullable). */
    public abstract Object decode(RowBinaryInput in) throws IOException;

    /** Reads past one value without building it. */
    public void skip(RowBinaryInput in) throws IOException {
        int w = type.fixedByteWidth();
        if (w >= 0) {
            in.skip(w, type.toString());
        } else {
            decode(in);
        }
    }

    /** True if {@link #encodeLong}/{@link #decodeLong} work for this type. */
    public boolean supportsLong() {
        return false;
    }

    /**
     * Writes an integer-like value without boxing; the meaning of the long per kind is on
     * {@link RowBinaryCodecs}. Range-checked like {@link #encode}.
     */
    public void encodeLong(long value, RowBinaryOutput out) throws IOException {
        throw new UnsupportedOperationException("ClickHouse type " + type + " has no long fast path");
    }

    /** Reads an integer-like value without boxing (UInt64 comes back as its 64 bits). */
    public long decodeLong(RowBinaryInput in) throws IOException {
        throw new UnsupportedOperationException("ClickHouse type " + type + " has no long fast path");
    }

    /** True if {@link #encodeDouble}/{@link #decodeDouble} work (Float32, Float64, BFloat16). */
    public boolean supportsDouble() {
        return false;
    }

    public void encodeDouble(double value, RowBinaryOutput out) throws IOException {
        throw new UnsupportedOperationException("ClickHouse type " + type + " has no double fast path");
    }

    public double decodeDouble(RowBinaryInput in) throws IOException {
        throw new UnsupportedOperationException("ClickHouse type " + type + " has no double fast path");
    }

    /**
     * The codec for the non-null values: the wrapped codec of a Nullable, this codec otherwise. With
     * {@link RowBinaryInput#readNullFlag()} / {@link RowBinaryOutput#writeNullFlag(boolean)} it gives
     * Nullable columns the primitive fast paths too.
     */
    public RowBinaryCodec nonNullCodec() {
        return this;
    }

    /** True for Nullable codecs (a null flag precedes every value). */
    public boolean isNullable() {
        return false;
    }

    protected final RowBinaryValueException wrongClass(Object value, String expected) {
        return new RowBinaryValueException("cannot encode " + ValueDescriber.describe(value) + " as ClickHouse "
                + type + ": expected " + expected);
    }

    protected final RowBinaryValueException outOfRange(Object value, String range) {
        return new RowBinaryValueException("value " + ValueDescriber.describe(value) + " is out of range for ClickHouse "
                + type + " " + range);
    }

    protected final RowBinaryValueException nullValue() {
        return new RowBinaryValueException("NULL cannot be encoded as ClickHouse " + type
                + ": the type is not Nullable");
    }
}
