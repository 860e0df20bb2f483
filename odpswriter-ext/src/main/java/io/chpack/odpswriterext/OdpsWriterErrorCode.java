package io.chpack.odpswriterext;

import com.alibaba.datax.common.spi.ErrorCode;

/** Error codes of odpswriter-ext; messages never contain the access key secret or the STS token. */
public enum OdpsWriterErrorCode implements ErrorCode {
    CONFIG_ERROR("OdpsWriterExt-00", "invalid configuration"),
    TABLE_ERROR("OdpsWriterExt-01", "the target table is missing or does not match"),
    PARTITION_ERROR("OdpsWriterExt-02", "the partition spec does not match the table"),
    UPLOAD_FAILED("OdpsWriterExt-03", "a block could not be uploaded"),
    COMMIT_FAILED("OdpsWriterExt-04", "the upload sessions were not committed"),
    DIRTY_RECORD("OdpsWriterExt-05", "record cannot be written to MaxCompute"),
    SQL_FAILED("OdpsWriterExt-06", "a preSql/postSql/DDL statement failed"),
    AUTH_FAILED("OdpsWriterExt-07", "MaxCompute refused the credentials");

    private final String code;
    private final String description;

    OdpsWriterErrorCode(String code, String description) {
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
