package io.chpack.common.mapping;

/**
 * How MySQL {@code TIME} / PostgreSQL {@code time} values travel. MySQL TIME is a signed duration up to
 * ±838:59:59.999999 and PostgreSQL allows 24:00:00, so only text carries every value.
 */
public enum TimeOfDay {
    /** StringColumn: {@code [-]HH:mm:ss[.f…]} exactly as the server gives it (hours may exceed 23). */
    TEXT,
    /**
     * DateColumn with sub-type TIME: milliseconds after midnight of 1970-01-01 UTC. Values outside
     * [00:00:00, 24:00:00) raise a {@link SourceValueException}; sub-millisecond digits are dropped.
     */
    DATE_COLUMN
}
