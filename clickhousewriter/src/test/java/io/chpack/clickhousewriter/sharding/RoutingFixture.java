package io.chpack.clickhousewriter.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Rows, columns and sharding keys for the Distributed-table tests: every row carries the key's expression
 * number {@code x} and its own number {@code n}, so after inserting through a Distributed table the local
 * tables tell which shard each row landed on.
 */
final class RoutingFixture {
    static final List<ShardingColumn> COLUMNS = List.of(ShardingColumn.of("x", "UInt16"), ShardingColumn.of("n", "UInt32"),
            ShardingColumn.of("i8", "Int8"), ShardingColumn.of("i16", "Int16"), ShardingColumn.of("i32", "Int32"),
            ShardingColumn.of("i64", "Int64"), ShardingColumn.of("u64", "UInt64"), ShardingColumn.of("s", "String"),
            ShardingColumn.of("d", "Date"));

    /** Keys ClickHouse 18.16 can shard by, in the forms the writer must support. */
    static final List<String> KEYS = List.of("i8", "i16", "i32", "i64", "u64", "cityHash64(s)", "cityHash64(i64, s, d)",
            "sipHash64(i64, s)", "murmurHash2_32(s)", "murmurHash2_64(i32)", "murmurHash3_32(s, i8)", "murmurHash3_64(s)",
            "intHash64(i64)", "intHash32(i16)", "i64 % 7", "i32 % 150", "i8 % 3", "abs(i64) % 5", "toUInt64(i32)",
            "toInt64(u64) % 10", "cityHash64(s) % 3", "sipHash64(i8, 'salt', 7)");

    static final int ROWS = 120;

    private RoutingFixture() {
    }

    static String localColumnsDdl() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < COLUMNS.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(COLUMNS.get(i).name()).append(' ').append(COLUMNS.get(i).type());
        }
        return sb.append(')').toString();
    }

    /** Rows for key number {@code x}: negatives and extremes of every width, so signed-key casts matter. */
    static List<Object[]> rows(int x) {
        Random r = new Random(1000 + x);
        List<Object[]> rows = new ArrayList<>();
        long[] small = {-1, -2, -128, 127, 0, 1, -5, 5};
        for (int n = 0; n < ROWS; n++) {
            boolean edge = n < small.length;
            long i8 = edge ? small[n] : (byte) r.nextInt();
            long i16 = edge ? (short) (small[n] * 255) : (short) r.nextInt();
            long i32 = edge ? (int) (small[n] * 16777259L) : r.nextInt();
            long i64 = edge ? (n == 2 ? Long.MIN_VALUE : small[n] * 1099511627791L) : r.nextLong();
            Object u64 = edge && n == 0 ? new BigInteger("18446744073709551615") : new BigInteger(64, r);
            byte[] s = new byte[r.nextInt(80)];
            r.nextBytes(s);
            rows.add(new Object[] {(long) x, (long) n, i8, i16, i32, i64, u64, s, LocalDate.ofEpochDay(r.nextInt(40000))});
        }
        return rows;
    }

    static String insertSelect(String table, List<Object[]> rows) {
        StringBuilder sb = new StringBuilder("INSERT INTO ").append(table).append(" SELECT ");
        for (int k = 0; k < COLUMNS.size(); k++) {
            sb.append(k == 0 ? "" : ", ").append("tupleElement(__t, ").append(k + 1).append(')');
        }
        sb.append(" FROM (SELECT arrayJoin([");
        for (int i = 0; i < rows.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append("tuple(");
            for (int k = 0; k < COLUMNS.size(); k++) {
                sb.append(k == 0 ? "" : ", ").append(SqlLiteral.render(rows.get(i)[k], COLUMNS.get(k).type()));
            }
            sb.append(')');
        }
        return sb.append("]) AS __t)").toString();
    }

    /** Parses {@code x\tn} lines of one shard's local table into "x/n" → shard index. */
    static void collect(String tsv, int shardIndex, Map<String, Integer> landed) {
        for (String line : tsv.split("\n")) {
            if (!line.isEmpty()) {
                Integer prev = landed.put(line.replace('\t', '/'), shardIndex);
                assertTrue(prev == null, "row " + line + " is on two shards");
            }
        }
    }

    /** Asserts the router puts every row of key {@code x} where the server put it; returns rows per shard. */
    static int[] assertRouted(ShardRouter router, int x, List<Object[]> rows, Map<String, Integer> landed) {
        int[] perShard = new int[router.selector().shardCount()];
        for (Object[] row : rows) {
            Integer actual = landed.get(x + "/" + row[1]);
            assertTrue(actual != null, "row " + row[1] + " of key " + router.key() + " was not found on any shard");
            int expected = router.shardIndex(ShardingRow.of(row));
            assertEquals(actual.intValue(), expected, () -> "key " + router.key() + " row " + row[1] + " (i8=" + row[2]
                    + ", i64=" + row[5] + "): server shard " + (actual + 1) + ", Java shard " + (expected + 1));
            perShard[actual]++;
        }
        return perShard;
    }

    static Map<String, Integer> newLanding() {
        return new HashMap<>();
    }
}
