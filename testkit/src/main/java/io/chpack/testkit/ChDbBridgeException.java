package io.chpack.testkit;

/**
 * The chDB bridge itself failed: the node process could not start, died, or did not answer a request within
 * its deadline (it is then killed; the next request starts a fresh one). Carries the tail of the bridge log.
 */
public final class ChDbBridgeException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ChDbBridgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
