package io.chpack.testkit;

/** The chDB engine refused a query; the message is the engine's own text, with its ClickHouse error code. */
public final class ChDbQueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;
    private final String engineMessage;

    public ChDbQueryException(int code, String engineMessage, String sql) {
        super("chDB refused the query (Code " + code + "): " + engineMessage.trim() + "\nquery: " + sql);
        this.code = code;
        this.engineMessage = engineMessage;
    }

    /** The ClickHouse error code ({@code Code: 60} → 60), 0 when the error did not come from the engine. */
    public int code() {
        return code;
    }

    public String engineMessage() {
        return engineMessage;
    }
}
