package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Random values in the codec's decode model for any type, biased towards edge values (min/max of each
 * width, NaN/±Inf/-0.0, empty and NUL-laden strings, 4-byte UTF-8, far dates, NULLs, empty containers).
 */
final class RandomValues {
    private static final long DATE32_MIN = LocalDate.of(1900, 1, 1).toEpochDay();
    private static final long DATE32_MAX = LocalDate.of(2299, 12, 31).toEpochDay();
    private static final long DT64_MIN_SECOND = LocalDate.of(1900, 1, 1).toEpochDay() * 86400L;
    private static final long DT64_END_SECOND = LocalDate.of(2300, 1, 1).toEpochDay() * 86400L;

    private final Random r;

    RandomValues(Random r) {
        this.r = r;
    }

    private boolean edge() {
        return r.nextInt(4) == 0;
    }

    Object value(ClickHouseType t) {
        switch (t.kind()) {
            case INT8: return longIn(Byte.MIN_VALUE, Byte.MAX_VALUE);
            case INT16: return longIn(Short.MIN_VALUE, Short.MAX_VALUE);
            case INT32: return longIn(Integer.MIN_VALUE, Integer.MAX_VALUE);
            case INT64: return longIn(Long.MIN_VALUE, Long.MAX_VALUE);
            case UINT8: return longIn(0, 0xFF);
            case UINT16: return longIn(0, 0xFFFF);
            case UINT32: return longIn(0, 0xFFFFFFFFL);
            case UINT64: return bigInt(64, false);
            case INT128: return bigInt(128, true);
            case INT256: return bigInt(256, true);
            case UINT128: return bigInt(128, false);
            case UINT256: return bigInt(256, false);
            case FLOAT32: return float32();
            case FLOAT64: return float64();
            case BFLOAT16: return Float.intBitsToFloat((edge() ? pick(0x7F80, 0xFF80, 0x7FC0, 0x0000, 0x8000, 0x7F7F, 0x0001)
                    : r.nextInt(0x10000)) << 16);
            case DECIMAL: return decimal(t.precision(), t.scale());
            case BOOL: return r.nextBoolean();
            case STRING: return bytes(r.nextInt(4) == 0 ? 0 : r.nextInt(40));
            case FIXED_STRING: return fixedBytes(t.length());
            case UUID: return edge() ? new UUID(pickLong(0, -1, Long.MIN_VALUE), pickLong(0, -1, 1)) : new UUID(r.nextLong(), r.nextLong());
            case DATE: return LocalDate.ofEpochDay(longIn(0, 0xFFFF));
            case DATE32: return LocalDate.ofEpochDay(longIn(DATE32_MIN, DATE32_MAX));
            case DATETIME: return Instant.ofEpochSecond(longIn(0, 0xFFFFFFFFL));
            case DATETIME64: return dateTime64(t.dateTime64Precision());
            case ENUM8:
            case ENUM16: return t.enumValues().nameAt(r.nextInt(t.enumValues().size()));
            case IPV4: return address(4);
            case IPV6: return address(16);
            case NULLABLE:
                return r.nextInt(3) == 0 || t.wrappedType().kind() == ClickHouseTypeKind.NOTHING ? null : value(t.wrappedType());
            case LOW_CARDINALITY: return value(t.wrappedType());
            case ARRAY:
            case NESTED: {
                ClickHouseType el = t.elementType();
                int n = el.kind() == ClickHouseTypeKind.NOTHING ? 0 : r.nextInt(4) == 0 ? 0 : r.nextInt(5);
                List<Object> l = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    l.add(value(el));
                }
                return l;
            }
            case MAP: {
                Map<Object, Object> m = new LinkedHashMap<>();
                int n = r.nextInt(4) == 0 ? 0 : r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    m.put(value(t.mapKeyType()), value(t.mapValueType()));
                }
                return m;
            }
            case TUPLE: {
                List<Object> l = new ArrayList<>();
                for (ClickHouseType e : t.tupleElementTypes()) {
                    l.add(value(e));
                }
                return l;
            }
            case NOTHING:
                throw new IllegalArgumentException("Nothing has no values");
            default:
                throw new IllegalArgumentException("no generator for " + t);
        }
    }

    private long pickLong(long... options) {
        return options[r.nextInt(options.length)];
    }

    private int pick(int... options) {
        return options[r.nextInt(options.length)];
    }

    private long longIn(long min, long max) {
        if (edge()) {
            long[] edges = {min, max, 0, min == 0 ? 1 : -1, max - 1};
            long e = edges[r.nextInt(edges.length)];
            return Math.max(min, Math.min(max, e));
        }
        if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
            return r.nextLong();
        }
        long span = max - min + 1; // fits: callers' ranges are below 2^63
        return min + Math.floorMod(r.nextLong(), span);
    }

    private BigInteger bigInt(int bits, boolean signed) {
        BigInteger min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
        BigInteger max = (signed ? BigInteger.ONE.shiftLeft(bits - 1) : BigInteger.ONE.shiftLeft(bits)).subtract(BigInteger.ONE);
        if (edge()) {
            BigInteger[] edges = {min, max, BigInteger.ZERO, signed ? BigInteger.valueOf(-1) : BigInteger.ONE,
                    BigInteger.ONE.shiftLeft(63), BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)};
            BigInteger e = edges[r.nextInt(edges.length)];
            return e.compareTo(max) > 0 ? max : e;
        }
        BigInteger v = new BigInteger(1 + r.nextInt(bits), r);
        return signed && r.nextBoolean() ? v.negate().max(min).min(max) : v.min(max);
    }

    private Float float32() {
        if (edge()) {
            float[] e = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f, Float.MIN_VALUE,
                    Float.MAX_VALUE, -Float.MAX_VALUE};
            return e[r.nextInt(e.length)];
        }
        return r.nextBoolean() ? Float.intBitsToFloat(r.nextInt()) : (float) r.nextGaussian() * 1000;
    }

    private Double float64() {
        if (edge()) {
            double[] e = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0d, -0d, Double.MIN_VALUE,
                    Double.MAX_VALUE, -Double.MAX_VALUE};
            return e[r.nextInt(e.length)];
        }
        return r.nextBoolean() ? Double.longBitsToDouble(r.nextLong()) : r.nextGaussian() * 1e6;
    }

    private BigDecimal decimal(int precision, int scale) {
        BigInteger limit = BigInteger.TEN.pow(precision);
        BigInteger unscaled;
        if (edge()) {
            BigInteger max = limit.subtract(BigInteger.ONE);
            BigInteger[] e = {max, max.negate(), BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate()};
            unscaled = e[r.nextInt(e.length)];
        } else {
            unscaled = new BigInteger(limit.bitLength() + 8, r).mod(limit);
            if (r.nextBoolean()) {
                unscaled = unscaled.negate();
            }
        }
        return new BigDecimal(unscaled, scale);
    }

    private byte[] bytes(int n) {
        switch (r.nextInt(4)) {
            case 0: { // arbitrary bytes including NULs
                byte[] b = new byte[n];
                r.nextBytes(b);
                if (n > 0) {
                    b[r.nextInt(n)] = 0;
                }
                return b;
            }
            case 1: { // UTF-8 of random code points, 4-byte ones included
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    int[] cps = {'a', 0, 0xE9, 0x20AC, 0x1F600, 0x10FFFF, 0x7F, 0x800};
                    sb.appendCodePoint(r.nextBoolean() ? cps[r.nextInt(cps.length)] : 0x20 + r.nextInt(0x5F));
                }
                return sb.toString().getBytes(StandardCharsets.UTF_8);
            }
            default: {
                byte[] b = new byte[n];
                for (int i = 0; i < n; i++) {
                    b[i] = (byte) ('a' + r.nextInt(26));
                }
                return b;
            }
        }
    }

    private byte[] fixedBytes(int n) {
        byte[] b = new byte[n];
        if (!edge()) {
            r.nextBytes(b);
        }
        return b;
    }

    private Instant dateTime64(int p) {
        long tick = BigInteger.TEN.pow(9 - p).longValue();
        long maxSecond = p == 9 ? 9223372036L : DT64_END_SECOND - 1;
        long s = edge() ? pickLong(DT64_MIN_SECOND, maxSecond, 0, -1) : longIn(DT64_MIN_SECOND, maxSecond);
        long nanos = Math.floorMod(r.nextLong(), 1_000_000_000L / tick) * tick;
        if (p == 9 && s == 9223372036L) {
            nanos = Math.min(nanos, 854775807L);
        }
        return Instant.ofEpochSecond(s, nanos);
    }

    private InetAddress address(int len) {
        byte[] b = new byte[len];
        r.nextBytes(b);
        if (len == 16 && r.nextInt(4) == 0) { // IPv4-mapped
            java.util.Arrays.fill(b, 0, 10, (byte) 0);
            b[10] = (byte) 0xFF;
            b[11] = (byte) 0xFF;
        }
        try {
            return len == 4 ? InetAddress.getByAddress(b) : Inet6Address.getByAddress(null, b, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
