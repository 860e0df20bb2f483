package io.chpack.clickhousereader;

import com.alibaba.datax.common.spi.ErrorCode;

/** Error codes of clickhousereader; every message names the job key or the split it is about. */
public enum ReaderErrorCode implements ErrorCode {
    CONFIG_ERROR("ClickHouseReader-00", "invalid reader configuration"),
    CONNECTION_FAILED("ClickHouseReader-01", "cannot reach ClickHouse"),
    AUTHENTICATION_FAILED("ClickHouseReader-02", "ClickHouse rejected the credentials"),
    QUERY_FAILED("ClickHouseReader-03", "a ClickHouse query failed"),
    UNSUPPORTED_TYPE("ClickHouseReader-04", "a column type has no DataX mapping"),
    PLAN_FAILED("ClickHouseReader-05", "cannot plan the splits"),
    READ_FAILED("ClickHouseReader-06", "reading a split failed"),
    CORRUPT_STREAM("ClickHouseReader-07", "the result stream is not valid RowBinary");

    private final String code;
    private final String description;

    ReaderErrorCode(String code, String description) {
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
