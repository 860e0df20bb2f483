package io.chpack.common.mapping;

/**
 * How date-time values with sub-millisecond digits travel. A DataX {@code DateColumn} holds epoch
 * milliseconds only, so MySQL {@code DATETIME(6)} or PostgreSQL {@code timestamp} (6 digits by default)
 * cannot be carried in one without loss.
 */
public enum FractionalSeconds {
    /**
     * Declared precision ≤ 3 → DateColumn (exact); precision > 3 → StringColumn with all the digits the type
     * declares (see {@link TemporalText}). The Column type depends only on the declared type, never on the value.
     */
    AUTO,
    /** Always a DateColumn; digits below the millisecond are dropped (lossy, documented). */
    MILLIS,
    /** Always a StringColumn with full-precision text. */
    TEXT
}
