package io.chpack.clickhousewriter;

/** The writer's {@code mode} key. */
public enum WriteMode {
    /** Plain INSERTs; retries may duplicate a block on tables that cannot deduplicate. */
    INSERT("insert"),
    /** Deterministic blocks (+ tokens where supported): retries and reruns are absorbed by server-side dedup. */
    DEDUP("dedup"),
    /** Tasks write into staging tables; Job.post moves whole partitions into the target. */
    STAGING("staging");

    private final String key;

    WriteMode(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
