package io.chpack.clickhousewriter.sharding;

/**
 * ClickHouse's {@code sipHash64}: SipHash-2-4 (Aumasson and Bernstein) with the all-zero 128-bit key,
 * 64-bit output. ClickHouse's {@code SipHash} class is the reference algorithm: 8-byte little-endian message
 * words (2 compression rounds each), the last word holding the tail bytes with the message length mod 256 in
 * its top byte, then {@code v2 ^= 0xff} and 4 finalization rounds; the result is {@code v0^v1^v2^v3}.
 */
public final class SipHash64 {
    private SipHash64() {
    }

    public static long hash(byte[] in) {
        long v0 = 0x736f6d6570736575L;
        long v1 = 0x646f72616e646f6dL;
        long v2 = 0x6c7967656e657261L;
        long v3 = 0x7465646279746573L;
        int len = in.length;
        int end = len - (len % 8);
        long[] v = {v0, v1, v2, v3};
        for (int p = 0; p < end; p += 8) {
            compress(v, LittleEndian.getLong(in, p));
        }
        long last = ((long) len & 0xFF) << 56;
        for (int i = 0; i < len - end; i++) {
            last |= (in[end + i] & 0xFFL) << (8 * i);
        }
        compress(v, last);
        v[2] ^= 0xFF;
        for (int i = 0; i < 4; i++) {
            sipRound(v);
        }
        return v[0] ^ v[1] ^ v[2] ^ v[3];
    }

    private static void compress(long[] v, long m) {
        v[3] ^= m;
        sipRound(v);
        sipRound(v);
        v[0] ^= m;
    }

    private static void sipRound(long[] v) {
        v[0] += v[1];
        v[1] = Long.rotateLeft(v[1], 13);
        v[1] ^= v[0];
        v[0] = Long.rotateLeft(v[0], 32);
        v[2] += v[3];
        v[3] = Long.rotateLeft(v[3], 16);
        v[3] ^= v[2];
        v[0] += v[3];
        v[3] = Long.rotateLeft(v[3], 21);
        v[3] ^= v[0];
        v[2] += v[1];
        v[1] = Long.rotateLeft(v[1], 17);
        v[1] ^= v[2];
        v[2] = Long.rotateLeft(v[2], 32);
    }
}
