package io.chpack.odpsreaderext;

import com.alibaba.datax.common.spi.ErrorCode;

/** Error codes of odpsreader-ext; messages never contain the access key secret or the STS token. */
public enum OdpsReaderErrorCode implements ErrorCode {
    CONFIG_ERROR("OdpsReaderExt-00", "invalid configuration"),
    TABLE_ERROR("OdpsReaderExt-01", "the source table is missing or does not match"),
    PARTITION_ERROR("OdpsReaderExt-02", "the partitions do not match the table"),
    DOWNLOAD_FAILED("OdpsReaderExt-03", "a download session or range could not be read"),
    AUTH_FAILED("OdpsReaderExt-07", "MaxCompute refused the credentials");

    private final String code;
    private final String description;

    OdpsReaderErrorCode(String code, String description) {
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
