package io.chpack.runner;

/**
 * What one task's channel held at its fullest, next to its bounds. Memory is measured as DataX does,
 * with Record.getMemorySize(); the reader's send buffer is bounded separately by the same limits.
 */
public final class ChannelMetrics {
    private final int taskId;
    private final int recordCapacity;
    private final long byteCapacity;
    private final int peakRecords;
    private final long peakBytes;
    private final long pushedRecords;
    private final long throttledMillis;

    public ChannelMetrics(int taskId, int recordCapacity, long byteCapacity, int peakRecords, long peakBytes,
                          long pushedRecords, long throttledMillis) {
        this.taskId = taskId;
        this.recordCapacity = recordCapacity;
        this.byteCapacity = byteCapacity;
        this.peakRecords = peakRecords;
        this.peakBytes = peakBytes;
        this.pushedRecords = pushedRecords;
        this.throttledMillis = throttledMillis;
    }

    public int taskId() {
        return this.taskId;
    }

    public int recordCapacity() {
        return this.recordCapacity;
    }

    public long byteCapacity() {
        return this.byteCapacity;
    }

    /** Most records queued at once. */
    public int peakRecords() {
        return this.peakRecords;
    }

    /** Most memory (sum of Record.getMemorySize) queued at once. */
    public long peakBytes() {
        return this.peakBytes;
    }

    public long pushedRecords() {
        return this.pushedRecords;
    }

    /** Time the reader spent sleeping for the speed limit. */
    public long throttledMillis() {
        return this.throttledMillis;
    }

    @Override
    public String toString() {
        return String.format("task %d: peak %d/%d records, %d/%d bytes, %d pushed, throttled %d ms", this.taskId,
                this.peakRecords, this.recordCapacity, this.peakBytes, this.byteCapacity, this.pushedRecords,
                this.throttledMillis);
    }
}
