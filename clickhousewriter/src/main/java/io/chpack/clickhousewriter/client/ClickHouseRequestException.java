package io.chpack.clickhousewriter.client;

/**
 * A failed ClickHouse request, classified. The message keeps the server's own text (which never contains the
 * password: the password travels in a header, and the request SQL is ours) and names the server code when
 * there is one.
 */
public class ClickHouseRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final int httpStatus;
    private final ErrorClass errorClass;
    private final boolean requestMaySucceeded;

    public ClickHouseRequestException(String message, int code, int httpStatus, ErrorClass errorClass,
            boolean requestMaySucceeded, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.httpStatus = httpStatus;
        this.errorClass = errorClass;
        this.requestMaySucceeded = requestMaySucceeded;
    }

    /** The server's error code ({@code Code: NNN}), or 0 when there was none (network failures). */
    public int code() {
        return code;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    public ErrorClass errorClass() {
        return errorClass;
    }

    public boolean isTransient() {
        return errorClass == ErrorClass.TRANSIENT;
    }

    /**
     * False only when the request certainly did not reach the server (connection refused, connect timeout);
     * true when it may have been applied before the failure (reset, broken pipe, read timeout, server errors).
     */
    public boolean requestMaySucceeded() {
        return requestMaySucceeded;
    }

    /** "Too many parts" (252 with that text): the server asks writers to slow down. */
    public boolean isTooManyParts() {
        return code == ErrorClassifier.TOO_MANY_PARTS && !isTooManyPartitions();
    }

    /** 252 "Too many partitions for single INSERT block": the block must be split. */
    public boolean isTooManyPartitions() {
        String m = getMessage();
        return code == ErrorClassifier.TOO_MANY_PARTS && m != null && (m.contains("Too many partitions")
                || m.contains("max_partitions_per_insert_block"));
    }
}
