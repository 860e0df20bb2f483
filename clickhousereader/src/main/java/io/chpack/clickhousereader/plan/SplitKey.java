package io.chpack.clickhousereader.plan;

import io.chpack.common.chtype.ClickHouseType;

/** The expression ranges are cut on, with its type and how its values become literals. */
public final class SplitKey {
    public final String expression;
    public final ClickHouseType type;
    public final KeyKind kind;
    /** Where it came from, for messages: {@code parameter.splitPk} or {@code sorting key}. */
    public final String origin;

    public SplitKey(String expression, ClickHouseType type, KeyKind kind, String origin) {
        this.expression = expression;
        this.type = type;
        this.kind = kind;
        this.origin = origin;
    }

    public boolean nullable() {
        return type.isNullable();
    }

    @Override
    public String toString() {
        return expression + " " + type + " (" + origin + ")";
    }
}
