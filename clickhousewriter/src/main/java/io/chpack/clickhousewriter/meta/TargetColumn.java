package io.chpack.clickhousewriter.meta;

import io.chpack.common.chtype.ClickHouseType;

/** One column of the target table as the server reports it in {@code system.columns}. */
public final class TargetColumn {
    public final String name;
    public final String typeText;
    public final ClickHouseType type;
    /** {@code DEFAULT}, {@code MATERIALIZED}, {@code ALIAS} or empty. */
    public final String defaultKind;

    public TargetColumn(String name, String typeText, ClickHouseType type, String defaultKind) {
        this.name = name;
        this.typeText = typeText;
        this.type = type;
        this.defaultKind = defaultKind == null ? "" : defaultKind;
    }

    /** MATERIALIZED and ALIAS columns cannot be inserted into. */
    public boolean insertable() {
        return !"MATERIALIZED".equalsIgnoreCase(defaultKind) && !"ALIAS".equalsIgnoreCase(defaultKind);
    }

    @Override
    public String toString() {
        return name + " " + typeText;
    }
}
