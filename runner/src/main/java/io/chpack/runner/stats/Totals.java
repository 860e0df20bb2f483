package io.chpack.runner.stats;

/** A consistent-enough sum of task counters at one moment (counters move while tasks run). */
public final class Totals {
    public final long readSucceedRecords;
    public final long readSucceedBytes;
    public final long readFailedRecords;
    public final long readFailedBytes;
    public final long writeReceivedRecords;
    public final long writeReceivedBytes;
    public final long writeFailedRecords;
    public final long writeFailedBytes;
    public final int finishedTasks;
    public final long timestamp;

    Totals(long[] sums, int finishedTasks, long timestamp) {
        this.readSucceedRecords = sums[0];
        this.readSucceedBytes = sums[1];
        this.readFailedRecords = sums[2];
        this.readFailedBytes = sums[3];
        this.writeReceivedRecords = sums[4];
        this.writeReceivedBytes = sums[5];
        this.writeFailedRecords = sums[6];
        this.writeFailedBytes = sums[7];
        this.finishedTasks = finishedTasks;
        this.timestamp = timestamp;
    }

    public static Totals empty(long timestamp) {
        return new Totals(new long[8], 0, timestamp);
    }

    /** DataX's total read records: what the reader produced, whether it reached the channel or was dirty. */
    public long totalReadRecords() {
        return this.readSucceedRecords + this.readFailedRecords;
    }

    public long totalReadBytes() {
        return this.readSucceedBytes + this.readFailedBytes;
    }

    public long errorRecords() {
        return this.readFailedRecords + this.writeFailedRecords;
    }

    public long errorBytes() {
        return this.readFailedBytes + this.writeFailedBytes;
    }

    public long writeSucceedRecords() {
        return this.writeReceivedRecords - this.writeFailedRecords;
    }
}
