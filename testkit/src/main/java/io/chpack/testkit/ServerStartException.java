package io.chpack.testkit;

import java.nio.file.Path;
import java.util.List;

/** A server did not come up: carries the command line and the tail of its log so the cause is visible at once. */
public final class ServerStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final int TAIL_LINES = 40;

    private final String logTail;
    private final transient Path logFile;

    public ServerStartException(String kind, String reason, List<String> command, Path logFile, Throwable cause) {
        this(kind, reason, command, logFile, LogTail.read(logFile, TAIL_LINES), cause);
    }

    private ServerStartException(String kind, String reason, List<String> command, Path logFile, String tail,
            Throwable cause) {
        super(kind + " failed to start: " + reason + "\ncommand: " + String.join(" ", command) + "\nlog (last "
                + TAIL_LINES + " lines of " + logFile + "):\n" + tail, cause);
        this.logTail = tail;
        this.logFile = logFile;
    }

    /** The server's log; its directory (the scratch dir) is kept after a failed start. */
    public Path logFile() {
        return logFile;
    }

    public String logTail() {
        return logTail;
    }

    /** The port race of {@link FreePorts}: someone else bound the port between our pick and the server's bind. */
    public boolean isAddressInUse() {
        String t = logTail.toLowerCase(java.util.Locale.ROOT);
        return t.contains("address already in use") || t.contains("address in use") || t.contains("eaddrinuse")
                || t.contains("bindexception");
    }
}
