package io.chpack.clickhousewriter.sharding;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Generated inputs for the bulk hash comparisons: one wide row type with a column of every supported type,
 * and rows that cover every CityHash length branch (string lengths 0..200 cover 0-16, 17-32, 33-64 and >64,
 * also every xxHash/murmur tail length), NUL and 0xFF bytes, 4-byte UTF-8, integer extremes of every width,
 * negative values, Date/DateTime bounds and enum entries. Deterministic (fixed seed), so a failure reproduces.
 */
final class ConformanceCases {
    static final List<ShardingColumn> COLUMNS = List.of(
            ShardingColumn.of("s", "String"), ShardingColumn.of("fs", "FixedString(9)"),
            ShardingColumn.of("i8", "Int8"), ShardingColumn.of("i16", "Int16"), ShardingColumn.of("i32", "Int32"),
            ShardingColumn.of("i64", "Int64"), ShardingColumn.of("u8", "UInt8"), ShardingColumn.of("u16", "UInt16"),
            ShardingColumn.of("u32", "UInt32"), ShardingColumn.of("u64", "UInt64"), ShardingColumn.of("d", "Date"),
            ShardingColumn.of("dt", "DateTime"), ShardingColumn.of("e", "Enum8('a' = -3, 'b' = 2, 'c' = 127)"),
            ShardingColumn.of("f32", "Float32"), ShardingColumn.of("f64", "Float64"), ShardingColumn.of("id", "UUID"),
            ShardingColumn.of("lc", "LowCardinality(String)"));

    static final int ROWS = 420;

    private static final long[][] EXTREMES = {
        {0, 1, -1, Byte.MIN_VALUE, Byte.MAX_VALUE},
        {0, 1, -1, Short.MIN_VALUE, Short.MAX_VALUE},
        {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE},
        {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE},
    };
    private static final String[] SPECIAL = {"", "a", "\u0000", "a\u0000b", "\uD83D\uDE00", "\u00e9\u4e2d\uD83D\uDE00x",
        "The quick brown fox jumps over the lazy dog"};

    private ConformanceCases() {
    }

    static List<ShardingRow> rows() {
        Random r = new Random(20181216L);
        List<ShardingRow> rows = new ArrayList<>();
        String[] enumNames = {"a", "b", "c"};
        for (int i = 0; i < ROWS; i++) {
            Object s;
            if (i < SPECIAL.length) {
                s = SPECIAL[i];
            } else {
                byte[] b = new byte[(i - SPECIAL.length) % 201];
                r.nextBytes(b);
                s = b;
            }
            byte[] fs = new byte[i % 10];
            r.nextBytes(fs);
            int x = i % 5;
            boolean extreme = i % 3 == 0;
            long i8 = extreme ? EXTREMES[0][x] : (byte) r.nextInt();
            long i16 = extreme ? EXTREMES[1][x] : (short) r.nextInt();
            long i32 = extreme ? EXTREMES[2][x] : r.nextInt();
            long i64 = extreme ? EXTREMES[3][x] : r.nextLong();
            long u8 = extreme ? new long[] {0, 1, 255, 128, 127}[x] : r.nextInt(256);
            long u16 = extreme ? new long[] {0, 1, 65535, 32768, 32767}[x] : r.nextInt(65536);
            long u32 = extreme ? new long[] {0, 1, 0xFFFFFFFFL, 0x80000000L, 0x7FFFFFFFL}[x] : r.nextInt() & 0xFFFFFFFFL;
            Object u64 = extreme ? new Object[] {0L, 1L, new BigInteger("18446744073709551615"),
                new BigInteger("9223372036854775808"), Long.MAX_VALUE}[x] : new BigInteger(64, r);
            LocalDate d = LocalDate.ofEpochDay(extreme ? new long[] {0, 1, 65535, 17897, 40000}[x] : r.nextInt(65536));
            Instant dt = Instant.ofEpochSecond(extreme ? new long[] {0, 1, 0xFFFFFFFFL, 1577836800L, 2147483648L}[x]
                    : r.nextInt() & 0xFFFFFFFFL);
            float f32 = extreme ? new float[] {0f, -0f, 1.5f, Float.MAX_VALUE, -1e-30f}[x] : r.nextFloat() * 1e6f - 5e5f;
            double f64 = extreme ? new double[] {0d, -0d, 1.5d, Double.MIN_VALUE, -1e300}[x] : r.nextGaussian() * 1e9;
            UUID id = new UUID(r.nextLong(), r.nextLong());
            String lc = "v" + (i % 13) + (i % 2 == 0 ? "\u00e9" : "");
            rows.add(ShardingRow.of(s, fs, i8, i16, i32, i64, u8, u16, u32, u64, d, dt, enumNames[i % 3], f32, f64, id, lc));
        }
        return rows;
    }

    /** Every hash function over single columns and mixed argument lists. */
    static List<String> hashExpressions(boolean modern) {
        List<String> out = new ArrayList<>();
        String[] single = {"s", "fs", "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "d", "dt", "e", "f32", "f64", "lc"};
        for (HashFunction f : HashFunction.values()) {
            if (!modern && (f == HashFunction.XX_HASH_64 || f == HashFunction.XX_HASH_32 || f == HashFunction.JAVA_HASH)) {
                continue; // not in 18.16
            }
            String n = f.sqlName();
            if (f == HashFunction.JAVA_HASH) {
                for (String c : new String[] {"s", "fs", "i8", "i16", "i32", "i64", "e", "f32", "f64", "lc", "id"}) {
                    out.add(n + "(" + c + ")");
                }
                continue;
            }
            for (String c : single) {
                out.add(n + "(" + c + ")");
            }
            out.add(n + "(s, s)");
            out.add(n + "(i8, s, d, u64)");
            out.add(n + "(e, f32, f64, dt, fs)");
            out.add(n + "(u16, i16, u32, i32, i64, 'salt\\x00', 7, -1)");
            out.add(n + "(intHash64(i32), s % 1)".replace(", s % 1", ", u8 % 3"));
            if (modern) {
                out.add(n + "(id)");
                out.add(n + "(s, id, i8)");
            }
        }
        return out;
    }

    /** Integer functions, conversions and modulo forms, including every divisor width and sign. */
    static List<String> arithmeticExpressions() {
        List<String> out = new ArrayList<>();
        String[] ints = {"i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64"};
        String[] divisors = {"3", "4", "150", "300", "-3", "toInt8(-3)", "toUInt64(7)", "toInt32(-150)",
            "toUInt32(4000000000)", "toInt64(10)", "toUInt16(65535)"};
        for (String a : ints) {
            out.add(a);
            out.add("intHash64(" + a + ")");
            out.add("intHash32(" + a + ")");
            out.add("abs(" + a + ")");
            for (String t : new String[] {"toUInt8", "toUInt16", "toUInt32", "toUInt64", "toInt8", "toInt16", "toInt32", "toInt64"}) {
                out.add(t + "(" + a + ")");
            }
            for (String dv : divisors) {
                out.add(a + " % " + dv);
            }
        }
        out.add("intHash64(d)");
        out.add("intHash32(dt)");
        out.add("toUInt64(d) % 7");
        out.add("toInt64(dt) % 1000");
        out.add("cityHash64(s) % 4");
        out.add("sipHash64(i32, s) % 10");
        out.add("murmurHash3_32(s) % 3");
        out.add("modulo(abs(i64), 6) % 4");
        out.add("toUInt64(i32) % 5");
        out.add("(i64 % 1000) % 7");
        return out;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
