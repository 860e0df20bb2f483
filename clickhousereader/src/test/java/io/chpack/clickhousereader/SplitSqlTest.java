package io.chpack.clickhousereader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.chpack.clickhousereader.plan.KeyKind;
import io.chpack.clickhousereader.plan.PartitionGrouper;
import io.chpack.clickhousereader.plan.RangeBoundaries;
import io.chpack.clickhousereader.plan.RangePredicates;
import io.chpack.common.chtype.ClickHouseType;

class SplitSqlTest {

    @Test
    void rangePredicatesCoverEverythingOnceWithNullSplit() {
        List<String> p = RangePredicates.build("id", Arrays.asList("10", "20"), true);
        assertEquals(Arrays.asList(
                "(id) < 10",
                "NOT ((id) < 10) AND (id) < 20",
                "NOT ((id) < 20)",
                "isNull(id)"), p);
        assertEquals(Collections.singletonList("1"), RangePredicates.build("id", Collections.emptyList(), true));
        assertEquals(2, RangePredicates.build("id", Collections.singletonList("5"), false).size());
    }

    @Test
    void predicatesPartitionEveryValueIncludingBoundariesAndNaN() {
        // Evaluate the predicate shapes in Java for boundaries 10, 20: each value in exactly one range.
        double[] bounds = {10, 20};
        for (double v : new double[] {Double.NEGATIVE_INFINITY, -1, 9.999, 10, 15, 19.999, 20, 21, Double.NaN,
                Double.POSITIVE_INFINITY}) {
            int hits = 0;
            hits += v < bounds[0] ? 1 : 0;
            hits += !(v < bounds[0]) && v < bounds[1] ? 1 : 0;
            hits += !(v < bounds[1]) ? 1 : 0;
            assertEquals(1, hits, "value " + v);
        }
    }

    @Test
    void keyLiterals() {
        assertEquals("unhex('616263')", KeyKind.STRING.literal("616263", ClickHouseType.parse("String")));
        assertEquals("toDecimal64('1.5000', 4)", KeyKind.DECIMAL.literal("1.5000", ClickHouseType.parse("Nullable(Decimal(18, 4))")));
        assertEquals("toDecimal32('1.5', 1)", KeyKind.DECIMAL.literal("1.5", ClickHouseType.parse("Decimal(9, 1)")));
        assertEquals("toDecimal128('1', 0)", KeyKind.DECIMAL.literal("1", ClickHouseType.parse("Decimal(38, 0)")));
        assertEquals("toDate('2018-01-01')", KeyKind.DATE.literal("2018-01-01", ClickHouseType.parse("Date")));
        assertEquals("toDateTime(1514764800)", KeyKind.DATETIME.literal("1514764800", ClickHouseType.parse("DateTime('Asia/Shanghai')")));
        assertEquals("-42", KeyKind.INTEGER.literal("-42", ClickHouseType.parse("Int64")));
        assertEquals(KeyKind.STRING, KeyKind.of(ClickHouseType.parse("LowCardinality(Nullable(String))")));
        assertEquals(KeyKind.STRING, KeyKind.of(ClickHouseType.parse("FixedString(3)")));
        assertEquals(KeyKind.INTEGER, KeyKind.of(ClickHouseType.parse("Nullable(UInt64)")));
        assertNull(KeyKind.of(ClickHouseType.parse("Array(Int32)")));
        assertNull(KeyKind.of(ClickHouseType.parse("Enum8('a' = 1)")));
        assertEquals("hex(k)", KeyKind.STRING.sampleText("k"));
        assertEquals("isFinite(k)", KeyKind.FLOAT.sampleFilter("k"));
    }

    @Test
    void boundariesOfUniformSampleAreEven() {
        List<String> s = numbers(0, 1000);
        List<String> b = RangeBoundaries.choose(s, 4);
        assertEquals(Arrays.asList("0250", "0500", "0750"), b);
    }

