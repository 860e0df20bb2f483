package io.chpack.common.mapping;

import io.chpack.common.chtype.ClickHouseType;

import java.util.Objects;

/**
 * A column of a ClickHouse table to create: name, value type (as for a modern server, without Nullable),
 * whether it may hold NULL, and its 1-based position in ORDER BY (0 = not a key column).
 */
public final class ClickHouseColumnSpec {
    private final String name;
    private final ClickHouseType valueType;
    private final boolean nullable;
    private final int keyPosition;

    private ClickHouseColumnSpec(String name, ClickHouseType valueType, boolean nullable, int keyPosition) {
        this.name = Objects.requireNonNull(name, "name");
        this.valueType = Objects.requireNonNull(valueType, "valueType");
        this.nullable = nullable;
        this.keyPosition = keyPosition;
    }

    public static ClickHouseColumnSpec of(String name, ClickHouseType valueType, boolean nullable) {
        return new ClickHouseColumnSpec(name, valueType, nullable, 0);
    }

    public static ClickHouseColumnSpec key(String name, ClickHouseType valueType, int position) {
        if (position < 1) {
            throw new IllegalArgumentException("column '" + name + "': key position must be at least 1");
        }
        return new ClickHouseColumnSpec(name, valueType, false, position);
    }

    /** From a source column and its mapping (key columns stay keys, nullability is kept). */
    public static ClickHouseColumnSpec from(SourceColumn c, SourceColumnMapping m) {
        return new ClickHouseColumnSpec(c.name(), m.clickHouseType(), c.nullable(), c.keyPosition());
    }

    public String name() {
        return name;
    }

    public ClickHouseType valueType() {
        return valueType;
    }

    public boolean nullable() {
        return nullable;
    }

    public int keyPosition() {
        return keyPosition;
    }
}
