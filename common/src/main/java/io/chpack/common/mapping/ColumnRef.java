package io.chpack.common.mapping;

/** The column name and source type a reader reports in its errors. */
final class ColumnRef {
    final String name;
    final String sourceType;

    ColumnRef(String name, String sourceType) {
        this.name = name;
        this.sourceType = sourceType;
    }

    SourceValueException error(String value, String reason) {
        return new SourceValueException(name, sourceType, value, reason, null);
    }

    SourceValueException error(String value, String reason, Throwable cause) {
        return new SourceValueException(name, sourceType, value, reason, cause);
    }

    @Override
    public String toString() {
        return "column '" + name + "' (" + sourceType + ")";
    }
}
