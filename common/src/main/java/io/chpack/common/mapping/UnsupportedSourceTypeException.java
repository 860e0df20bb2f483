package io.chpack.common.mapping;

/**
 * A source column type chpack does not read directly (MySQL spatial types, unknown PostgreSQL types).
 * Raised when the mapping is built, i.e. at job start, never in the middle of a run. The message names the
 * column, the type and the way out (usually a cast in the reader's querySql).
 */
public final class UnsupportedSourceTypeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String column;
    private final String sourceType;

    UnsupportedSourceTypeException(String column, String sourceType, String reason) {
        super("column '" + column + "': unsupported source type '" + sourceType + "': " + reason);
        this.column = column;
        this.sourceType = sourceType;
    }

    public String column() {
        return column;
    }

    public String sourceType() {
        return sourceType;
    }
}
