package io.chpack.runner;

import java.util.Collections;
import java.util.List;

/** The outcome of one job run: what DataX prints at the end, as values, plus the engine's channel metrics. */
public final class JobResult {
    private final boolean success;
    private final Throwable error;
    private final String errorMessage;
    private final long startMillis;
    private final long endMillis;
    private final int channelNumber;
    private final int taskNumber;
    private final int retries;
    private final long totalReadRecords;
    private final long totalReadBytes;
    private final long writeSucceedRecords;
    private final long errorRecords;
    private final long errorBytes;
    private final List<DirtyRecordSample> dirtySamples;
    private final List<ChannelMetrics> channelMetrics;

    JobResult(Builder b) {
        this.success = b.success;
        this.error = b.error;
        this.errorMessage = b.errorMessage;
        this.startMillis = b.startMillis;
        this.endMillis = b.endMillis;
        this.channelNumber = b.channelNumber;
        this.taskNumber = b.taskNumber;
        this.retries = b.retries;
        this.totalReadRecords = b.totalReadRecords;
        this.totalReadBytes = b.totalReadBytes;
        this.writeSucceedRecords = b.writeSucceedRecords;
        this.errorRecords = b.errorRecords;
        this.errorBytes = b.errorBytes;
        this.dirtySamples = Collections.unmodifiableList(b.dirtySamples);
        this.channelMetrics = Collections.unmodifiableList(b.channelMetrics);
    }

    public boolean isSuccess() {
        return this.success;
    }

    /** 0 on success, 1 on failure, like DataX. */
    public int exitCode() {
        return this.success ? 0 : 1;
    }

    /** The exception that failed the job (unmasked: it is the plugin's own object), or null. */
    public Throwable error() {
        return this.error;
    }

    /** The failure in one line, root cause included, secrets masked; null on success. */
    public String errorMessage() {
        return this.errorMessage;
    }

    public long startMillis() {
        return this.startMillis;
    }

    public long endMillis() {
        return this.endMillis;
    }

    /** Concurrent task pairs the job ran with (0 if it failed before splitting). */
    public int channelNumber() {
        return this.channelNumber;
    }

    public int taskNumber() {
        return this.taskNumber;
    }

    /** Task attempts rerun by failover. */
    public int retries() {
        return this.retries;
    }

    /** Records the readers produced (queued or dirty), DataX's "total read records". */
    public long totalReadRecords() {
        return this.totalReadRecords;
    }

    public long totalReadBytes() {
        return this.totalReadBytes;
    }

    /** Records the writers received and did not declare dirty. */
    public long writeSucceedRecords() {
        return this.writeSucceedRecords;
    }

    /** Dirty records of readers and writers. */
    public long errorRecords() {
        return this.errorRecords;
    }

    public long errorBytes() {
        return this.errorBytes;
    }

    /** The first core.statistics.collector.plugin.maxDirtyNumber dirty records. */
    public List<DirtyRecordSample> dirtySamples() {
        return this.dirtySamples;
    }

    /** Per task: the channel's peak queued records and bytes next to its bounds. */
    public List<ChannelMetrics> channelMetrics() {
        return this.channelMetrics;
    }

    @Override
    public String toString() {
        return this.success ? "JobResult[success, " + this.totalReadRecords + " records]"
                : "JobResult[failed: " + this.errorMessage + "]";
    }

    /** Assembles a result; used by the engine. */
    public static final class Builder {
        boolean success;
        Throwable error;
        String errorMessage;
        long startMillis;
        long endMillis;
        int channelNumber;
        int taskNumber;
        int retries;
        long totalReadRecords;
        long totalReadBytes;
        long writeSucceedRecords;
        long errorRecords;
        long errorBytes;
        List<DirtyRecordSample> dirtySamples = Collections.emptyList();
        List<ChannelMetrics> channelMetrics = Collections.emptyList();

        public Builder failed(Throwable error, String errorMessage) {
            this.success = error == null;
            this.error = error;
            this.errorMessage = errorMessage;
            return this;
        }

        public Builder times(long startMillis, long endMillis) {
            this.startMillis = startMillis;
            this.endMillis = endMillis;
            return this;
        }

        public Builder shape(int channelNumber, int taskNumber, int retries) {
            this.channelNumber = channelNumber;
            this.taskNumber = taskNumber;
            this.retries = retries;
            return this;
        }

        public Builder counts(long totalReadRecords, long totalReadBytes, long writeSucceedRecords, long errorRecords,
                              long errorBytes) {
            this.totalReadRecords = totalReadRecords;
            this.totalReadBytes = totalReadBytes;
            this.writeSucceedRecords = writeSucceedRecords;
            this.errorRecords = errorRecords;
            this.errorBytes = errorBytes;
            return this;
        }

        public Builder dirtySamples(List<DirtyRecordSample> samples) {
            this.dirtySamples = samples;
            return this;
        }

        public Builder channelMetrics(List<ChannelMetrics> metrics) {
            this.channelMetrics = metrics;
            return this;
        }

        public JobResult build() {
            return new JobResult(this);
        }
    }
}
