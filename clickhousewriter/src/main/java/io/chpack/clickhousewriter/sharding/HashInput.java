package io.chpack.clickhousewriter.sharding;

/**
 * One argument of a hash function as ClickHouse sees it in memory: either a fixed-width number (integers,
 * Date, DateTime, Enum, Bool, floats: {@code bits} holds the raw little-endian value of {@code width} bytes,
 * sign-extended when {@code signed}) or a byte string (String, FixedString, UUID: {@code bytes}).
 */
final class HashInput {
    final byte[] bytes;
    final long bits;
    final int width;
    final boolean signed;
    final boolean floating;

    private HashInput(byte[] bytes, long bits, int width, boolean signed, boolean floating) {
        this.bytes = bytes;
        this.bits = bits;
        this.width = width;
        this.signed = signed;
        this.floating = floating;
    }

    static HashInput ofBytes(byte[] bytes) {
        return new HashInput(bytes, 0, 0, false, false);
    }

    static HashInput ofNumber(long normalizedBits, int width, boolean signed, boolean floating) {
        return new HashInput(null, normalizedBits, width, signed, floating);
    }

    boolean isBytes() {
        return bytes != null;
    }

    /** The value's in-memory bytes: what byte-hashing functions (sipHash64, murmur*, xxHash*) digest. */
    byte[] memoryBytes() {
        return bytes != null ? bytes : LittleEndian.bytes(bits, width);
    }

    /** {@code bit_cast<UInt64>(value)}: the value's bytes in the low end of a zeroed UInt64. */
    long zeroExtendedBits() {
        return width == 8 ? bits : bits & ((1L << (8 * width)) - 1);
    }
}
