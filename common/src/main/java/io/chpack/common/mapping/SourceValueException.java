package io.chpack.common.mapping;

/**
 * A source value that cannot become a DataX Column under the configured policy (a MySQL zero date with
 * {@link InvalidDateBehavior#EXCEPTION}, PostgreSQL numeric NaN, 'infinity' dates, malformed driver text).
 * Readers turn it into a dirty record. The message names the column, its source type and the value
 * (truncated to {@value #MAX_VALUE_CHARS} characters).
 */
public final class SourceValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final int MAX_VALUE_CHARS = 64;

    private final String column;
    private final String sourceType;
    private final String value;

    SourceValueException(String column, String sourceType, String value, String reason, Throwable cause) {
        super("column '" + column + "' (" + sourceType + "): value " + describe(value) + ": " + reason, cause);
        this.column = column;
        this.sourceType = sourceType;
        this.value = value;
    }

    static String describe(String value) {
        if (value == null) {
            return "NULL";
        }
        if (value.length() <= MAX_VALUE_CHARS) {
            return "'" + value + "'";
        }
        return "'" + value.substring(0, MAX_VALUE_CHARS) + "…' (" + value.length() + " chars)";
    }

    public String column() {
        return column;
    }

    public String sourceType() {
        return sourceType;
    }

    /** The offending value as text (not truncated), null for NULL. */
    public String value() {
        return value;
    }
}
