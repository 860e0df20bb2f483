package io.chpack.clickhousewriter.sharding;

/**
 * CityHash64 exactly as ClickHouse computes {@code cityHash64}: Google's CityHash <b>v1.0.2</b> (ClickHouse
 * vendors it as {@code contrib/cityhash102}, namespace {@code CityHash_v1_0_2}, and never moved to 1.1, whose
 * short-input branches give different values). Also its {@code Hash128to64}, which ClickHouse uses to combine
 * the hashes of several arguments of {@code cityHash64} and {@code xxHash64}.
 *
 * <p>Written from the algorithm's description (four length branches: 0–16, 17–32, 33–64, and 64-byte
 * blocks with 56 bytes of state); bit-exactness is proven by the known-answer tests against the server.
 * All arithmetic is modulo 2^64, which Java's {@code long} gives for free.
 */
public final class CityHash102 {
    private static final long K0 = 0xc3a5c85c97cb3127L;
    private static final long K1 = 0xb492b66fbe98f273L;
    private static final long K2 = 0x9ae16a3b2f90404fL;
    private static final long K3 = 0xc949d7c7509e6557L;
    private static final long K_MUL = 0x9ddfea08eb382d69L;

    private CityHash102() {
    }

    public static long cityHash64(byte[] s) {
        return cityHash64(s, 0, s.length);
    }

    public static long cityHash64(byte[] s, int pos, int len) {
        if (len <= 32) {
            return len <= 16 ? hashLen0to16(s, pos, len) : hashLen17to32(s, pos, len);
        } else if (len <= 64) {
            return hashLen33to64(s, pos, len);
        }
        // Over 64 bytes: hash the tail first, then 64-byte blocks with 56 bytes of state (v, w, x, y, z).
        long x = fetch64(s, pos);
        long y = fetch64(s, pos + len - 16) ^ K1;
        long z = fetch64(s, pos + len - 56) ^ K0;
        long[] v = weakHashLen32WithSeeds(s, pos + len - 64, len, y);
        long[] w = weakHashLen32WithSeeds(s, pos + len - 32, len * K1, K0);
        z += shiftMix(v[1]) * K1;
        x = rotate(z + x, 39) * K1;
        y = rotate(y, 33) * K1;
        // Round len down to a multiple of 64 (the tail was already mixed in above).
        int remaining = (len - 1) & ~63;
        int p = pos;
        do {
            x = rotate(x + y + v[0] + fetch64(s, p + 16), 37) * K1;
            y = rotate(y + v[1] + fetch64(s, p + 48), 42) * K1;
            x ^= w[1];
            y ^= v[0];
            z = rotate(z ^ w[0], 33);
            v = weakHashLen32WithSeeds(s, p, v[1] * K1, x + w[0]);
            w = weakHashLen32WithSeeds(s, p + 32, z + w[1], y);
            long t = z;
            z = x;
            x = t;
            p += 64;
            remaining -= 64;
        } while (remaining != 0);
        return hashLen16(hashLen16(v[0], w[0]) + shiftMix(y) * K1 + z, hashLen16(v[1], w[1]) + x);
    }

    /**
     * CityHash's {@code Hash128to64(uint128(low, high))}; ClickHouse combines argument hashes as
     * {@code Hash128to64(uint128(previous, next))}, i.e. the running hash is the low half.
     */
    public static long hash128to64(long low, long high) {
        long a = (low ^ high) * K_MUL;
        a ^= a >>> 47;
        long b = (high ^ a) * K_MUL;
        b ^= b >>> 47;
        return b * K_MUL;
    }

    private static long hashLen16(long u, long v) {
        return hash128to64(u, v);
    }

    private static long hashLen0to16(byte[] s, int pos, int len) {
        if (len > 8) {
            long a = fetch64(s, pos);
            long b = fetch64(s, pos + len - 8);
            return hashLen16(a, rotateByAtLeast1(b + len, len)) ^ b;
        }
        if (len >= 4) {
            long a = fetch32(s, pos);
            return hashLen16(len + (a << 3), fetch32(s, pos + len - 4));
        }
        if (len > 0) {
            int a = s[pos] & 0xFF;
            int b = s[pos + (len >>> 1)] & 0xFF;
            int c = s[pos + len - 1] & 0xFF;
            // uint32 arithmetic, then widened to uint64 before the multiplications.
            long y = (a + (b << 8)) & 0xFFFFFFFFL;
            long z = (len + (c << 2)) & 0xFFFFFFFFL;
            return shiftMix(y * K2 ^ z * K3) * K2;
        }
        return K2;
    }

    private static long hashLen17to32(byte[] s, int pos, int len) {
        long a = fetch64(s, pos) * K1;
        long b = fetch64(s, pos + 8);
        long c = fetch64(s, pos + len - 8) * K2;
        long d = fetch64(s, pos + len - 16) * K0;
        return hashLen16(rotate(a - b, 43) + rotate(c, 30) + d, a + rotate(b ^ K3, 20) - c + len);
    }

    private static long hashLen33to64(byte[] s, int pos, int len) {
        long z = fetch64(s, pos + 24);
        long a = fetch64(s, pos) + (len + fetch64(s, pos + len - 16)) * K0;
        long b = rotate(a + z, 52);
        long c = rotate(a, 37);
        a += fetch64(s, pos + 8);
        c += rotate(a, 7);
        a += fetch64(s, pos + 16);
        long vf = a + z;
        long vs = b + rotate(a, 31) + c;
        a = fetch64(s, pos + 16) + fetch64(s, pos + len - 32);
        z = fetch64(s, pos + len - 8);
        b = rotate(a + z, 52);
        c = rotate(a, 37);
        a += fetch64(s, pos + len - 24);
        c += rotate(a, 7);
        a += fetch64(s, pos + len - 16);
        long wf = a + z;
        long ws = b + rotate(a, 31) + c;
        long r = shiftMix((vf + ws) * K2 + (wf + vs) * K0);
        return shiftMix(r * K0 + vs) * K2;
    }

    /** A 16-byte hash of 32 bytes at {@code p} plus two seeds, as {first, second}. */
    private static long[] weakHashLen32WithSeeds(byte[] s, int p, long a, long b) {
        long w = fetch64(s, p);
        long x = fetch64(s, p + 8);
        long y = fetch64(s, p + 16);
        long z = fetch64(s, p + 24);
        a += w;
        b = rotate(b + a + z, 21);
        long c = a;
        a += x;
        a += y;
        b += rotate(a, 44);
        return new long[] {a + z, b + c};
    }

    private static long fetch64(byte[] s, int p) {
        return LittleEndian.getLong(s, p);
    }

    private static long fetch32(byte[] s, int p) {
        return LittleEndian.getInt(s, p) & 0xFFFFFFFFL;
    }

    private static long rotate(long val, int shift) {
        return shift == 0 ? val : Long.rotateRight(val, shift);
    }

    /** Rotation for shift in [1, 63]; CityHash only calls it with len in 9..16. */
    private static long rotateByAtLeast1(long val, int shift) {
        return Long.rotateRight(val, shift);
    }

    private static long shiftMix(long val) {
        return val ^ (val >>> 47);
    }
}
