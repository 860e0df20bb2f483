package io.chpack.common.mapping;

/** Table engines the DDL generator writes. */
public enum ClickHouseEngine {
    /** Keeps every row; the ORDER BY key need not be unique. */
    MERGE_TREE("MergeTree"),
    /**
     * Collapses rows with equal ORDER BY key at merge time (query with FINAL for exact results), keeping the
     * highest version when a version column is set, else the last inserted: the upsert target for CDC.
     */
    REPLACING_MERGE_TREE("ReplacingMergeTree");

    private final String engineName;

    ClickHouseEngine(String engineName) {
        this.engineName = engineName;
    }

    public String engineName() {
        return engineName;
    }
}
