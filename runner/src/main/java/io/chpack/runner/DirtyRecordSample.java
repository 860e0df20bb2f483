package io.chpack.runner;

/** One of the first dirty records of a job, as printed (secrets already masked). */
public final class DirtyRecordSample {
    private final String side;
    private final int taskId;
    private final String message;
    private final String exception;
    private final String record;

    public DirtyRecordSample(String side, int taskId, String message, String exception, String record) {
        this.side = side;
        this.taskId = taskId;
        this.message = message;
        this.exception = exception;
        this.record = record;
    }

    /** "reader" or "writer": which plugin declared the record dirty. */
    public String side() {
        return this.side;
    }

    public int taskId() {
        return this.taskId;
    }

    /** The plugin's reason text; empty when it gave none. */
    public String message() {
        return this.message;
    }

    /** The exception's class and message, or empty. */
    public String exception() {
        return this.exception;
    }

    public String record() {
        return this.record;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("{type: ").append(this.side).append(", task: ").append(this.taskId);
        if (!this.message.isEmpty()) {
            sb.append(", message: ").append(this.message);
        }
        if (!this.exception.isEmpty()) {
            sb.append(", exception: ").append(this.exception);
        }
        return sb.append(", record: ").append(this.record).append('}').toString();
    }
}
