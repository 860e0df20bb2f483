package io.chpack.clickhousewriter.sharding;

import java.util.List;

/**
 * Routes rows to shards like a Distributed table: its sharding key ({@link ShardingKey}) evaluated in Java,
 * then the weighted slot selection ({@link ShardSelector}). Thread-safe; build one per job.
 *
 * <pre>
 * DistributedEngine e = DistributedEngine.parse(engineFull);           // from system.tables
 * ShardRouter r = ShardRouter.create(e.shardingKey(), columns, weights, ServerDialect.forVersion(version));
 * int shard = r.shardIndex(ShardingRow.of(values));                     // 0-based, shard_num order
 * </pre>
 */
public final class ShardRouter {
    private final ShardingKey key;
    private final ShardSelector selector;

    public ShardRouter(ShardingKey key, ShardSelector selector) {
        this.key = key;
        this.selector = selector;
    }

    /**
     * @param weights {@code shard_weight} per shard in {@code shard_num} order
     * @throws UnsupportedShardingExpressionException when the key cannot be evaluated exactly in Java
     */
    public static ShardRouter create(String shardingKey, List<ShardingColumn> columns, int[] weights,
            ServerDialect dialect) {
        return new ShardRouter(ShardingKey.compile(shardingKey, columns, dialect), new ShardSelector(weights));
    }

    /** The 0-based index (shard_num - 1) of the shard the server would send this row to. */
    public int shardIndex(ShardingRow row) {
        return selector.shardIndex(key.evaluate(row), key.type());
    }

    public ShardingKey key() {
        return key;
    }

    public ShardSelector selector() {
        return selector;
    }
}
