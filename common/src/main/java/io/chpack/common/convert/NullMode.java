package io.chpack.common.convert;

/**
 * What a NULL Column does when the target ClickHouse column is not Nullable (job key {@code nullMode}).
 * Nullable targets always get a real NULL.
 */
public enum NullMode {
    /** The row is a dirty record naming the column (default: no value is invented). */
    ERROR("error"),
    /**
     * The type's own default value, the one ClickHouse uses for {@code input_format_null_as_default}:
     * 0 for numbers and Decimal, false, '' for String, N zero bytes for FixedString(N), the all-zero
     * UUID, 0.0.0.0 / ::, 1970-01-01 for Date, 1900-01-01 for Date32 (its zero day), the epoch for
     * DateTime/DateTime64, the entry with the smallest value for Enum, [] and {} for Array/Map, and each
     * element's default for a Tuple.
     */
    DEFAULT("default");

    private final String key;

    NullMode(String key) {
        this.key = key;
    }

    /** The spelling in job JSON. */
    public String key() {
        return key;
    }
}
