package io.chpack.clickhousewriter.block;

/**
 * Names a block's requests: {@code query_id = chpack-<job>-<task>-<block>-<attempt>} (find them in
 * {@code system.query_log}); and, where the server supports it, {@code insert_deduplication_token =
 * chpack-<dedupKey>-<table>-<task>-<block>}, the same on every retry and rerun of the same slice. A block cut at a
 * source block key (records from kafkareader) gets {@code chpack-src-<table>-<sourceLabel>} instead: derived from
 * the source's key (topic, partition, offset range), not from the job id or the task, so a later run with new
 * data never collides with it and a replay of the same range always does.
 */
public final class BlockNaming {
    private final String jobId;
    private final String dedupKey;
    private final String table;
    private final int task;

    /** @param dedupKey null when no token is to be sent */
    public BlockNaming(String jobId, String dedupKey, String table, int task) {
        this.jobId = jobId;
        this.dedupKey = dedupKey;
        this.table = table;
        this.task = task;
    }

    public String queryId(Block b, int attempt) {
        return "chpack-" + jobId + "-" + task + "-" + b.label + "-" + attempt;
    }

    /** The token, or null when tokens are off. */
    public String dedupToken(Block b) {
        if (dedupKey == null) {
            return null;
        }
        if (b.sourceLabel != null) {
            return "chpack-src-" + table + "-" + b.sourceLabel;
        }
        return "chpack-" + dedupKey + "-" + table + "-" + task + "-" + b.label;
    }
}
