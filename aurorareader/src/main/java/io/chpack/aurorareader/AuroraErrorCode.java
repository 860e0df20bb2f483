package io.chpack.aurorareader;

import com.alibaba.datax.common.spi.ErrorCode;

/** Error codes of aurorareader; every message names the key, table, instance or chunk it is about. */
public enum AuroraErrorCode implements ErrorCode {
    CONFIG_ERROR("AuroraReader-00", "invalid reader configuration"),
    CONNECTION_FAILED("AuroraReader-01", "cannot connect to the database"),
    AUTHENTICATION_FAILED("AuroraReader-02", "the database rejected the credentials"),
    UNKNOWN_TABLE("AuroraReader-03", "the table does not exist"),
    UNKNOWN_COLUMN("AuroraReader-04", "a configured column does not exist"),
    UNSUPPORTED_TYPE("AuroraReader-05", "a column type has no DataX mapping"),
    PLAN_FAILED("AuroraReader-06", "cannot plan the chunks"),
    READ_FAILED("AuroraReader-07", "reading a chunk failed"),
    ALL_INSTANCES_FAILED("AuroraReader-08", "no instance could serve the chunk"),
    RDS_DISCOVERY_FAILED("AuroraReader-09", "RDS cluster discovery failed"),
    IAM_TOKEN_FAILED("AuroraReader-10", "cannot generate an IAM authentication token"),
    CHECKPOINT_FAILED("AuroraReader-11", "the checkpoint store failed"),
    DDL_FAILED("AuroraReader-12", "the ClickHouse DDL helper failed"),
    TEST_HOOK("AuroraReader-99", "a test hook stopped the task on purpose");

    private final String code;
    private final String description;

    AuroraErrorCode(String code, String description) {
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
