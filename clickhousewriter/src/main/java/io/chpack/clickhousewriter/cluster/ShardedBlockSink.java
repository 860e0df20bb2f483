package io.chpack.clickhousewriter.cluster;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.exception.DataXException;

import io.chpack.clickhousewriter.WriterErrorCode;
import io.chpack.clickhousewriter.block.Block;
import io.chpack.clickhousewriter.block.BlockBuffer;
import io.chpack.clickhousewriter.block.BlockSink;

/**
 * The cluster sink: splits every block of the task by shard and writes each shard's part through that shard's
 * sink (a replica-failover {@code TableBlockSink}, a fan-out to every replica, or a staging table). Cuts are a
 * function of the block alone: shard k's part of block n is labelled {@code n s k} (e.g. {@code 12s2}) and holds
 * that block's rows of shard k in their original order, so the same slice always yields the same shard blocks —
 * what deduplication of resends and reruns needs. Memory: the per-shard buffers together hold one block's bytes.
 */
final class ShardedBlockSink implements BlockSink {
    private static final Logger LOG = LoggerFactory.getLogger(ShardedBlockSink.class);

    private final RowRouter router;
    private final List<BlockSink> shards;
    private final BlockBuffer[] buffers;
    private final long[] rowsPerShard;

    ShardedBlockSink(RowRouter router, List<BlockSink> shards) {
        this.router = router;
        this.shards = shards;
        this.buffers = new BlockBuffer[shards.size()];
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = new BlockBuffer(64 * 1024);
        }
        this.rowsPerShard = new long[shards.size()];
    }

    @Override
    public void write(final Block block) {
        for (BlockBuffer b : buffers) {
            b.reset();
        }
        try {
            router.route(block, (shard, start, end) -> {
                BlockBuffer buf = buffers[shard];
                buf.write(block.bytes, start, end - start);
                buf.rowEndsAt(buf.size());
            });
        } catch (IOException | RuntimeException e) {
            throw DataXException.asDataXException(WriterErrorCode.WRITE_FATAL, "cannot route block " + block.label
                    + " to shards: " + e, e);
        }
        for (int s = 0; s < buffers.length; s++) {
            BlockBuffer buf = buffers[s];
            if (buf.rows() == 0) {
                continue;
            }
            int[] ends = new int[buf.rows()];
            for (int i = 0; i < ends.length; i++) {
                ends[i] = buf.rowEnd(i);
            }
            shards.get(s).write(new Block(block.number, block.label + "s" + (s + 1), buf.array(), 0, buf.size(),
                    buf.rows(), ends, block.sourceLabel("s" + (s + 1))));
            rowsPerShard[s] += buf.rows();
        }
    }

    @Override
    public void close() {
        LOG.info("rows per shard: {}", java.util.Arrays.toString(rowsPerShard));
        for (BlockSink s : shards) {
            if (s == null) {
                continue;
            }
            try {
                s.close();
            } catch (RuntimeException e) {
                LOG.debug("closing a shard sink: {}", e.toString());
            }
        }
    }
}
