package io.chpack.common.mapping;

import java.util.Objects;

/**
 * A source table's column as its catalog describes it: name, type text (MySQL COLUMN_TYPE, PostgreSQL
 * format_type()/udt_name), nullability, and its 1-based position in the primary key (0 when not a key column).
 */
public final class SourceColumn {
    private final String name;
    private final String sourceType;
    private final boolean nullable;
    private final int keyPosition;

    private SourceColumn(String name, String sourceType, boolean nullable, int keyPosition) {
        this.name = Objects.requireNonNull(name, "name");
        this.sourceType = Objects.requireNonNull(sourceType, "sourceType");
        if (keyPosition < 0) {
            throw new IllegalArgumentException("column '" + name + "': key position " + keyPosition + " is negative");
        }
        this.nullable = nullable;
        this.keyPosition = keyPosition;
    }

    /** A non-key column. */
    public static SourceColumn of(String name, String sourceType, boolean nullable) {
        return new SourceColumn(name, sourceType, nullable, 0);
    }

    /** A primary-key column at 1-based {@code position}. */
    public static SourceColumn key(String name, String sourceType, int position) {
        if (position < 1) {
            throw new IllegalArgumentException("column '" + name + "': key position must be at least 1");
        }
        return new SourceColumn(name, sourceType, false, position);
    }

    public String name() {
        return name;
    }

    public String sourceType() {
        return sourceType;
    }

    public boolean nullable() {
        return nullable;
    }

    /** 1-based position in the primary key, 0 for a non-key column. */
    public int keyPosition() {
        return keyPosition;
    }
}
