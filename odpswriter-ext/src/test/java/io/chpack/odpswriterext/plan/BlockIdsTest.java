package io.chpack.odpswriterext.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BlockIdsTest {
    @Test
    void tasksGetDisjointRangesThatEndWithinTheSessionLimit() {
        BlockIds last = new BlockIds(2, 3);
        assertEquals(13332, last.first());
        assertEquals(6666, last.size());
        assertEquals(13332, last.next());
        assertEquals(13333, last.next());
        BlockIds a = new BlockIds(0, 7000);
        assertEquals(2, a.size());
        assertEquals(0, a.next());
        assertEquals(1, a.next());
        assertEquals(-1, a.next());
        assertEquals(BlockIds.MAX_BLOCKS - 1, new BlockIds(19999, 20000).next());
        assertThrows(IllegalArgumentException.class, () -> new BlockIds(0, 20001));
        assertThrows(IllegalArgumentException.class, () -> new BlockIds(3, 3));
    }
}
