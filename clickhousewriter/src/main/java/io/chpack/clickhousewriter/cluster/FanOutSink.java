package io.chpack.clickhousewriter.cluster;

import java.util.List;

import io.chpack.clickhousewriter.block.Block;
import io.chpack.clickhousewriter.block.BlockSink;

/**
 * internal_replication=false with a table that does not replicate itself: like the Distributed engine, every
 * block goes to every replica of the shard, each replica with its own retries. There is no failover (skipping a
 * replica would leave it without the rows): a replica that stays down fails the task after its retries, with
 * the replicas before it already holding the block.
 */
final class FanOutSink implements BlockSink {
    private final List<BlockSink> replicas;

    FanOutSink(List<BlockSink> replicas) {
        this.replicas = replicas;
    }

    @Override
    public void write(Block block) {
        for (BlockSink r : replicas) {
            r.write(block);
        }
    }

    @Override
    public void close() {
        for (BlockSink r : replicas) {
            r.close();
        }
    }
}
