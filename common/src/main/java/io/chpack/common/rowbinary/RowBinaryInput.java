package io.chpack.common.rowbinary;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.UUID;

/**
 * Buffered little-endian reader of RowBinary primitives over an InputStream, the mirror of
 * {@link RowBinaryOutput}. {@link #hasMore()} tells a clean end between rows from more data; a stream that
 * ends inside a value raises {@link RowBinaryTruncatedException} naming what was being read. Not
 * thread-safe. {@link #close()} closes the stream.
 */
public final class RowBinaryInput implements Closeable {
    /** Largest String/Array/Map length accepted; a corrupt length must not allocate gigabytes. */
    public static final int MAX_LENGTH = Integer.MAX_VALUE - 16;
    private static final int CHUNK = 1 << 20;

    private final InputStream in;
    private final byte[] buf;
    private int pos;
    private int limit;
    private long consumedBefore; // bytes dropped from the buffer before buf[0]
    private boolean eof;

    public RowBinaryInput(InputStream in) {
        this(in, 64 * 1024);
    }

    public RowBinaryInput(InputStream in, int bufferSize) {
        if (bufferSize < 64) {
            throw new IllegalArgumentException("buffer size " + bufferSize + " is below 64 bytes");
        }
        this.in = in;
        this.buf = new byte[bufferSize];
    }

    /** Bytes consumed so far (the offset of the next byte). */
    public long offset() {
        return consumedBefore + pos;
    }

    /** True if at least one more byte follows; false at a clean end of input. Call between rows. */
    public boolean hasMore() throws IOException {
        return pos < limit || fill(1) >= 1;
    }

    /** Makes at least n (≤ buffer size) bytes available if the stream has them; returns how many are. */
    private int fill(int n) throws IOException {
        if (limit - pos >= n) {
            return limit - pos;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            consumedBefore += pos;
            limit -= pos;
            pos = 0;
        }
        while (limit < n && !eof) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
        return limit - pos;
    }

    private void require(int n, String what) throws IOException {
        if (limit - pos < n) {
            int got = fill(n);
            if (got < n) {
                throw RowBinaryTruncatedException.of(what, n, got, offset());
            }
        }
    }

    // ---------------------------------------------------------------- fixed-width integers

