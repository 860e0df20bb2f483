package io.chpack.clickhousewriter.sharding;

import io.chpack.common.chtype.ClickHouseType;

import java.util.Objects;

/** A column of the target table as the sharding key sees it: its name and its ClickHouse type. */
public final class ShardingColumn {
    private final String name;
    private final ClickHouseType type;

    public ShardingColumn(String name, ClickHouseType type) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
    }

    public static ShardingColumn of(String name, String type) {
        return new ShardingColumn(name, ClickHouseType.parse(type));
    }

    public String name() {
        return name;
    }

    public ClickHouseType type() {
        return type;
    }

    @Override
    public String toString() {
        return name + " " + type;
    }
}
