package io.chpack.common.convert;

/**
 * What a zone-less local date-time that does not exist in its zone (the hour skipped when clocks go
 * forward, e.g. 2024-03-10 02:30 in America/New_York) becomes (job key {@code dstGap}). Local times
 * that exist twice (clocks go back) always take the earlier offset, i.e. the first occurrence.
 */
public enum DstGapPolicy {
    /** The value is a dirty record (default): such a time was never shown by a correct clock. */
    ERROR("error"),
    /** Shift it forward by the length of the gap (02:30 → 03:30), as ClickHouse and java.time do. */
    SHIFT("shift");

    private final String key;

    DstGapPolicy(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
