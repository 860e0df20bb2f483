package io.chpack.kafkareader.plan;

import java.util.Collections;
import java.util.Map;

/**
 * The deterministic windows a range is cut into for the writer: window k of range [start, end) covers
 * [start + k·blockRows, min(start + (k+1)·blockRows, end)). Every record carries its window as the record meta
 * {@value #META_KEY} = {@code <topic>/<partition>/<from>-<to>}; clickhousewriter (mode dedup) cuts blocks where the
 * key changes and derives the block's deduplication token from it. Offsets are immutable in Kafka, so the same key
 * always denotes the same messages.
 */
public final class BlockKeys {
    public static final String META_KEY = "chpack.blockKey";

    private final PartitionRange range;
    private final long blockRows;
    private long windowFrom = -1;
    private long windowTo = -1;
    private Map<String, String> meta;

    public BlockKeys(PartitionRange range, int blockRows) {
        this.range = range;
        this.blockRows = blockRows;
    }

    /** The meta map of the window holding {@code offset} (one shared, immutable map per window). */
    public Map<String, String> metaFor(long offset) {
        if (offset < windowFrom || offset >= windowTo) {
            long k = (offset - range.start) / blockRows;
            windowFrom = range.start + k * blockRows;
            windowTo = Math.min(windowFrom + blockRows, range.end);
            meta = Collections.singletonMap(META_KEY, key(range.topic, range.partition, windowFrom, windowTo));
        }
        return meta;
    }

    public static String key(String topic, int partition, long from, long to) {
        return topic + "/" + partition + "/" + from + "-" + to;
    }
}
