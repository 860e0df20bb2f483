package io.chpack.clickhousewriter;

/** The writer's {@code stagingMode} key: how staged partitions enter the target. */
public enum StagingMode {
    /** {@code ATTACH PARTITION ... FROM}: staged rows are added to the target's partitions. */
    APPEND("append"),
    /** {@code REPLACE PARTITION ... FROM}: every partition the job wrote replaces the target's partition. */
    OVERWRITE("overwrite");

    private final String key;

    StagingMode(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
