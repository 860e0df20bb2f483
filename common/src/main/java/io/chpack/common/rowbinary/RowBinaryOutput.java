package io.chpack.common.rowbinary;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Buffered little-endian writer of RowBinary primitives over an OutputStream. Every integer write checks
 * its range and throws {@link RowBinaryValueException} instead of wrapping (UInt8 300 never becomes 44).
 * Not thread-safe. {@link #close()} flushes and closes the stream.
 */
public final class RowBinaryOutput implements Closeable, Flushable {
    static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private final OutputStream out;
    private byte[] buf;
    private int pos;
    private int rowStart = -1; // buffer index where the open row began, -1 when no row is open
    private long flushed;

    public RowBinaryOutput(OutputStream out) {
        this(out, 64 * 1024);
    }

    public RowBinaryOutput(OutputStream out, int bufferSize) {
        if (bufferSize < 64) {
            throw new IllegalArgumentException("buffer size " + bufferSize + " is below 64 bytes");
        }
        this.out = out;
        this.buf = new byte[bufferSize];
    }

    /** Bytes written so far, including those still buffered. */
    public long bytesWritten() {
        return flushed + pos;
    }

    /**
     * Starts a row whose bytes stay in the buffer until {@link #endRow()}, so that {@link #rollbackRow()}
     * can drop them when a value turns out to be bad. The buffer grows if one row is larger than it.
     */
    public void beginRow() {
        rowStart = pos;
    }

    /** Completes the open row; its bytes may now be sent. */
    public void endRow() {
        rowStart = -1;
    }

    /** Drops everything written since {@link #beginRow()}. */
    public void rollbackRow() {
        if (rowStart < 0) {
            throw new IllegalStateException("no row is open");
        }
        pos = rowStart;
        rowStart = -1;
    }

    private void ensure(int n) throws IOException {
        if (buf.length - pos < n) {
            makeRoom(n);
        }
    }

    /** Sends the bytes before the open row (or all) and grows the buffer if n bytes still do not fit. */
    private void makeRoom(int n) throws IOException {
        int keepFrom = rowStart >= 0 ? rowStart : pos;
        if (keepFrom > 0) {
            out.write(buf, 0, keepFrom);
            flushed += keepFrom;
            System.arraycopy(buf, keepFrom, buf, 0, pos - keepFrom);
            pos -= keepFrom;
            if (rowStart >= 0) {
                rowStart = 0;
            }
        }
        if (buf.length - pos < n) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    // ---------------------------------------------------------------- fixed-width integers

    private static void check(long v, long min, long max, String type) {
        if (v < min || v > max) {
            throw new RowBinaryValueException("value " + v + " is out of range for " + type + " [" + min + ", " + max + "]");
        }
    }

    public void writeInt8(long v) throws IOException {
        check(v, Byte.MIN_VALUE, Byte.MAX_VALUE, "Int8");
        writeByteUnchecked((int) v);
    }

    public void writeUInt8(long v) throws IOException {
        check(v, 0, 0xFF, "UInt8");
        writeByteUnchecked((int) v);
    }

    public void writeInt16(long v) throws IOException {
        check(v, Short.MIN_VALUE, Short.MAX_VALUE, "Int16");
        writeLE(v, 2);
    }

    public void writeUInt16(long v) throws IOException {
        check(v, 0, 0xFFFF, "UInt16");
        writeLE(v, 2);
    }

    public void writeInt32(long v) throws IOException {
        check(v, Integer.MIN_VALUE, Integer.MAX_VALUE, "Int32");
        writeLE(v, 4);
    }

    public void writeUInt32(long v) throws IOException {
        check(v, 0, 0xFFFFFFFFL, "UInt32");
        writeLE(v, 4);
    }

    public void writeInt64(long v) throws IOException {
        writeLE(v, 8);
    }

    /** UInt64 from a non-negative long; use {@link #writeUInt64Bits} or the BigInteger form above 2^63−1. */
    public void writeUInt64(long v) throws IOException {
        check(v, 0, Long.MAX_VALUE, "UInt64");
        writeLE(v, 8);
    }

    /** UInt64 from the 64 bits of {@code bits} read as unsigned (Java's unsigned-long convention). */
    public void writeUInt64Bits(long bits) throws IOException {
        writeLE(bits, 8);
    }

    public void writeUInt64(BigInteger v) throws IOException {
        writeBigInteger(v, 8, false, "UInt64");
    }

    public void writeInt128(BigInteger v) throws IOException {
        writeBigInteger(v, 16, true, "Int128");
    }

    public void writeUInt128(BigInteger v) throws IOException {
        writeBigInteger(v, 16, false, "UInt128");
    }

    public void writeInt256(BigInteger v) throws IOException {
        writeBigInteger(v, 32, true, "Int256");
    }

    public void writeUInt256(BigInteger v) throws IOException {
        writeBigInteger(v, 32, false, "UInt256");
    }

    /** A long as a {@code width}-byte little-endian two's complement integer (sign-extended), width 8–32. */
    public void writeLongAsWide(long v, int width) throws IOException {
        ensure(width);
        for (int i = 0; i < 8; i++) {
            buf[pos++] = (byte) (v >>> (8 * i));
        }
        byte fill = (byte) (v < 0 ? 0xFF : 0);
        for (int i = 8; i < width; i++) {
            buf[pos++] = fill;
        }
    }

    /**
     * A 128-bit two's complement integer given as its low and high 64 bits, as a {@code width}-byte
     * little-endian integer (width 16, or 32 sign-extended) — Int128/Decimal128 values without BigInteger.
     */
    public void writeInt128Bits(long low, long high, int width) throws IOException {
        if (width != 16 && width != 32) {
            throw new IllegalArgumentException("width " + width + " is not 16 or 32");
        }
        ensure(width);
        for (int i = 0; i < 8; i++) {
            buf[pos++] = (byte) (low >>> (8 * i));
        }
        for (int i = 0; i < 8; i++) {
            buf[pos++] = (byte) (high >>> (8 * i));
        }
        byte fill = (byte) (high < 0 ? 0xFF : 0);
        for (int i = 16; i < width; i++) {
            buf[pos++] = fill;
        }
    }

    /**
     * A long as a {@code width}-byte little-endian two's complement integer, width 4, 8, 16 or 32; for
     * width 4 the value must fit in an Int32 (checked).
     */
    public void writeLongAsWideOrNarrow(long v, int width) throws IOException {
        if (width == 4) {
            writeInt32(v);
        } else if (width == 8) {
            writeLE(v, 8);
        } else {
            writeLongAsWide(v, width);
        }
    }

    /**
     * {@code v} as a {@code width}-byte little-endian integer, two's complement when signed.
     *
     * @throws RowBinaryValueException when v does not fit
     */
    public void writeBigInteger(BigInteger v, int width, boolean signed, String typeName) throws IOException {
        int bits = width * 8;
        boolean fits = signed ? v.bitLength() < bits : v.signum() >= 0 && v.bitLength() <= bits;
        if (!fits) {
            throw new RowBinaryValueException("value " + v + " is out of range for " + typeName + " ["
                    + (signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO) + ", "
                    + (signed ? BigInteger.ONE.shiftLeft(bits - 1) : BigInteger.ONE.shiftLeft(bits)).subtract(BigInteger.ONE)
                    + "]");
        }
        if (v.bitLength() < 64) { // common case: no byte array
            writeLongAsWide(v.longValue(), width);
            return;
        }
        byte[] be = v.toByteArray(); // big-endian two's complement, minimal length (may carry a 0x00 sign byte)
        ensure(width);
        byte fill = (byte) (v.signum() < 0 ? 0xFF : 0);
        for (int i = 0; i < width; i++) {
            int src = be.length - 1 - i;
            buf[pos++] = src >= 0 ? be[src] : fill;
        }
    }

    private void writeByteUnchecked(int b) throws IOException {
        if (pos == buf.length) {
            makeRoom(1);
        }
        buf[pos++] = (byte) b;
    }

    /** The low n bytes of v, little-endian, unchecked (for codecs that have checked the range). */
    void writeLittleEndian(long v, int n) throws IOException {
        writeLE(v, n);
    }

    private void writeLE(long v, int n) throws IOException {
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[pos++] = (byte) (v >>> (8 * i));
        }
    }

    // ---------------------------------------------------------------- other primitives

    public void writeFloat32(float v) throws IOException {
        writeLE(Float.floatToRawIntBits(v), 4);
    }

    public void writeFloat64(double v) throws IOException {
        writeLE(Double.doubleToRawLongBits(v), 8);
    }

    public void writeBool(boolean v) throws IOException {
        writeByteUnchecked(v ? 1 : 0);
    }

    /** The Nullable prefix: 1 for NULL (nothing follows), 0 when a value follows. */
    public void writeNullFlag(boolean isNull) throws IOException {
        writeByteUnchecked(isNull ? 1 : 0);
    }

    /** Unsigned LEB128 of the 64 bits of v (lengths and counts are never negative in practice). */
    public void writeVarUInt(long v) throws IOException {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
    }

    /** Raw bytes, no length prefix. */
    public void writeBytes(byte[] b) throws IOException {
        writeBytes(b, 0, b.length);
    }

    public void writeBytes(byte[] b, int off, int len) throws IOException {
        if (len > buf.length - pos) {
            if (rowStart < 0 && len > buf.length) { // no row to protect: send large values straight through
                makeRoom(0);
                out.write(b, off, len);
                flushed += len;
                return;
            }
            makeRoom(len);
        }
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    /** String: varint byte length, then the bytes. */
    public void writeString(byte[] b) throws IOException {
        writeVarUInt(b.length);
        writeBytes(b, 0, b.length);
    }

    /**
     * String from Java text, encoded as UTF-8 straight into the buffer (no intermediate byte[]). Lone
     * surrogates become '?', as {@link String#getBytes} does.
     */
    public void writeString(CharSequence s) throws IOException {
        writeVarUInt(Utf8.encodedLength(s));
        writeUtf8(s);
    }

    /**
     * String from Java text as exact UTF-8, encoded straight into the buffer: returns true when written,
     * or false — having written nothing — when the text has an unpaired surrogate (it has no UTF-8 form;
     * {@link #writeString(CharSequence)} would write '?' for it). Surrogate pairs become 4-byte sequences.
     */
    public boolean writeStringUtf8(CharSequence s) throws IOException {
        int n = s.length();
        long len = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    len += 1;
                } else if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
                    len += 2;
                } else if (c <= Character.MAX_HIGH_SURROGATE && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    len += 2; // 4 bytes for the 2 chars
                    i++;
                } else {
                    return false;
                }
            }
        }
        writeVarUInt(len);
        if (len == n && s instanceof String) {
            writeLatin1((String) s, n);
        } else {
            writeUtf8(s);
        }
        return true;
    }

    /** Text whose chars are all below U+0080: one byte each (compact strings copy their bytes). */
    @SuppressWarnings("deprecation")
    private void writeLatin1(String s, int n) throws IOException {
        int i = 0;
        while (i < n) {
            if (pos == buf.length) {
                makeRoom(Math.min(n - i, buf.length));
            }
            int take = Math.min(n - i, buf.length - pos);
            s.getBytes(i, i + take, buf, pos); // the low byte of each char, exact for ASCII
            pos += take;
            i += take;
        }
    }

    /** The UTF-8 bytes of s (no length); lone surrogates become '?'. */
    private void writeUtf8(CharSequence s) throws IOException {
        int n = s.length();
        int i = 0;
        // ASCII run: one byte per char, copied in buffer-sized chunks
        while (i < n) {
            if (pos == buf.length) {
                makeRoom(1);
            }
            int end = Math.min(n, i + buf.length - pos);
            char c = 0;
            while (i < end && (c = s.charAt(i)) < 0x80) {
                buf[pos++] = (byte) c;
                i++;
            }
            if (i < end) {
                break; // first non-ASCII char
            }
        }
        for (; i < n; i++) {
            ensure(4);
            char c = s.charAt(i);
            if (c < 0x80) {
                buf[pos++] = (byte) c;
            } else if (c < 0x800) {
                buf[pos++] = (byte) (0xC0 | (c >> 6));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[pos++] = (byte) (0xF0 | (cp >> 18));
                buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                buf[pos++] = '?';
            } else {
                buf[pos++] = (byte) (0xE0 | (c >> 12));
                buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[pos++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    /**
     * FixedString(n): the bytes padded with trailing zero bytes up to n, as the server pads.
     *
     * @throws RowBinaryValueException when the value is longer than n
     */
    public void writeFixedString(byte[] b, int n) throws IOException {
        if (b.length > n) {
            throw new RowBinaryValueException("value of " + b.length + " bytes is longer than FixedString(" + n + ")");
        }
        writeBytes(b, 0, b.length);
        for (int i = b.length; i < n; i++) {
            writeByteUnchecked(0);
        }
    }

    /**
     * UUID as ClickHouse stores it: the high 64 bits as a little-endian UInt64, then the low 64 bits as a
     * little-endian UInt64 (so 61f0c404-5cb3-11e7-… starts with e7 11 b3 5c …).
     */
    public void writeUuid(long mostSignificantBits, long leastSignificantBits) throws IOException {
        writeLE(mostSignificantBits, 8);
        writeLE(leastSignificantBits, 8);
    }

    /** Sends all complete rows (an open row stays buffered) and flushes the stream. */
    @Override
    public void flush() throws IOException {
        makeRoom(0);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }
}
