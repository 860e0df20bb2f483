package io.chpack.clickhousewriter.block;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import com.alibaba.datax.common.element.Record;

import io.chpack.common.convert.RowEncoder;
import io.chpack.common.rowbinary.RowBinaryOutput;

/**
 * Encodes records into the current block and decides where blocks end: at {@code maxRows} rows, at
 * {@code maxBytes} bytes, or before a row whose partition would be one too many. All three are functions of the
 * data alone (never of time), so the same slice always yields the same blocks: what server-side deduplication
 * of retried and rerun blocks relies on.
 */
public final class BlockAssembler {
    private final RowEncoder encoder;
    private final PartitionKey partitionKey;
    private final int maxRows;
    private final long maxBytes;
    private final int maxPartitions;
    private final BlockBuffer buffer;
    private final RowBinaryOutput out;
    private final Set<String> partitions = new HashSet<String>();
    private long base;

    public BlockAssembler(RowEncoder encoder, PartitionKey partitionKey, int maxRows, long maxBytes,
            int maxPartitions) {
        this.encoder = encoder;
        this.partitionKey = partitionKey;
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.maxPartitions = maxPartitions;
        this.buffer = new BlockBuffer((int) Math.min(maxBytes + 1024, 4L * 1024 * 1024));
        this.out = new RowBinaryOutput(buffer, 64 * 1024);
    }

    /**
     * The record's partition, or null when the table is unpartitioned or its key is not evaluated.
     *
     * @throws io.chpack.common.convert.ColumnConversionException for a bad partition column value
     */
    public String partitionOf(Record record) throws IOException {
        return partitionKey == null ? null : partitionKey.of(record);
    }

    /** True when a row of this partition must go into the next block. */
    public boolean mustCutBefore(String partition) {
        return partition != null && buffer.rows() > 0 && partitions.size() >= maxPartitions
                && !partitions.contains(partition);
    }

    /**
     * Appends one row (all-or-nothing).
     *
     * @throws io.chpack.common.convert.ColumnConversionException for a bad value; nothing of the row is kept
     */
    public void append(Record record, String partition) throws IOException {
        encoder.encodeRow(record, out);
        buffer.rowEndsAt((int) (out.bytesWritten() - base));
        if (partition != null) {
            partitions.add(partition);
        }
    }

    /** True when the block has reached its row or byte limit. */
    public boolean full() {
        return buffer.rows() >= maxRows || out.bytesWritten() - base >= maxBytes;
    }

    public int rows() {
        return buffer.rows();
    }

    /** Distinct partitions in the current block (0 when not evaluated). */
    public int partitions() {
        return partitions.size();
    }

    /**
     * Completes the current block; the returned block shares the buffer, so it must be written before the next
     * {@link #append}. Returns null when the block is empty.
     */
    public Block finish(long number) throws IOException {
        return finish(number, null);
    }

    /** As {@link #finish(long)}, for a block cut at a source block key ({@link SourceBlockKey}). */
    public Block finish(long number, String sourceLabel) throws IOException {
        if (buffer.rows() == 0) {
            return null;
        }
        out.flush();
        return Block.of(number, buffer, sourceLabel);
    }

    /** Starts the next block, reusing the buffer. */
    public void reset() {
        buffer.reset();
        partitions.clear();
        base = out.bytesWritten();
    }
}
