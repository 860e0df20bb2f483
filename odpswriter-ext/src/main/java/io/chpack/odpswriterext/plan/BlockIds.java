package io.chpack.odpswriterext.plan;

/**
 * Disjoint block-id ranges: the tunnel takes block ids 0..19999 per upload session, so task {@code i} of {@code n}
 * writes ids {@code [i*k, i*k+k)} with {@code k = 20000 / n} into every session it uses. A failed block upload is
 * re-sent under the same id (the service replaces the block), so Job.post commits exactly the blocks the service
 * holds ({@code getBlockList}).
 */
public final class BlockIds {
    public static final int MAX_BLOCKS = 20000;

    private final int first;
    private final int count;
    private int used;

    public BlockIds(int taskIndex, int taskCount) {
        if (taskCount < 1 || taskCount > MAX_BLOCKS || taskIndex < 0 || taskIndex >= taskCount) {
            throw new IllegalArgumentException("task " + taskIndex + " of " + taskCount + ": at most " + MAX_BLOCKS
                    + " tasks can share an upload session");
        }
        this.count = MAX_BLOCKS / taskCount;
        this.first = taskIndex * count;
    }

    public static int perTask(int taskCount) {
        return MAX_BLOCKS / taskCount;
    }

    /** The next unused id, or -1 when the range is used up. */
    public long next() {
        return used < count ? first + used++ : -1;
    }

    public int first() {
        return first;
    }

    public int size() {
        return count;
    }

    public int used() {
        return used;
    }
}
