package io.chpack.aurorareader.checkpoint;

import java.util.Map;

/**
 * Where a job keeps its state between runs, under its checkpoint id. Two kinds of entries:
 * <ul>
 * <li><b>values</b> ({@link #get}/{@link #put}): the full-load plan, the committed watermark, committed log
 * positions. Committed values are written only by {@code Job.post}, i.e. after the writer committed too;</li>
 * <li><b>chunk journal</b> ({@link #recordChunk}/{@link #chunks}): tasks append one entry per chunk whose rows
 * were all handed to the channel, so a rerun after a failure or kill knows where to continue. It is cleared by
 * {@code Job.post} when the load completes.</li>
 * </ul>
 * Implementations: {@link FileCheckpointStore} (default) and {@link ZooKeeperCheckpointStore}. Thread-safe.
 */
public interface CheckpointStore extends AutoCloseable {
    String get(String key);

    void put(String key, String value);

    void delete(String key);

    void recordChunk(String chunkId, String entry);

    /** chunk id → journal entry. */
    Map<String, String> chunks();

    void clearChunks();

    /** For messages: where the state lives. */
    String describe();

    @Override
    void close();
}
