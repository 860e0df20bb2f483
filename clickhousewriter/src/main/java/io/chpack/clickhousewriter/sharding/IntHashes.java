package io.chpack.clickhousewriter.sharding;

/**
 * ClickHouse's integer hashes. {@code intHash64(x)} is MurmurHash3's 64-bit finalizer applied to
 * {@code x ^ 0x4CF2D2BAAE6DA887} (ClickHouse's {@code IntHash64Impl}); {@code intHash32(x)} is Thomas Wang's
 * 64-to-32-bit mix applied to {@code x ^ 0x75D9543DE018BF45} (ClickHouse's {@code intHash32<salt>}).
 *
 * <p>Both take the argument widened to UInt64 the C++ way: signed integers are sign-extended
 * ({@code intHash64(toInt8(-1)) = intHash64(18446744073709551615)}, checked on 18.16.1 and 26.7), unsigned ones
 * zero-extended. {@code intHash64} is also what cityHash64 applies to integer arguments, but there the value is
 * {@code bit_cast} to UInt64 (zero-extended), see {@link HashFunction}.
 */
public final class IntHashes {
    private static final long INT_HASH_64_SALT = 0x4CF2D2BAAE6DA887L;
    private static final long INT_HASH_32_SALT = 0x75D9543DE018BF45L;

    private IntHashes() {
    }

    /** {@code intHash64(x)} for x already widened to 64 bits. */
    public static long intHash64(long x) {
        return MurmurHash.fmix64(x ^ INT_HASH_64_SALT);
    }

    /** {@code intHash32(x)} for x already widened to 64 bits; unsigned 32-bit result in the low half. */
    public static long intHash32(long key) {
        long x = key ^ INT_HASH_32_SALT;
        x = ~x + (x << 18);
        x = x ^ ((x >>> 31) | (x << 33));
        x = x * 21;
        x = x ^ ((x >>> 11) | (x << 53));
        x = x + (x << 6);
        x = x ^ ((x >>> 22) | (x << 42));
        return x & 0xFFFFFFFFL;
    }
}
