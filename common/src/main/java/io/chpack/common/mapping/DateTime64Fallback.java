package io.chpack.common.mapping;

/** What {@code DateTime64(p)} with p > 0 becomes on ClickHouse 18.16, which has no DateTime64. */
public enum DateTime64Fallback {
    /**
     * String holding the full-precision text (lossless; comparisons work for equal-width text). Pair with
     * {@link FractionalSeconds#TEXT} on the reader so that every value arrives as text.
     */
    STRING,
    /** DateTime: whole seconds only, the fraction is dropped by the writer (lossy, opt-in). */
    DATETIME
}
