package io.chpack.clickhousereader.client;

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

/**
 * Turns whatever client-v2 throws into a {@link ReadRequestException}. client-v2 0.10 keeps the server text
 * ({@code Code: 60, e.displayText() = ...}) but reports code 0, so the code is parsed from the text; network
 * failures are IOExceptions somewhere in the cause chain.
 *
 * <p>Transient codes (a re-read of the same split can get past them): overload and limits of concurrency
 * (202, 203, 241 memory, 252), network (209, 210, 3, 32), replica/keeper trouble (225, 242, 285, 286, 319, 999),
 * our own previous attempt still running (216), timeouts (159), aborted queries (236, 394), 425. Every other
 * code is fatal (syntax, unknown table/column/setting, types, auth, ...). Without a code: 5xx and broken
 * connections are transient, other HTTP statuses fatal.
 */
public final class ErrorClassifier {
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
     * @param what what was attempted, e.g. {@code query [SELECT ...]}
     * @param endpoint host:port
     * @param httpStatus the HTTP status when known, else 0
     */
    public static ReadRequestException classify(Throwable error, String what, String endpoint, int httpStatus) {
        if (error instanceof ReadRequestException) {
            return (ReadRequestException) error;
        }
        String serverText = serverText(error);
        int code = parseCode(serverText);
        IOException io = find(error, IOException.class);
        Throwable timeout = find(error, TimeoutException.class);
        boolean isTransient;
        boolean connect = false;
        String reason;
        if (code != 0) {
            isTransient = TRANSIENT_CODES.contains(code);
            reason = trim(serverText);
        } else if (io instanceof UnknownHostException) {
            isTransient = false;
            connect = true;
            reason = "unknown host " + io.getMessage();
        } else if (io instanceof ConnectException || io instanceof NoRouteToHostException || isConnectTimeout(io)) {
            isTransient = true;
            connect = true;
            reason = "cannot connect: " + describe(io);
        } else if (io != null || timeout != null) {
            isTransient = true;
            reason = "connection failed: " + describe(io != null ? io : timeout);
        } else if (httpStatus >= 500) {
            isTransient = true;
            reason = "HTTP " + httpStatus + ": " + trim(serverText);
        } else {
            isTransient = false;
            reason = trim(serverText != null ? serverText : String.valueOf(error));
        }
        StringBuilder msg = new StringBuilder(what).append(" on ").append(endpoint).append(" failed");
        if (code != 0) {
            msg.append(" with server code ").append(code);
        }
        if (httpStatus != 0) {
            msg.append(" (HTTP ").append(httpStatus).append(')');
        }
        msg.append(": ").append(reason);
        return new ReadRequestException(msg.toString(), code, httpStatus, isTransient, connect, error);
    }

    private static boolean isConnectTimeout(IOException io) {
        // httpclient5's ConnectTimeoutException is an InterruptedIOException saying "Connect timed out".
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
        int depth = 0;
        for (Throwable t = error; t != null && depth < 20; t = t.getCause(), depth++) {
            String m = t.getMessage();
            if (m != null && CODE.matcher(m).find()) {
                return m;
            }
        }
        return error.getMessage();
    }

    static <T extends Throwable> T find(Throwable error, Class<T> type) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 20; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The server text without 18.16's {@code , e.what() = ...} tail and stack traces, at most 2000 chars. */
    public static String trim(String text) {
        if (text == null) {
            return "(no message)";
        }
        String t = text.trim();
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
