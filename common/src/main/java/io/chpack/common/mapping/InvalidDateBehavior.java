package io.chpack.common.mapping;

/**
 * What a reader does with a date that has no point in time: MySQL zero dates ({@code 0000-00-00},
 * {@code 2024-00-15} under a relaxed sql_mode) and PostgreSQL {@code infinity}/{@code -infinity}. Named
 * after Connector/J's {@code zeroDateTimeBehavior} values.
 */
public enum InvalidDateBehavior {
    /** The value becomes SQL NULL (stock DataX mysqlreader's {@code zeroDateTimeBehavior=convertToNull}). */
    CONVERT_TO_NULL,
    /** The value raises a {@link SourceValueException}: a dirty record naming the value. */
    EXCEPTION
}
