package io.chpack.clickhousewriter.sharding;

/**
 * Unaligned little-endian reads and writes on byte arrays. Every hash ClickHouse uses reads its input as
 * little-endian words (the server only runs on little-endian hosts or converts to little-endian first), so
 * the Java ports read the same way whatever the JVM's native order.
 */
final class LittleEndian {
    private LittleEndian() {
    }

    static long getLong(byte[] b, int i) {
        return (b[i] & 0xFFL)
                | (b[i + 1] & 0xFFL) << 8
                | (b[i + 2] & 0xFFL) << 16
                | (b[i + 3] & 0xFFL) << 24
                | (b[i + 4] & 0xFFL) << 32
                | (b[i + 5] & 0xFFL) << 40
                | (b[i + 6] & 0xFFL) << 48
                | (b[i + 7] & 0xFFL) << 56;
    }

    /** The 32-bit word at {@code i} as a signed int (callers mask with 0xFFFFFFFFL when they need it unsigned). */
    static int getInt(byte[] b, int i) {
        return (b[i] & 0xFF)
                | (b[i + 1] & 0xFF) << 8
                | (b[i + 2] & 0xFF) << 16
                | (b[i + 3] & 0xFF) << 24;
    }

    /** The low {@code width} bytes of {@code value}, least significant first (how ClickHouse lays out integers). */
    static byte[] bytes(long value, int width) {
        byte[] out = new byte[width];
        for (int i = 0; i < width; i++) {
            out[i] = (byte) (value >>> (8 * i));
        }
        return out;
    }

    static void putLong(byte[] out, int i, long value) {
        for (int k = 0; k < 8; k++) {
            out[i + k] = (byte) (value >>> (8 * k));
        }
    }
}