    private long readLE(int n, String what) throws IOException {
        require(n, what);
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (buf[pos + i] & 0xFFL) << (8 * i);
        }
        pos += n;
        return v;
    }

    public byte readInt8() throws IOException {
        require(1, "Int8");
        return buf[pos++];
    }

    public int readUInt8() throws IOException {
        require(1, "UInt8");
        return buf[pos++] & 0xFF;
    }

    public short readInt16() throws IOException {
        return (short) readLE(2, "Int16");
    }

    public int readUInt16() throws IOException {
        return (int) readLE(2, "UInt16");
    }

    public int readInt32() throws IOException {
        return (int) readLE(4, "Int32");
    }

    public long readUInt32() throws IOException {
        return readLE(4, "UInt32");
    }

    public long readInt64() throws IOException {
        return readLE(8, "Int64");
    }

    /** UInt64 as its 64 bits (values above 2^63−1 come back negative; see {@link Long#toUnsignedString}). */
    public long readUInt64Bits() throws IOException {
        return readLE(8, "UInt64");
    }

    public BigInteger readUInt64() throws IOException {
        long bits = readUInt64Bits();
        BigInteger v = BigInteger.valueOf(bits);
        return bits >= 0 ? v : v.add(RowBinaryOutput.TWO_64);
    }

    public BigInteger readInt128() throws IOException {
        return readBigInteger(16, true, "Int128");
    }

    public BigInteger readUInt128() throws IOException {
        return readBigInteger(16, false, "UInt128");
    }

    public BigInteger readInt256() throws IOException {
        return readBigInteger(32, true, "Int256");
    }

    public BigInteger readUInt256() throws IOException {
        return readBigInteger(32, false, "UInt256");
    }

    /** A {@code width}-byte little-endian integer, two's complement when signed. */
    public BigInteger readBigInteger(int width, boolean signed, String what) throws IOException {
        require(width, what);
        byte[] be = new byte[width + 1]; // leading 0x00 keeps unsigned values positive
        for (int i = 0; i < width; i++) {
            be[width - i] = buf[pos + i];
        }
        pos += width;
        if (signed) {
            be[0] = (byte) (be[1] < 0 ? 0xFF : 0);
        }
        return new BigInteger(be);
    }

    /**
     * A {@code width}-byte little-endian two's complement integer that must fit in a long (for Decimal
     * fast paths).
     *
     * @throws RowBinaryFormatException when the upper bytes are not a sign extension
     */
    public long readWideAsLong(int width, String what) throws IOException {
        require(width, what);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (buf[pos + i] & 0xFFL) << (8 * i);
        }
        byte fill = (byte) (v < 0 ? 0xFF : 0);
        for (int i = 8; i < width; i++) {
            if (buf[pos + i] != fill) {
                pos += width;
                throw new RowBinaryFormatException(what + " value at offset " + (offset() - width)
                        + " does not fit in a long");
            }
        }
        pos += width;
        return v;
    }

    // ---------------------------------------------------------------- other primitives

    public float readFloat32() throws IOException {
        return Float.intBitsToFloat((int) readLE(4, "Float32"));
    }

    public double readFloat64() throws IOException {
        return Double.longBitsToDouble(readLE(8, "Float64"));
    }

    /** Bool: 0 or 1; any other byte is a format error. */
    public boolean readBool() throws IOException {
        require(1, "Bool");
        int b = buf[pos++];
        if (b == 0 || b == 1) {
            return b == 1;
        }
        throw new RowBinaryFormatException("Bool byte at offset " + (offset() - 1) + " is " + (b & 0xFF)
                + ", not 0 or 1");
    }

    /** The Nullable prefix: true when the value is NULL (nothing follows). */
    public boolean readNullFlag() throws IOException {
        require(1, "Nullable flag");
        int b = buf[pos++];
        if (b == 0 || b == 1) {
            return b == 1;
        }
        throw new RowBinaryFormatException("Nullable flag at offset " + (offset() - 1) + " is " + (b & 0xFF)
                + ", not 0 or 1");
    }

    /** Unsigned LEB128, at most 10 bytes (64 bits). */
    public long readVarUInt() throws IOException {
        long v = 0;
        for (int i = 0; i < 10; i++) {
            require(1, "VarUInt length");
            int b = buf[pos++] & 0xFF;
            v |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new RowBinaryFormatException("VarUInt at offset " + (offset() - 10) + " is longer than 10 bytes");
    }

    /** A String/Array/Map length: VarUInt checked against {@link #MAX_LENGTH}. */
    public int readLength(String what) throws IOException {
        long start = offset();
        long n = readVarUInt();
        if (n < 0 || n > MAX_LENGTH) {
            throw new RowBinaryFormatException(what + " length " + Long.toUnsignedString(n) + " at offset " + start
                    + " is larger than " + MAX_LENGTH);
        }
        return (int) n;
    }

    /** Exactly n raw bytes. */
    public byte[] readBytes(int n, String what) throws IOException {
        if (n <= buf.length) {
            require(n, what);
            byte[] b = new byte[n];
            System.arraycopy(buf, pos, b, 0, n);
            pos += n;
            return b;
        }
        // Large value: grow in chunks so that a corrupt length fails at the end of the data, not in new byte[].
        byte[] b = new byte[Math.min(n, CHUNK)];
        int have = 0;
        while (have < n) {
            if (have == b.length) {
                b = java.util.Arrays.copyOf(b, (int) Math.min((long) n, (long) b.length * 2));
            }
            if (pos == limit && fill(1) == 0) {
                throw RowBinaryTruncatedException.of(what, n, have, offset() - have);
            }
            int take = Math.min(limit - pos, Math.min(b.length, n) - have);
            System.arraycopy(buf, pos, b, have, take);
            pos += take;
            have += take;
        }
        return b;
    }

    /** A String value: VarUInt byte length, then the bytes (returned as is, not decoded). */
    /**
     * Consumes n bytes that fit in the read buffer and returns their start in {@link #buffer()}, so a
     * decoder can turn them into a String without an intermediate copy. The bytes stay valid only until the
     * next read call. Returns −1 (nothing consumed) when n exceeds the buffer; use {@link #readBytes} then.
     */
    public int consumeInBuffer(int n, String what) throws IOException {
        if (n > buf.length) {
            return -1;
        }
        require(n, what);
        int at = pos;
        pos += n;
        return at;
    }

    /** The read buffer, for {@link #consumeInBuffer}. */
    public byte[] buffer() {
        return buf;
    }

    public byte[] readString() throws IOException {
        return readBytes(readLength("String"), "String");
    }

    /** UUID: high 64 bits as LE UInt64, then low 64 bits as LE UInt64. */
    public UUID readUuid() throws IOException {
        require(16, "UUID");
        long msb = readLE(8, "UUID");
        long lsb = readLE(8, "UUID");
        return new UUID(msb, lsb);
    }

    /** Skips n bytes. */
    public void skip(long n, String what) throws IOException {
        long left = n;
        while (left > 0) {
            if (pos == limit && fill(1) == 0) {
                throw RowBinaryTruncatedException.of(what, n, n - left, offset() - (n - left));
            }
            int take = (int) Math.min(left, limit - pos);
            pos += take;
            left -= take;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
