package io.chpack.memcachedwriter;

import com.alibaba.datax.common.spi.ErrorCode;

/** Error codes of memcachedwriter; messages never contain the password. */
public enum MemcachedWriterErrorCode implements ErrorCode {
    CONFIG_ERROR("MemcachedWriter-00", "invalid configuration"),
    CONNECT_FAILED("MemcachedWriter-01", "cannot reach the memcached servers"),
    NODE_DOWN("MemcachedWriter-02", "a memcached node failed and failureMode is fail"),
    WRITE_FAILED("MemcachedWriter-03", "writes did not complete"),
    VERIFY_FAILED("MemcachedWriter-04", "read-back verification found missing or different values"),
    FLIP_REFUSED("MemcachedWriter-05", "the atomic warm-up pointer was not flipped"),
    DIRTY_RECORD("MemcachedWriter-06", "record could not be written"),
    AUTH_FAILED("MemcachedWriter-07", "memcached rejected the SASL credentials");

    private final String code;
    private final String description;

    MemcachedWriterErrorCode(String code, String description) {
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
