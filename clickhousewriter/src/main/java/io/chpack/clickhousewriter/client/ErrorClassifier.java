package io.chpack.clickhousewriter.client;

import io.chpack.common.clickhouse.ClickHouseFailure;

/**
 * Turns whatever client-v2 throws into a {@link ClickHouseRequestException}, with the classification every
 * chpack plugin shares ({@link ClickHouseFailure}: server code from the text, transient codes, network and TLS
 * rules). For the writer, "transient" means the identical block may be resent; "never sent" tells a resend that
 * the server cannot hold the block already.
 */
public final class ErrorClassifier {
    public static final int TOO_MANY_PARTS = ClickHouseFailure.TOO_MANY_PARTS;

    private ErrorClassifier() {
    }

    /**
     * @param what what was attempted, for the message, e.g. {@code insert into `db`.`t`}
     * @param endpoint host:port, for the message
     * @param httpStatus the HTTP status when known, else 0
     */
    public static ClickHouseRequestException classify(Throwable error, String what, String endpoint, int httpStatus) {
        if (error instanceof ClickHouseRequestException) {
            return (ClickHouseRequestException) error;
        }
        ClickHouseFailure f = ClickHouseFailure.of(error, httpStatus);
        return new ClickHouseRequestException(f.message(what, endpoint, httpStatus), f.code, httpStatus,
                f.isTransient ? ErrorClass.TRANSIENT : ErrorClass.FATAL, !f.neverSent, error);
    }
}
