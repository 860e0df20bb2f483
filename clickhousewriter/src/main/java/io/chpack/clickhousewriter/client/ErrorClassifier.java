package io.chpack.clickhousewriter.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

/**
 * Turns whatever client-v2 throws into a {@link ClickHouseRequestException} with a server code, an HTTP status
 * and a class. client-v2 0.10 keeps the server text ({@code Code: 60, e.displayText() = ...}) but reports code
 * 0, so the code is parsed from the text; network failures arrive as IOExceptions somewhere in the cause chain.
 *
 * <p>Transient codes are those a resend of the same block can get past: overload (202, 203, 241, 252 too many
 * parts), network (209, 210, 3/32 truncated request), replication and keeper trouble (242, 285, 286, 319, 999,
 * 225), a duplicate query id of our own previous attempt still running (216), timeouts (159) and aborted
 * queries (236, 394). Everything else that carries a code is fatal (types, syntax, unknown table/column/setting,
 * auth, ...). Without a code: 5xx and broken connections are transient, 4xx is fatal.
 */
public final class ErrorClassifier {
    public static final int TOO_MANY_PARTS = 252;
    public static final int UNKNOWN_TABLE = 60;
    public static final int UNKNOWN_SETTING = 115;
    public static final int AUTHENTICATION_FAILED = 516;
    public static final int UNKNOWN_USER = 192;
    public static final int WRONG_PASSWORD = 193;

    private static final Pattern CODE = Pattern.compile("Code:\\s*(\\d+)");
    private static final Set<Integer> TRANSIENT_CODES = new HashSet<Integer>(Arrays.asList(
            3, 32, 159, 202, 203, 209, 210, 216, 225, 236, 241, 242, 252, 285, 286, 319, 394, 425, 999));

    private ErrorClassifier() {
    }

    public static boolean isTransientCode(int code) {
        return TRANSIENT_CODES.contains(code);
    }

    /** The first {@code Code: NNN} in the text, or 0. */
    public static int parseCode(String text) {
        if (text == null) {
            return 0;
        }
        Matcher m = CODE.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
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
        String serverText = serverText(error);
        int code = parseCode(serverText);
        IOException io = find(error, IOException.class);
        Throwable timeout = find(error, TimeoutException.class);
        ErrorClass cls;
        boolean maySucceeded = true;
        String reason;
        if (code != 0) {
            cls = TRANSIENT_CODES.contains(code) ? ErrorClass.TRANSIENT : ErrorClass.FATAL;
            reason = trim(serverText);
        } else if (io instanceof UnknownHostException) {
            cls = ErrorClass.FATAL;
            maySucceeded = false;
            reason = "unknown host " + io.getMessage();
        } else if (io instanceof SSLException) {
            cls = ErrorClass.FATAL;
            maySucceeded = false;
            reason = "TLS failure: " + io.getMessage();
        } else if (io instanceof ConnectException || io instanceof NoRouteToHostException
                || isConnectTimeout(io)) {
            cls = ErrorClass.TRANSIENT;
            maySucceeded = false;
            reason = "cannot connect: " + describe(io);
        } else if (io != null || timeout != null) {
            cls = ErrorClass.TRANSIENT;
            reason = "connection failed: " + describe(io != null ? io : timeout);
        } else if (httpStatus >= 500) {
            cls = ErrorClass.TRANSIENT;
            reason = "HTTP " + httpStatus + ": " + trim(serverText);
        } else {
            cls = ErrorClass.FATAL;
            reason = trim(serverText != null ? serverText : String.valueOf(error));
        }
        StringBuilder msg = new StringBuilder();
        msg.append(what).append(" on ").append(endpoint).append(" failed");
        if (code != 0) {
            msg.append(" with server code ").append(code);
        }
        if (httpStatus != 0) {
            msg.append(" (HTTP ").append(httpStatus).append(')');
        }
        msg.append(": ").append(reason);
        return new ClickHouseRequestException(msg.toString(), code, httpStatus, cls, maySucceeded, error);
    }

    private static boolean isConnectTimeout(IOException io) {
        // httpclient5's ConnectTimeoutException extends InterruptedIOException and says "Connect timed out".
        return io instanceof InterruptedIOException && !(io instanceof SocketTimeoutException)
                && String.valueOf(io.getMessage()).toLowerCase().contains("connect");
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        String name = t.getClass().getSimpleName();
        return m == null ? name : name + ": " + m;
    }

    /** The server's text: the message that carries {@code Code:}, else the outermost message. */
    private static String serverText(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && CODE.matcher(m).find()) {
                return m;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return error.getMessage();
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 20; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String trim(String text) {
        if (text == null) {
            return "(no message)";
        }
        String t = text.trim();
        // 18.16 appends ", e.what() = DB::Exception" and sometimes a stack trace: keep the useful head.
        int what = t.indexOf(", e.what() = ");
        if (what > 0) {
            t = t.substring(0, what);
        }
        int stack = t.indexOf("\n\n");
        if (stack > 0) {
            t = t.substring(0, stack);
        }
        return t.length() > 2000 ? t.substring(0, 2000) + "..." : t;
    }
}
