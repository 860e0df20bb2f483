package io.chpack.clickhousewriter.sharding;

/**
 * ClickHouse's {@code javaHash} (added after 18.16; checked on 26.7). Strings: Java's {@code String.hashCode}
 * recurrence {@code h = 31 * h + b} over the UTF-8 <em>bytes taken as signed</em> (not UTF-16 chars, so it only
 * equals Java's hash for ASCII). Int8/Int16/Int32: the value itself. Int64: {@code Long.hashCode}
 * ({@code (int) (x ^ (x >>> 32))}). Unsigned integers are rejected by the server ("Unsigned types are not
 * supported"); floats hash their little-endian bytes with the string recurrence. Result type Int32.
 */
public final class JavaHash {
    private JavaHash() {
    }

    public static int hashBytes(byte[] in) {
        int h = 0;
        for (byte b : in) {
            h = 31 * h + b;
        }
        return h;
    }

    public static int hashInt64(long x) {
        return (int) (x ^ (x >>> 32));
    }
}
