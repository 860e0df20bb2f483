package io.chpack.clickhousereader.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Groups a table's partitions into splits of about equal row counts: a partition at least one share big
 * (share = total rows / wanted splits, but never below minSplitRows) gets its own group and asks for
 * rows/share key ranges inside it; smaller partitions are packed together, in partition order, until a group
 * holds a share. So 1000 daily partitions and 4 channels give ~4 splits, and one huge partition beside tiny
 * ones is cut into ranges while the tiny ones share one split.
 */
public final class PartitionGrouper {
    private PartitionGrouper() {
    }

    /** One partition as system.parts reports it. */
    public static final class Partition {
        public final String literal;
        public final long rows;

        public Partition(String literal, long rows) {
            this.literal = literal;
            this.rows = rows;
        }
    }

    /** Partitions read together, and how many key ranges to cut them into. */
    public static final class Group {
        public final List<String> literals;
        public final long rows;
        public final int ranges;

        Group(List<String> literals, long rows, int ranges) {
            this.literals = Collections.unmodifiableList(literals);
            this.rows = rows;
            this.ranges = ranges;
        }
    }

    public static List<Group> group(List<Partition> partitions, int wantedSplits, long minSplitRows) {
        long total = 0;
        for (Partition p : partitions) {
            total += p.rows;
        }
        long share = Math.max(minSplitRows, (total + wantedSplits - 1) / Math.max(1, wantedSplits));
        share = Math.max(1, share);
        List<Group> out = new ArrayList<Group>();
        List<String> pending = new ArrayList<String>();
        long pendingRows = 0;
        for (Partition p : partitions) {
            if (p.rows >= share) {
                int ranges = (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round((double) p.rows / share)));
                List<String> one = new ArrayList<String>();
                one.add(p.literal);
                out.add(new Group(one, p.rows, ranges));
                continue;
            }
            pending.add(p.literal);
            pendingRows += p.rows;
            if (pendingRows >= share) {
                out.add(new Group(pending, pendingRows, 1));
                pending = new ArrayList<String>();
                pendingRows = 0;
            }
        }
        if (!pending.isEmpty()) {
            out.add(new Group(pending, pendingRows, 1));
        }
        return out;
    }
}
