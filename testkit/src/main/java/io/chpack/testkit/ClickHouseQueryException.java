package io.chpack.testkit;

/** A ClickHouse HTTP request answered with a non-200 status; the message is the server's own text. */
public final class ClickHouseQueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int httpStatus;

    public ClickHouseQueryException(int httpStatus, String serverMessage, String sql) {
        super("ClickHouse answered HTTP " + httpStatus + ": " + serverMessage.trim() + "\nquery: " + sql);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
