package io.chpack.kafkareader.config;

/** Where a run starts reading a partition when no unfinished plan is pending. */
public enum StartPosition {
    /** The committed offset (consumer group or checkpoint store); {@code noCommittedOffset} when there is none. */
    GROUP,
    EARLIEST,
    LATEST,
    /** The first offset whose timestamp is at or after {@code startTimestamp}. */
    TIMESTAMP,
    /** {@code startOffsets} for the listed partitions, GROUP for the others. */
    OFFSETS;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
