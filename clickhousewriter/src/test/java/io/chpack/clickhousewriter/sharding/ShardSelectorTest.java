package io.chpack.clickhousewriter.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The Distributed engine's slot arithmetic; the real-server proof is in {@link WeightedDistributedRoutingTest}. */
class ShardSelectorTest {
    @Test
    void cumulativeWeightsInShardOrder() {
        ShardSelector s = new ShardSelector(new int[] {1, 3});
        assertEquals(4, s.totalWeight());
        assertEquals(0, s.shardIndex(0, IntType.UINT64));
        assertEquals(1, s.shardIndex(1, IntType.UINT64));
        assertEquals(1, s.shardIndex(3, IntType.UINT64));
        assertEquals(0, s.shardIndex(4, IntType.UINT64));
    }

    @Test
    void zeroWeightShardsOwnNoSlot() {
        ShardSelector s = new ShardSelector(new int[] {0, 2, 0, 1});
        for (long k = 0; k < 30; k++) {
            int shard = s.shardIndex(k, IntType.UINT32);
            assertEquals(k % 3 == 2 ? 3 : 1, shard);
        }
        assertThrows(IllegalArgumentException.class, () -> new ShardSelector(new int[] {0, 0}));
    }

    @Test
    void signedKeysAreWidenedToThirtyTwoOrSixtyFourBitsUnsigned() {
        ShardSelector s = new ShardSelector(new int[] {3, 8});
        // Int8 -1 -> 4294967295 (mod 11 = 3, second shard), not 255 (mod 11 = 2, first shard): seen on 18.16.1.
        assertEquals(3, s.slot(-1, IntType.INT8));
        assertEquals(1, s.shardIndex(-1, IntType.INT8));
        assertEquals(3, s.slot(-1, IntType.INT16));
        assertEquals(3, s.slot(-1, IntType.INT32));
        // Int64 -1 -> 18446744073709551615 mod 11 = 4.
        assertEquals(Long.remainderUnsigned(-1L, 11), s.slot(-1, IntType.INT64));
        assertEquals(255 % 11, s.slot(255, IntType.UINT8));
        assertEquals(Long.remainderUnsigned(Long.MIN_VALUE, 11), s.slot(Long.MIN_VALUE, IntType.UINT64));
    }
}
