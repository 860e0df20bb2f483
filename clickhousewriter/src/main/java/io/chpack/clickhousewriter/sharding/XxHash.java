package io.chpack.clickhousewriter.sharding;

/**
 * XXH64 and XXH32 (Yann Collet's xxHash, seed 0 in ClickHouse's {@code xxHash64}/{@code xxHash32}), written
 * from the xxHash specification (doc/xxhash_spec.md: stripes of 32/16 bytes in four accumulators, then the
 * 8/4/1-byte tail, then the avalanche). Not in ClickHouse 18.16; verified against the 26.x engine.
 */
public final class XxHash {
    private static final long P64_1 = 0x9E3779B185EBCA87L;
    private static final long P64_2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P64_3 = 0x165667B19E3779F9L;
    private static final long P64_4 = 0x85EBCA77C2B2AE63L;
    private static final long P64_5 = 0x27D4EB2F165667C5L;
    private static final int P32_1 = 0x9E3779B1;
    private static final int P32_2 = 0x85EBCA77;
    private static final int P32_3 = 0xC2B2AE3D;
    private static final int P32_4 = 0x27D4EB2F;
    private static final int P32_5 = 0x165667B1;

    private XxHash() {
    }

    public static long xxHash64(byte[] in, long seed) {
        int len = in.length;
        int p = 0;
        long h;
        if (len >= 32) {
            long v1 = seed + P64_1 + P64_2;
            long v2 = seed + P64_2;
            long v3 = seed;
            long v4 = seed - P64_1;
            int limit = len - 32;
            do {
                v1 = round64(v1, LittleEndian.getLong(in, p));
                v2 = round64(v2, LittleEndian.getLong(in, p + 8));
                v3 = round64(v3, LittleEndian.getLong(in, p + 16));
                v4 = round64(v4, LittleEndian.getLong(in, p + 24));
                p += 32;
            } while (p <= limit);
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            h = mergeRound64(h, v1);
            h = mergeRound64(h, v2);
            h = mergeRound64(h, v3);
            h = mergeRound64(h, v4);
        } else {
            h = seed + P64_5;
        }
        h += len;
        while (p + 8 <= len) {
            h ^= round64(0, LittleEndian.getLong(in, p));
            h = Long.rotateLeft(h, 27) * P64_1 + P64_4;
            p += 8;
        }
        if (p + 4 <= len) {
            h ^= (LittleEndian.getInt(in, p) & 0xFFFFFFFFL) * P64_1;
            h = Long.rotateLeft(h, 23) * P64_2 + P64_3;
            p += 4;
        }
        while (p < len) {
            h ^= (in[p] & 0xFFL) * P64_5;
            h = Long.rotateLeft(h, 11) * P64_1;
            p++;
        }
        h ^= h >>> 33;
        h *= P64_2;
        h ^= h >>> 29;
        h *= P64_3;
        h ^= h >>> 32;
        return h;
    }

    /** XXH32 as an unsigned 32-bit value in the low half of the long. */
    public static long xxHash32(byte[] in, int seed) {
        int len = in.length;
        int p = 0;
        int h;
        if (len >= 16) {
            int v1 = seed + P32_1 + P32_2;
            int v2 = seed + P32_2;
            int v3 = seed;
            int v4 = seed - P32_1;
            int limit = len - 16;
            do {
                v1 = round32(v1, LittleEndian.getInt(in, p));
                v2 = round32(v2, LittleEndian.getInt(in, p + 4));
                v3 = round32(v3, LittleEndian.getInt(in, p + 8));
                v4 = round32(v4, LittleEndian.getInt(in, p + 12));
                p += 16;
            } while (p <= limit);
            h = Integer.rotateLeft(v1, 1) + Integer.rotateLeft(v2, 7) + Integer.rotateLeft(v3, 12)
                    + Integer.rotateLeft(v4, 18);
        } else {
            h = seed + P32_5;
        }
        h += len;
        while (p + 4 <= len) {
            h += LittleEndian.getInt(in, p) * P32_3;
            h = Integer.rotateLeft(h, 17) * P32_4;
            p += 4;
        }
        while (p < len) {
            h += (in[p] & 0xFF) * P32_5;
            h = Integer.rotateLeft(h, 11) * P32_1;
            p++;
        }
        h ^= h >>> 15;
        h *= P32_2;
        h ^= h >>> 13;
        h *= P32_3;
        h ^= h >>> 16;
        return h & 0xFFFFFFFFL;
    }

    private static long round64(long acc, long input) {
        acc += input * P64_2;
        acc = Long.rotateLeft(acc, 31);
        return acc * P64_1;
    }

    private static long mergeRound64(long acc, long val) {
        acc ^= round64(0, val);
        return acc * P64_1 + P64_4;
    }

    private static int round32(int acc, int input) {
        acc += input * P32_2;
        acc = Integer.rotateLeft(acc, 13);
        return acc * P32_1;
    }
}
