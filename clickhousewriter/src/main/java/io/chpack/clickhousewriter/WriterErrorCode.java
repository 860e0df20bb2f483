package io.chpack.clickhousewriter;

import com.alibaba.datax.common.spi.ErrorCode;

/** The writer's error codes, as DataX prints them ({@code ClickHouseWriter-NN - description}). */
public enum WriterErrorCode implements ErrorCode {
    /** A job key is missing, malformed or contradicts the server (named as {@code parameter.<key>}). */
    CONFIG_ERROR("ClickHouseWriter-00", "bad configuration"),
    /** The server cannot be reached or refused the credentials. */
    CONNECT_ERROR("ClickHouseWriter-01", "cannot connect to ClickHouse"),
    /** The target table does not exist or cannot be written as configured. */
    TABLE_ERROR("ClickHouseWriter-02", "target table problem"),
    /** The server rejected a block with an error that a retry cannot fix (types, syntax, permissions, ...). */
    WRITE_FATAL("ClickHouseWriter-03", "ClickHouse rejected the block"),
    /** A transient error persisted through every retry. */
    RETRIES_EXHAUSTED("ClickHouseWriter-04", "ClickHouse kept failing after all retries"),
    /** preSql / postSql / staging DDL / partition moves failed. */
    SQL_ERROR("ClickHouseWriter-05", "SQL statement failed"),
    /** An insert may have landed partly and the mode cannot repair it in place; rerunning the task is safe. */
    AMBIGUOUS_WRITE("ClickHouseWriter-06", "block written partly; rerun the task or job");

    private final String code;
    private final String description;

    WriterErrorCode(String code, String description) {
        this.code = code;
        this.description = description;
    }

    @Override
    public String getCode() {
        return code;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public String toString() {
        return "Code:[" + code + "], Description:[" + description + "].";
    }
}
