package io.chpack.kafkareader.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.chpack.kafkareader.offsets.OffsetState;
import io.chpack.kafkareader.offsets.PlanText;

class PlanTest {
    static OffsetPlan plan(long... sizes) {
        List<PartitionRange> r = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            r.add(new PartitionRange("t", i, 100, 100 + sizes[i]));
        }
        return new OffsetPlan("p1", r, false);
    }

    @Test
    void oneTaskPerPartitionOrGroupedBySizeDeterministically() {
        assertEquals("[[t/2[100,130)], [t/1[100,120)], [t/0[100,110)]]", SplitPlanner.split(plan(10, 20, 30), 8)
                .toString());
        // 5 partitions, 2 tasks: largest first onto the least loaded; each task in partition order
        assertEquals("[[t/0[100,150), t/3[100,110)], [t/1[100,140), t/2[100,115), t/4[100,105)]]",
                SplitPlanner.split(plan(50, 40, 15, 10, 5), 2).toString());
        assertEquals(SplitPlanner.split(plan(50, 40, 15, 10, 5), 2), SplitPlanner.split(plan(50, 40, 15, 10, 5), 2));
        // empty ranges are not read; no data at all: one empty task
        assertEquals("[[t/1[100,107)]]", SplitPlanner.split(plan(0, 7, 0), 4).toString());
        assertEquals("[[]]", SplitPlanner.split(plan(0, 0), 4).toString());
    }

    @Test
    void blockKeysAreWindowsOfTheRange() {
        BlockKeys k = new BlockKeys(new PartitionRange("orders", 3, 1050, 3100), 1000);
        assertEquals("orders/3/1050-2050", k.metaFor(1050).get(BlockKeys.META_KEY));
        Map<String, String> m = k.metaFor(1051);
        assertSame(m, k.metaFor(2049), "one map per window");
        assertEquals("orders/3/2050-3050", k.metaFor(2050).get(BlockKeys.META_KEY));
        assertEquals("orders/3/3050-3100", k.metaFor(3099).get(BlockKeys.META_KEY));
        assertEquals("orders/3/1050-2050", k.metaFor(1500).get(BlockKeys.META_KEY), "gaps and jumps back");
    }

    @Test
    void planTextRoundTrips() {
        OffsetPlan p = plan(10, 0);
        String meta = PlanText.metadata(p, p.ranges.get(0));
        assertEquals("chpack-plan:1:p1:100:110", meta);
        String[] parsed = PlanText.parseMetadata(meta);
        assertEquals("p1", parsed[0]);
        assertNull(PlanText.parseMetadata("chpack-done:1:p1"));
        assertNull(PlanText.parseMetadata(""));
        assertNull(PlanText.parseMetadata(null));
        String doc = PlanText.document(Map.of("t/1", 5L, "t/0", 7L), p);
        assertEquals("{\"version\":1,\"offsets\":{\"t/0\":7,\"t/1\":5},\"pending\":{\"planId\":\"p1\","
                + "\"ranges\":[[\"t\",0,100,110],[\"t\",1,100,100]]}}", doc);
        OffsetState s = PlanText.parseDocument(doc);
        assertEquals(7L, s.committed.get("t/0"));
        assertEquals(p.ranges, s.pending.ranges);
        assertNull(PlanText.parseDocument(PlanText.document(Map.of("t/0", 1L), null)).pending);
        assertEquals(0, PlanText.parseDocument(null).committed.size());
    }
}
