package io.chpack.runner.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.chpack.runner.DirtyRecordSample;

/**
 * The first N dirty records of the whole job (core.statistics.collector.plugin.maxDirtyNumber). One
 * limit per job rather than per task keeps memory and log volume bounded however many tasks run.
 */
public final class DirtySampleStore {
    private final int max;
    private final List<DirtyRecordSample> samples = new ArrayList<DirtyRecordSample>();
    private long offered;

    public DirtySampleStore(int max) {
        this.max = max;
    }

    /** The 1-based number of this dirty record when it is kept, 0 when the store is already full. */
    public synchronized long offer(DirtyRecordSample sample) {
        this.offered++;
        if (this.max >= 0 && this.samples.size() >= this.max) {
            return 0;
        }
        this.samples.add(sample);
        return this.offered;
    }

    /** Whether a new record would be kept, so callers can skip rendering records nobody will see. */
    public synchronized boolean hasRoom() {
        return this.max < 0 || this.samples.size() < this.max;
    }

    public synchronized List<DirtyRecordSample> samples() {
        return Collections.unmodifiableList(new ArrayList<DirtyRecordSample>(this.samples));
    }
}