    @Test
    void heavyHitterStaysWholeAndTheRestIsBalanced() {
        // 1000 samples: 0..199 once each, then value 0500 800 times (80 % of rows).
        List<String> s = new ArrayList<>(numbers(0, 200));
        for (int i = 0; i < 800; i++) {
            s.add("0500");
        }
        List<String> b = RangeBoundaries.choose(s, 4);
        assertTrue(b.contains("0500"), b.toString());
        assertStrictlyIncreasing(b);
        // The heavy value is in exactly one range that holds nothing else: its range starts at 0500 and it is last.
        assertEquals("0500", b.get(b.size() - 1));
        int[] sizes = sizes(s, b);
        assertEquals(800, sizes[sizes.length - 1]);
        for (int i = 0; i < sizes.length - 1; i++) {
            assertTrue(sizes[i] >= 60 && sizes[i] <= 140, Arrays.toString(sizes));
        }
    }

    @Test
    void skewedSampleGivesEvenRanges() {
        // Exponential-ish skew: value v appears (v % 10 + 1) * 10 times for v in 0..99 — ranges must still be even.
        List<String> s = new ArrayList<>();
        for (int v = 0; v < 100; v++) {
            for (int k = 0; k < (v % 10 + 1) * 10; k++) {
                s.add(String.format("%04d", v));
            }
        }
        List<String> b = RangeBoundaries.choose(s, 5);
        assertEquals(4, b.size());
        int[] sizes = sizes(s, b);
        for (int size : sizes) {
            assertTrue(Math.abs(size - s.size() / 5) <= 100, Arrays.toString(sizes));
        }
    }

    @Test
    void degenerateSamples() {
        assertEquals(Collections.emptyList(), RangeBoundaries.choose(Collections.nCopies(100, "x"), 4));
        assertEquals(Collections.emptyList(), RangeBoundaries.choose(Collections.emptyList(), 4));
        assertEquals(Collections.singletonList("b"), RangeBoundaries.choose(Arrays.asList("a", "b"), 8));
        assertEquals(Collections.emptyList(), RangeBoundaries.choose(numbers(0, 10), 1));
    }

    @Test
    void partitionsOfVeryDifferentSizes() {
        List<PartitionGrouper.Partition> parts = Arrays.asList(
                new PartitionGrouper.Partition("201801", 10),
                new PartitionGrouper.Partition("201802", 1_000_000),
                new PartitionGrouper.Partition("201803", 20),
                new PartitionGrouper.Partition("201804", 30));
        List<PartitionGrouper.Group> g = PartitionGrouper.group(parts, 4, 1000);
        assertEquals(2, g.size());
        assertEquals(Collections.singletonList("201802"), g.get(0).literals);
        assertEquals(4, g.get(0).ranges);
        assertEquals(Arrays.asList("201801", "201803", "201804"), g.get(1).literals);
        assertEquals(1, g.get(1).ranges);
        // Many small partitions are packed into about `wanted` groups.
        List<PartitionGrouper.Partition> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(new PartitionGrouper.Partition(String.valueOf(i), 100));
        }
        assertEquals(4, PartitionGrouper.group(many, 4, 1).size());
        // minSplitRows stops tiny tables from being cut up.
        assertEquals(1, PartitionGrouper.group(many, 4, 1_000_000).size());
    }

    private static void assertStrictlyIncreasing(List<String> b) {
        for (int i = 1; i < b.size(); i++) {
            assertTrue(b.get(i - 1).compareTo(b.get(i)) < 0, b.toString());
        }
    }

    /** Samples per range for boundaries b: k < b1, b1 <= k < b2, ..., k >= bn. */
    private static int[] sizes(List<String> s, List<String> b) {
        int[] out = new int[b.size() + 1];
        for (String v : s) {
            int r = 0;
            while (r < b.size() && v.compareTo(b.get(r)) >= 0) {
                r++;
            }
            out[r]++;
        }
        return out;
    }

    private static List<String> numbers(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(String.format("%04d", i));
        }
        return out;
    }
}
