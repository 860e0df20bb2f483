package io.chpack.aurorareader.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Computed chunk boundaries for dense unique integer keys (the index walk skipped). */
class DenseBoundariesTest {

    @Test
    void exactChunksForAFullRange() {
        List<String[]> b = TablePlanner.denseBoundaries("1", "1000", 1000, 300);
        assertEquals(4, b.size());
        assertArrayEquals(new String[] {null, "300"}, b.get(0));
        assertArrayEquals(new String[] {"300", "600"}, b.get(1));
        assertArrayEquals(new String[] {"600", "900"}, b.get(2));
        assertArrayEquals(new String[] {"900", null}, b.get(3));
    }

    @Test
    void sparseOrUnusableKeysFallBackToTheWalk() {
        assertNull(TablePlanner.denseBoundaries("1", "2001", 1000, 100), "range above twice the estimate");
        assertEquals(20, TablePlanner.denseBoundaries("1", "2000", 1000, 100).size(), "twice the estimate is dense");
        assertNull(TablePlanner.denseBoundaries(null, null, 1000, 100), "empty table");
        assertNull(TablePlanner.denseBoundaries("1", "1000", 0, 100), "no estimate");
        assertNull(TablePlanner.denseBoundaries("1", "1000", -1, 100), "no estimate");
        assertNull(TablePlanner.denseBoundaries("1.5", "1000", 1000, 100), "not an integer");
        assertNull(TablePlanner.denseBoundaries("1", "2000000000", 1_000_000_000L, 1), "too many chunks");
    }

    @Test
    void oneChunkWhenTheRangeFitsAndSingleRowTables() {
        List<String[]> b = TablePlanner.denseBoundaries("7", "7", 1, 500);
        assertEquals(1, b.size());
        assertArrayEquals(new String[] {null, null}, b.get(0));
    }

    @Test
    void unsignedBigintBeyondSignedLongAndNegativeKeys() {
        List<String[]> b = TablePlanner.denseBoundaries("18446744073709551000", "18446744073709551615", 600, 250);
        assertEquals(3, b.size());
        assertArrayEquals(new String[] {null, "18446744073709551249"}, b.get(0));
        assertArrayEquals(new String[] {"18446744073709551249", "18446744073709551499"}, b.get(1));
        assertArrayEquals(new String[] {"18446744073709551499", null}, b.get(2));
        List<String[]> n = TablePlanner.denseBoundaries("-10", "9", 20, 7);
        assertArrayEquals(new String[] {null, "-4"}, n.get(0));
        assertArrayEquals(new String[] {"-4", "3"}, n.get(1));
        assertArrayEquals(new String[] {"3", null}, n.get(2));
    }

    /**
     * Every integer (also outside [min, max]) is in exactly one chunk: the first is open below, each starts where
     * the previous ended (exclusive lo = previous inclusive hi), boundaries strictly increase, the last is open
     * above; and no chunk spans more than chunkRows key values (so a unique key holds at most chunkRows rows).
     */
    @Test
    void chunksCoverEveryKeyOnceAndHoldAtMostChunkRowsKeys() {
        Random r = new Random(7);
        for (int t = 0; t < 2000; t++) {
            long min = r.nextInt(2_000_000) - 1_000_000;
            long rows = 1 + r.nextInt(50_000);
            long max = min + rows - 1 + r.nextInt((int) rows); // density 0.5 … 1
            long chunkRows = 1 + r.nextInt(5_000);
            List<String[]> b = TablePlanner.denseBoundaries(Long.toString(min), Long.toString(max), rows, chunkRows);
            List<String[]> again = TablePlanner.denseBoundaries(Long.toString(min), Long.toString(max), rows, chunkRows);
            assertEquals(b.size(), again.size(), "deterministic");
            String what = min + ".." + max + " / " + chunkRows;
            assertNull(b.get(0)[0], what);
            assertNull(b.get(b.size() - 1)[1], what);
            long prevHi = min - 1;
            for (int i = 0; i < b.size(); i++) {
                String[] c = b.get(i);
                assertArrayEquals(again.get(i), c, "deterministic");
                if (i > 0) {
                    assertEquals(b.get(i - 1)[1], c[0], "contiguous: " + what);
                }
                long hi = c[1] == null ? max : Long.parseLong(c[1]);
                assertTrue(hi > prevHi || (c[1] == null && hi >= prevHi), "increasing: " + what);
                assertTrue(hi - prevHi <= chunkRows, "at most chunkRows keys: " + what);
                prevHi = hi;
            }
            assertTrue(b.size() == 1 || Long.parseLong(b.get(b.size() - 2)[1]) < max, "no empty tail beyond max: " + what);
        }
    }
}
