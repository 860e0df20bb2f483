package io.chpack.common.mapping;

/** MaxCompute (ODPS) 2.0 data types, as the SDK's {@code OdpsType} names them. */
public enum MaxComputeTypeKind {
    TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE,
    /** DECIMAL(p, s), 1 ≤ p ≤ 38, 0 ≤ s ≤ 18 by default; bare DECIMAL is the 1.0 type (54, 18). */
    DECIMAL,
    BOOLEAN, STRING,
    /** VARCHAR(n), 1 ≤ n ≤ 65535 characters. */
    VARCHAR,
    /** CHAR(n), 1 ≤ n ≤ 255 characters, blank-padded. */
    CHAR,
    BINARY,
    /** 0001-01-01 … 9999-12-31. */
    DATE,
    /** Milliseconds, 0001-01-01 … 9999-12-31. */
    DATETIME,
    /** Nanoseconds, zone-independent instant. */
    TIMESTAMP,
    /** Nanoseconds, a wall clock without zone (newer projects). */
    TIMESTAMP_NTZ,
    JSON,
    INTERVAL_DAY_TIME, INTERVAL_YEAR_MONTH,
    ARRAY, MAP, STRUCT;

    public boolean isComplex() {
        return this == ARRAY || this == MAP || this == STRUCT;
    }
}
