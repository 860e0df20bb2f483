package io.chpack.common.mapping;

import java.util.Objects;

/** A MaxCompute column to create: name and type. */
public final class MaxComputeColumnSpec {
    private final String name;
    private final MaxComputeType type;

    public MaxComputeColumnSpec(String name, MaxComputeType type) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
    }

    public String name() {
        return name;
    }

    public MaxComputeType type() {
        return type;
    }
}
