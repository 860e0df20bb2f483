package io.chpack.common.mapping;

/** A type that has no counterpart in the other system (ClickHouse Nothing, MaxCompute INTERVAL_*), with the way out. */
public final class UnmappableTypeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnmappableTypeException(String message) {
        super(message);
    }
}
