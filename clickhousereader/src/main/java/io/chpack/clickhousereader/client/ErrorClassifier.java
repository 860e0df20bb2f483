package io.chpack.clickhousereader.client;

import io.chpack.common.clickhouse.ClickHouseFailure;

/**
 * Turns whatever client-v2 throws into a {@link ReadRequestException}, with the classification every chpack
 * plugin shares ({@link ClickHouseFailure}: server code from the text, transient codes, network and TLS rules).
 * For the reader, "transient" means a split may be read again — and only while none of its rows was sent.
 */
public final class ErrorClassifier {
    private ErrorClassifier() {
    }

    public static boolean isTransientCode(int code) {
        return ClickHouseFailure.isTransientCode(code);
    }

    /** The first {@code Code: NNN} in the text, or 0. */
    public static int parseCode(String text) {
        return ClickHouseFailure.parseCode(text);
    }

    /**
     * @param what what was attempted, e.g. {@code query [SELECT ...]}
     * @param endpoint host:port
     * @param httpStatus the HTTP status when known, else 0
     */
    public static ReadRequestException classify(Throwable error, String what, String endpoint, int httpStatus) {
        if (error instanceof ReadRequestException) {
            return (ReadRequestException) error;
        }
        ClickHouseFailure f = ClickHouseFailure.of(error, httpStatus);
        return new ReadRequestException(f.message(what, endpoint, httpStatus), f.code, httpStatus, f.isTransient,
                f.neverSent, error);
    }

    static <T extends Throwable> T find(Throwable error, Class<T> type) {
        return ClickHouseFailure.find(error, type);
    }
}
