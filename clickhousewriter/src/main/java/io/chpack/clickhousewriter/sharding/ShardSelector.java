package io.chpack.clickhousewriter.sharding;

import java.util.Arrays;

/**
 * Picks a shard for a sharding key value exactly as the Distributed engine does ({@code createBlockSelector}):
 * shard i (in {@code shard_num} order) owns {@code weight_i} consecutive slots, slot = key mod W (W = total
 * weight), and shards with weight 0 own none. The key is first cast to an unsigned integer of
 * <em>32 bits when its type is at most 4 bytes wide, else 64 bits</em>, with C++ conversion, so a negative
 * Int8/Int16/Int32 key is sign-extended to 32 bits: Int8 -1 → 4294967295, not 255.
 * Verified on 18.16.1 with weights 3 and 8: Int8 -1 went to the second shard (4294967295 mod 11 = 3), where
 * 255 mod 11 = 2 would have picked the first; ClickHouse's current source does the same
 * ({@code static_cast<UInt32 or UInt64>(data[i])}).
 */
public final class ShardSelector {
    private final int[] weights;
    /** cumulative[i] = total weight of shards 0..i. */
    private final long[] cumulative;
    private final long totalWeight;

    /**
     * @param weights {@code system.clusters.shard_weight} per shard, in {@code shard_num} order
     * @throws IllegalArgumentException when empty, negative, or all zero
     */
    public ShardSelector(int[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("a cluster needs at least one shard");
        }
        this.weights = weights.clone();
        this.cumulative = new long[weights.length];
        long sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException("shard " + (i + 1) + " has negative weight " + weights[i]);
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (sum == 0) {
            throw new IllegalArgumentException("all shard weights are 0: " + Arrays.toString(weights));
        }
        this.totalWeight = sum;
    }

    public int shardCount() {
        return weights.length;
    }

    public long totalWeight() {
        return totalWeight;
    }

    public int[] weights() {
        return weights.clone();
    }

    /** 0-based shard index (shard_num - 1) for a key of the given type. */
    public int shardIndex(long normalizedKey, IntType keyType) {
        return shardForSlot(slot(normalizedKey, keyType));
    }

    /** key mod W after the Distributed engine's unsigned cast. */
    public long slot(long normalizedKey, IntType keyType) {
        long unsigned = keyType.width() <= 4 ? normalizedKey & 0xFFFFFFFFL : normalizedKey;
        return Long.remainderUnsigned(unsigned, totalWeight);
    }

    /** The shard owning a slot in [0, W). */
    public int shardForSlot(long slot) {
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (slot < cumulative[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
