package io.chpack.common.mapping;

/** The MaxCompute type ClickHouse UInt64 maps to; MaxCompute has no unsigned integers. */
public enum UInt64Target {
    /** DECIMAL(20,0): every value, exact and still numeric (default). */
    DECIMAL,
    /** BIGINT: values above 2^63−1 become dirty records (for sources known to stay below it). */
    BIGINT,
    /** STRING: the decimal text. */
    STRING
}
