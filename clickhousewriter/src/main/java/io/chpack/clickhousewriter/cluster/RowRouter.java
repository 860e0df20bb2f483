package io.chpack.clickhousewriter.cluster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;

import io.chpack.clickhousewriter.block.Block;
import io.chpack.clickhousewriter.sharding.ShardRouter;
import io.chpack.clickhousewriter.sharding.ShardSelector;
import io.chpack.clickhousewriter.sharding.ShardingRow;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryCodec;
import io.chpack.common.rowbinary.RowBinaryCodecs;
import io.chpack.common.rowbinary.RowBinaryInput;

/**
 * Assigns each row of an encoded block to a shard. The block's RowBinary is read back (columns the key reads are
 * decoded into the codec's value model, the rest skipped), which also yields the row boundaries. A deterministic
 * key routes row by row exactly as the server ({@link ShardRouter}); a random key ({@code rand()}) sends the whole
 * block to one shard drawn by weight from a seed of the task and block number, so a rerun of the same slice in
 * dedup mode produces the same blocks on the same shards.
 */
final class RowRouter {
    /** Receives each row's byte range and shard. */
    interface RowSink {
        void row(int shard, int start, int end);
    }

    private final ShardRouter router;
    private final ShardSelector selector;
    private final RowBinaryCodec[] codecs;
    private final boolean[] needed;
    private final int lastNeeded;
    private final long seed;
    private final Object[] values;
    private final ShardingRow row;

    /** @param seed distinguishes tasks (and tables) for random keys */
    RowRouter(ShardRouter router, List<ClickHouseType> types, long seed) {
        this.router = router;
        this.selector = router.selector();
        this.codecs = new RowBinaryCodec[types.size()];
        this.needed = new boolean[types.size()];
        for (int i = 0; i < codecs.length; i++) {
            codecs[i] = RowBinaryCodecs.forType(types.get(i));
        }
        int last = -1;
        if (router.key().isDeterministic()) {
            for (int c : router.key().referencedColumns()) {
                needed[c] = true;
                last = Math.max(last, c);
            }
        }
        this.lastNeeded = last;
        this.seed = seed;
        this.values = new Object[types.size()];
        this.row = ShardingRow.of(values);
    }

    boolean deterministic() {
        return router.key().isDeterministic();
    }

    void route(Block b, RowSink sink) throws IOException {
        int blockShard = deterministic() ? -1 : randomShard(b.number);
        RowBinaryInput in = new RowBinaryInput(new ByteArrayInputStream(b.bytes, b.offset, b.length));
        int start = b.offset;
        for (int r = 0; r < b.rows; r++) {
            for (int c = 0; c < codecs.length; c++) {
                if (needed[c]) {
                    values[c] = codecs[c].decode(in);
                } else {
                    codecs[c].skip(in);
                }
            }
            int end = b.offset + (int) in.offset();
            sink.row(blockShard >= 0 ? blockShard : router.shardIndex(row), start, end);
            start = end;
        }
        if (start != b.offset + b.length) {
            throw new IOException("block " + b.label + " decoded to " + (start - b.offset) + " of its " + b.length
                    + " bytes; the column types do not match the encoding");
        }
    }

    /** Weighted draw, the Distributed engine's slot rule over a seeded random number. */
    int randomShard(long blockNumber) {
        long v = new Random(seed * 0x9E3779B97F4A7C15L + blockNumber).nextLong();
        return selector.shardForSlot(Long.remainderUnsigned(v, selector.totalWeight()));
    }

    int lastNeededColumn() {
        return lastNeeded;
    }
}
