package io.chpack.common.mapping;

/** Which ClickHouse server a generated DDL statement is for. */
public enum ClickHouseGeneration {
    /** 21.x and later (checked against the 26.x engine): every type chpack knows. */
    MODERN,
    /**
     * 18.16 (Debian 12's package): no Bool, Int128/256, UInt128/256, Decimal with P > 38, Date32, DateTime64,
     * IPv4/IPv6, Map, named Tuple, BFloat16; LowCardinality is experimental. {@link LegacyTypeFallback} rewrites
     * types for it.
     */
    LEGACY_18_16
}
