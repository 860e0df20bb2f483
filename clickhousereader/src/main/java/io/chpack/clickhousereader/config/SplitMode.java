package io.chpack.clickhousereader.config;

import java.util.Locale;

/** How a table is cut into splits. */
public enum SplitMode {
    /** By partition, then big partitions by ranges of splitPk or the sorting key's first column. */
    AUTO,
    /** By partition only. */
    PARTITION,
    /** By key ranges only (no partition predicates). */
    RANGE,
    /** One split per table (per shard in cluster mode). */
    NONE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean usesPartitions() {
        return this == AUTO || this == PARTITION;
    }

    public boolean usesRanges() {
        return this == AUTO || this == RANGE;
    }

    static SplitMode parse(String v) {
        for (SplitMode m : values()) {
            if (m.key().equalsIgnoreCase(v.trim())) {
                return m;
            }
        }
        throw ConfigErrors.error(Keys.SPLIT_MODE, "must be one of auto, partition, range, none; got '" + v + "'");
    }
}
