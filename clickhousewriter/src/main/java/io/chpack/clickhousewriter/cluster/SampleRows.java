package io.chpack.clickhousewriter.cluster;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.chpack.clickhousewriter.sharding.ShardingColumn;
import io.chpack.clickhousewriter.sharding.ShardingKey;
import io.chpack.clickhousewriter.sharding.ShardingRow;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;

/**
 * Values for the prepare-time sharding self-check, before any real row exists: for each column the key reads,
 * the edges of its type first (0, ±1, minimum, maximum, empty string, epoch…) and then seeded random values,
 * in the RowBinary codec's value model (what {@link ShardingKey#evaluate} receives at run time). Columns the
 * key does not read stay null. Seeded, so a refusal names the same sample row on every run.
 */
final class SampleRows {
    private SampleRows() {
    }

    static List<ShardingRow> of(ShardingKey key, int count) {
        Random r = new Random(0x5eed_c1a5L);
        List<ShardingColumn> cols = key.columns();
        List<ShardingRow> rows = new ArrayList<ShardingRow>(count);
        for (int n = 0; n < count; n++) {
            Object[] values = new Object[cols.size()];
            for (int c : key.referencedColumns()) {
                ClickHouseType t = cols.get(c).type();
                values[c] = value(t.kind() == ClickHouseTypeKind.LOW_CARDINALITY ? t.wrappedType() : t, n, r);
            }
            rows.add(ShardingRow.of(values));
        }
        return rows;
    }

    private static Object value(ClickHouseType t, int n, Random r) {
        switch (t.kind()) {
            case INT8:
                return (long) (n < EDGES.length ? (byte) EDGES[n] : (byte) r.nextInt());
            case INT16:
                return (long) (n < EDGES.length ? (short) EDGES[n] : (short) r.nextInt());
            case INT32:
                return (long) (n < EDGES.length ? (int) EDGES[n] : r.nextInt());
            case INT64:
                return n < EDGES.length ? EDGES[n] : r.nextLong();
            case UINT8:
                return (n < EDGES.length ? EDGES[n] : r.nextLong()) & 0xFFL;
            case UINT16:
                return (n < EDGES.length ? EDGES[n] : r.nextLong()) & 0xFFFFL;
            case UINT32:
                return (n < EDGES.length ? EDGES[n] : r.nextLong()) & 0xFFFFFFFFL;
            case UINT64:
                return new BigInteger(1, longBytes(n < EDGES.length ? EDGES[n] : r.nextLong()));
            case FLOAT32:
                return n < FLOATS.length ? (float) FLOATS[n] : (float) (r.nextGaussian() * 1e6);
            case FLOAT64:
                return n < FLOATS.length ? FLOATS[n] : r.nextGaussian() * 1e12;
            case BOOL:
                return (n & 1) == 1;
            case STRING: {
                if (n == 0) {
                    return new byte[0];
                }
                if (n == 1) {
                    return "Zürich 東京".getBytes(StandardCharsets.UTF_8);
                }
                byte[] b = new byte[r.nextInt(48)];
                r.nextBytes(b);
                return b;
            }
            case FIXED_STRING: {
                byte[] b = new byte[t.length()];
                if (n > 0) {
                    r.nextBytes(b);
                }
                return b;
            }
            case DATE:
                return LocalDate.ofEpochDay(n == 0 ? 0 : r.nextInt(40_000));
            case DATETIME:
                return Instant.ofEpochSecond(n == 0 ? 0 : (r.nextLong() & 0xFFFFFFFFL) % 4_000_000_000L);
            case UUID:
                return new UUID(r.nextLong(), r.nextLong());
            case ENUM8:
            case ENUM16:
                return t.enumValues().nameAt(n % t.enumValues().size());
            default:
                // The key compiler accepted the column, so the check needs a value; a type without a sample
                // generator is reported as such by the self-check (the server sees a NULL literal and fails).
                return null;
        }
    }

    private static final long[] EDGES = {0, 1, -1, 2, -2, 127, -128, 255, 32767, -32768, 65535, Integer.MAX_VALUE,
        Integer.MIN_VALUE, 4294967295L, Long.MAX_VALUE, Long.MIN_VALUE};
    private static final double[] FLOATS = {0.0, -0.0, 1.0, -1.5, 1e-300, Double.MAX_VALUE};

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (56 - 8 * i));
        }
        return b;
    }
}
