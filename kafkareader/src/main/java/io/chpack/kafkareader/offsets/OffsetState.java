package io.chpack.kafkareader.offsets;

import java.util.Map;

import io.chpack.kafkareader.plan.OffsetPlan;

/** What a store holds: committed offsets ("topic/partition" → next offset) and an unfinished plan, if any. */
public final class OffsetState {
    public final Map<String, Long> committed;
    /** Null when the last run finished (or none ran). */
    public final OffsetPlan pending;

    public OffsetState(Map<String, Long> committed, OffsetPlan pending) {
        this.committed = committed;
        this.pending = pending;
    }
}
