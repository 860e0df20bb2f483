package io.chpack.kafkareader.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one run reads: for every partition of the topics, [start, end) with end captured when the run was
 * planned. Stored as "pending" before any task reads, cleared by the commit in Job.post; a run that finds a pending
 * plan replays exactly these ranges, so the rows it sends (and the writer's blocks) are the same as before.
 */
public final class OffsetPlan {
    public final String planId;
    public final List<PartitionRange> ranges;
    /** True when this run replays a plan an earlier, unfinished run stored. */
    public final boolean replayed;

    public OffsetPlan(String planId, List<PartitionRange> ranges, boolean replayed) {
        if (!planId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("bad plan id " + planId);
        }
        this.planId = planId;
        List<PartitionRange> sorted = new ArrayList<PartitionRange>(ranges);
        Collections.sort(sorted, PartitionRange.ORDER);
        this.ranges = Collections.unmodifiableList(sorted);
        this.replayed = replayed;
    }

    public long messages() {
        long n = 0;
        for (PartitionRange r : ranges) {
            n += r.size();
        }
        return n;
    }

    @Override
    public String toString() {
        return "plan " + planId + " " + ranges;
    }
}
