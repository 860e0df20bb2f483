package io.chpack.clickhousewriter.sharding;

/**
 * Austin Appleby's MurmurHash2 (32-bit {@code MurmurHash2} and 64-bit {@code MurmurHash64A}) and MurmurHash3
 * ({@code MurmurHash3_x86_32}, {@code MurmurHash3_x64_128}), all with seed 0 as ClickHouse calls them, written
 * from the published algorithms (SMHasher). Tail bytes are read as unsigned chars, as in the reference code
 * ClickHouse vendors. 32-bit results are returned unsigned in the low half of a long.
 */
public final class MurmurHash {
    private MurmurHash() {
    }

    /** {@code MurmurHash2(data, len, seed)}: m = 0x5bd1e995, r = 24. */
    public static long murmur2x32(byte[] in, int seed) {
        final int m = 0x5bd1e995;
        int len = in.length;
        int h = seed ^ len;
        int p = 0;
        for (; p + 4 <= len; p += 4) {
            int k = LittleEndian.getInt(in, p);
            k *= m;
            k ^= k >>> 24;
            k *= m;
            h *= m;
            h ^= k;
        }
        switch (len & 3) {
            case 3:
                h ^= (in[p + 2] & 0xFF) << 16;
                // fall through
            case 2:
                h ^= (in[p + 1] & 0xFF) << 8;
                // fall through
            case 1:
                h ^= in[p] & 0xFF;
                h *= m;
                break;
            default:
                break;
        }
        h ^= h >>> 13;
        h *= m;
        h ^= h >>> 15;
        return h & 0xFFFFFFFFL;
    }

    /** {@code MurmurHash64A(data, len, seed)}: m = 0xc6a4a7935bd1e995, r = 47. */
    public static long murmur2x64(byte[] in, long seed) {
        final long m = 0xc6a4a7935bd1e995L;
        int len = in.length;
        long h = seed ^ (len * m);
        int p = 0;
        for (; p + 8 <= len; p += 8) {
            long k = LittleEndian.getLong(in, p);
            k *= m;
            k ^= k >>> 47;
            k *= m;
            h ^= k;
            h *= m;
        }
        int rest = len & 7;
        if (rest > 0) {
            for (int i = rest - 1; i >= 0; i--) {
                h ^= (in[p + i] & 0xFFL) << (8 * i);
            }
            h *= m;
        }
        h ^= h >>> 47;
        h *= m;
        h ^= h >>> 47;
        return h;
    }

    /** {@code MurmurHash3_x86_32(data, len, seed)}. */
    public static long murmur3x32(byte[] in, int seed) {
        final int c1 = 0xcc9e2d51;
        final int c2 = 0x1b873593;
        int len = in.length;
        int h1 = seed;
        int p = 0;
        for (; p + 4 <= len; p += 4) {
            int k1 = LittleEndian.getInt(in, p);
            k1 *= c1;
            k1 = Integer.rotateLeft(k1, 15);
            k1 *= c2;
            h1 ^= k1;
            h1 = Integer.rotateLeft(h1, 13);
            h1 = h1 * 5 + 0xe6546b64;
        }
        int rest = len & 3;
        if (rest > 0) {
            int k1 = 0;
            for (int i = rest - 1; i >= 0; i--) {
                k1 ^= (in[p + i] & 0xFF) << (8 * i);
            }
            k1 *= c1;
            k1 = Integer.rotateLeft(k1, 15);
            k1 *= c2;
            h1 ^= k1;
        }
        h1 ^= len;
        return fmix32(h1) & 0xFFFFFFFFL;
    }

    /** {@code MurmurHash3_x64_128(data, len, seed)} as {h1, h2} (the first and second 8 output bytes). */
    public static long[] murmur3x128(byte[] in, long seed) {
        final long c1 = 0x87c37b91114253d5L;
        final long c2 = 0x4cf5ad432745937fL;
        int len = in.length;
        long h1 = seed;
        long h2 = seed;
        int p = 0;
        for (; p + 16 <= len; p += 16) {
            long k1 = LittleEndian.getLong(in, p);
            long k2 = LittleEndian.getLong(in, p + 8);
            k1 *= c1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= c2;
            h1 ^= k1;
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;
            k2 *= c2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= c1;
            h2 ^= k2;
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        int rest = len & 15;
        if (rest > 8) {
            long k2 = 0;
            for (int i = rest - 1; i >= 8; i--) {
                k2 ^= (in[p + i] & 0xFFL) << (8 * (i - 8));
            }
            k2 *= c2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= c1;
            h2 ^= k2;
        }
        if (rest > 0) {
            long k1 = 0;
            for (int i = Math.min(rest, 8) - 1; i >= 0; i--) {
                k1 ^= (in[p + i] & 0xFFL) << (8 * i);
            }
            k1 *= c1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= c2;
            h1 ^= k1;
        }
        h1 ^= len;
        h2 ^= len;
        h1 += h2;
        h2 += h1;
        h1 = fmix64(h1);
        h2 = fmix64(h2);
        h1 += h2;
        h2 += h1;
        return new long[] {h1, h2};
    }

    static int fmix32(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
