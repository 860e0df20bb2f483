package io.chpack.clickhousereader.client;

/**
 * A failed ClickHouse request, classified: the server code ({@code Code: NNN}, 0 for network failures), the HTTP
 * status (0 when no response arrived), whether resending may succeed, and whether the server was never reached.
 * The message keeps the server's own text (never the password: it travels in a header).
 */
public class ReadRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final int httpStatus;
    private final boolean transientFailure;
    private final boolean connectFailure;

    public ReadRequestException(String message, int code, int httpStatus, boolean transientFailure,
            boolean connectFailure, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.httpStatus = httpStatus;
        this.transientFailure = transientFailure;
        this.connectFailure = connectFailure;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Worth retrying (network, overload, replica trouble); false for syntax, types, auth, unknown names. */
    public boolean isTransient() {
        return transientFailure;
    }

    /** True when the server could not be reached at all (refused, unknown host, connect timeout). */
    public boolean isConnectFailure() {
        return connectFailure;
    }

    /** Wrong user or password (ClickHouse 192, 193, 516) or HTTP 401/403. */
    public boolean isAuthenticationFailure() {
        return code == 192 || code == 193 || code == 516 || (code == 0 && (httpStatus == 401 || httpStatus == 403));
    }
}
