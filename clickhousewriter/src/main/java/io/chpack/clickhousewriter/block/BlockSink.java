package io.chpack.clickhousewriter.block;

/**
 * Where a task's blocks go. The single-table sink inserts into one table of one server (with host failover);
 * a later cluster target can route a block's rows to per-shard local tables behind the same interface.
 */
public interface BlockSink extends AutoCloseable {
    /**
     * Writes the block durably or throws (a DataXException naming the table, the server code and text). The block's
     * bytes may be reused after the call returns.
     */
    void write(Block block);

    /**
     * Returns once every block passed to {@link #write} is written, or throws the failure of one that was not.
     * Sinks that write synchronously have nothing to do; {@link AsyncBlockSink} waits for its block in flight.
     */
    default void flush() {
    }

    @Override
    void close();
}
