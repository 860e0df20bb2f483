package io.chpack.common.clickhouse;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

/**
 * What a failed ClickHouse HTTP request means, for every plugin that talks to ClickHouse: the server's error code,
 * whether repeating the identical request can get past it, and whether the request certainly never reached the
 * server. client-v2 0.10 keeps the server text ({@code Code: 60, e.displayText() = ...}) but reports code 0, so
 * the code is parsed from the text; network failures are IOExceptions somewhere in the cause chain.
 *
 * <p>Transient codes: overload and concurrency limits (202, 203, 241 memory, 252 too many parts), network (209,
 * 210, 3/32 truncated request), replica and keeper trouble (225, 242, 285, 286, 319, 999), a duplicate query id of
 * our own previous attempt still running (216), timeouts (159), aborted queries (236, 394), 425. Every other code
 * is fatal (types, syntax, unknown table/column/setting, auth, ...). Without a code: broken connections and 5xx
 * are transient; unknown hosts, TLS failures (a handshake that failed once fails again: wrong port, protocol or
 * certificate) and other HTTP statuses are fatal.
 */
public final class ClickHouseFailure {
    public static final int TOO_MANY_PARTS = 252;

    private static final Pattern CODE = Pattern.compile("Code:\\s*(\\d+)");
    private static final Set<Integer> TRANSIENT_CODES = Collections.unmodifiableSet(new HashSet<Integer>(Arrays.asList(
            3, 32, 159, 202, 203, 209, 210, 216, 225, 236, 241, 242, 252, 285, 286, 319, 394, 425, 999)));
    private static final int MAX_CAUSES = 20;

    /** The server's error code, or 0 when the failure carries none. */
    public final int code;
    /** Whether the identical request, repeated, can succeed. */
    public final boolean isTransient;
    /** The request certainly never reached the server (unknown host, refused connection, TLS handshake). */
    public final boolean neverSent;
    /** Why, for messages: the server text without 18.16's tails, or the network failure. */
    public final String reason;

    private ClickHouseFailure(int code, boolean isTransient, boolean neverSent, String reason) {
        this.code = code;
        this.isTransient = isTransient;
        this.neverSent = neverSent;
        this.reason = reason;
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
     * @param error what the client threw
     * @param httpStatus the HTTP status when known, else 0
     */
    public static ClickHouseFailure of(Throwable error, int httpStatus) {
        String serverText = serverText(error);
        int code = parseCode(serverText);
        IOException io = find(error, IOException.class);
        Throwable timeout = find(error, TimeoutException.class);
        if (code != 0) {
            return new ClickHouseFailure(code, isTransientCode(code), false, trim(serverText));
        }
        if (io instanceof UnknownHostException) {
            return new ClickHouseFailure(0, false, true, "unknown host " + io.getMessage());
        }
        if (io instanceof SSLException) {
            return new ClickHouseFailure(0, false, true, "TLS failure: " + describe(io));
        }
        if (io instanceof ConnectException || io instanceof NoRouteToHostException || isConnectTimeout(io)) {
            return new ClickHouseFailure(0, true, true, "cannot connect: " + describe(io));
        }
        if (io != null || timeout != null) {
            return new ClickHouseFailure(0, true, false, "connection failed: " + describe(io != null ? io : timeout));
        }
        if (httpStatus >= 500) {
            return new ClickHouseFailure(0, true, false, "HTTP " + httpStatus + ": " + trim(serverText));
        }
        return new ClickHouseFailure(0, false, false, trim(serverText != null ? serverText : String.valueOf(error)));
    }

    /** {@code <what> on <endpoint> failed [with server code N] [(HTTP s)]: <reason>}. */
    public String message(String what, String endpoint, int httpStatus) {
        StringBuilder msg = new StringBuilder(what).append(" on ").append(endpoint).append(" failed");
        if (code != 0) {
            msg.append(" with server code ").append(code);
        }
        if (httpStatus != 0) {
            msg.append(" (HTTP ").append(httpStatus).append(')');
        }
        return msg.append(": ").append(reason).toString();
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
        for (Throwable t = error; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
            String m = t.getMessage();
            if (m != null && CODE.matcher(m).find()) {
                return m;
            }
        }
        return error.getMessage();
    }

    /** The first throwable of {@code type} in the cause chain (at most 20 deep, so a cyclic chain ends). */
    public static <T extends Throwable> T find(Throwable error, Class<T> type) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
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
