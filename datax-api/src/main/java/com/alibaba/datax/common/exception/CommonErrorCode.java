package com.alibaba.datax.common.exception;

import com.alibaba.datax.common.spi.ErrorCode;

/** Error codes shared by the engine and all plugins. */
public enum CommonErrorCode implements ErrorCode {

    CONFIG_ERROR("Common-00", "The job configuration is invalid."),
    CONVERT_NOT_SUPPORT("Common-01", "Dirty data: the value cannot be converted to the requested type."),
    CONVERT_OVER_FLOW("Common-02", "Dirty data: the value overflows the requested type."),
    RETRY_FAIL("Common-10", "The call still failed after retries."),
    RUNTIME_ERROR("Common-11", "Internal runtime error."),
    HOOK_INTERNAL_ERROR("Common-12", "A hook failed."),
    SHUT_DOWN_TASK("Common-20", "The task received a shutdown request (preparing failover)."),
    WAIT_TIME_EXCEED("Common-21", "The wait time exceeded its limit."),
    TASK_HUNG_EXPIRED("Common-22", "The task hung and expired.");

    private final String code;

    private final String description;

    CommonErrorCode(String code, String description) {
        this.code = code;
        this.description = description;
    }

    @Override
    public String getCode() {
        return this.code;
    }

    @Override
    public String getDescription() {
        return this.description;
    }

    /** Same layout as the engine's, because log scrapers match on "Code:[...]". */
    @Override
    public String toString() {
        return String.format("Code:[%s], Describe:[%s]", this.code, this.description);
    }
}
