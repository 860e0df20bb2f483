package io.chpack.kafkareader.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Groups a plan's non-empty ranges into at most {@code advice} tasks: one partition per task when there are enough
 * channels, else partitions spread by size (largest first onto the least-loaded task, ties by topic/partition and
 * task index). The result depends only on the plan and the channel count. Each task reads its partitions one after
 * another in topic/partition order, so its record stream is the same on every replay.
 */
public final class SplitPlanner {
    private SplitPlanner() {
    }

    public static List<List<PartitionRange>> split(OffsetPlan plan, int advice) {
        List<PartitionRange> work = new ArrayList<PartitionRange>();
        for (PartitionRange r : plan.ranges) {
            if (r.size() > 0) {
                work.add(r);
            }
        }
        int n = Math.max(1, Math.min(Math.max(1, advice), work.size()));
        List<List<PartitionRange>> tasks = new ArrayList<List<PartitionRange>>();
        long[] load = new long[n];
        for (int i = 0; i < n; i++) {
            tasks.add(new ArrayList<PartitionRange>());
        }
        Collections.sort(work, new Comparator<PartitionRange>() {
            @Override
            public int compare(PartitionRange a, PartitionRange b) {
                int c = Long.compare(b.size(), a.size());
                return c != 0 ? c : PartitionRange.ORDER.compare(a, b);
            }
        });
        for (PartitionRange r : work) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (load[i] < load[best]) {
                    best = i;
                }
            }
            tasks.get(best).add(r);
            load[best] += r.size();
        }
        for (List<PartitionRange> t : tasks) {
            Collections.sort(t, PartitionRange.ORDER);
        }
        return tasks;
    }
}
