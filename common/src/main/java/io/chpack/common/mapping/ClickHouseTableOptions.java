package io.chpack.common.mapping;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** The table-level choices of {@link ClickHouseDdl} (immutable; {@code with…} returns a copy). */
public final class ClickHouseTableOptions {
    private final ClickHouseGeneration generation;
    private final ClickHouseEngine engine;
    private final String versionColumn;
    private final String isDeletedColumn;
    private final String partitionBy;
    private final String onCluster;
    private final String replicatedPath;
    private final String replicaName;
    private final Set<String> lowCardinalityColumns;
    private final DateTime64Fallback dateTime64Fallback;

    private ClickHouseTableOptions(ClickHouseGeneration generation, ClickHouseEngine engine, String versionColumn,
            String isDeletedColumn, String partitionBy, String onCluster, String replicatedPath, String replicaName,
            Set<String> lowCardinalityColumns, DateTime64Fallback dateTime64Fallback) {
        this.generation = Objects.requireNonNull(generation, "generation");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.versionColumn = versionColumn;
        this.isDeletedColumn = isDeletedColumn;
        this.partitionBy = partitionBy;
        this.onCluster = onCluster;
        this.replicatedPath = replicatedPath;
        this.replicaName = replicaName;
        this.lowCardinalityColumns = Collections.unmodifiableSet(new LinkedHashSet<>(lowCardinalityColumns));
        this.dateTime64Fallback = Objects.requireNonNull(dateTime64Fallback, "dateTime64Fallback");
    }

    /** Modern server, ReplacingMergeTree without version column, no partitioning, no cluster. */
    public static ClickHouseTableOptions defaults() {
        return new ClickHouseTableOptions(ClickHouseGeneration.MODERN, ClickHouseEngine.REPLACING_MERGE_TREE, null,
                null, null, null, null, null, Collections.<String>emptySet(), DateTime64Fallback.STRING);
    }

    public ClickHouseGeneration generation() {
        return generation;
    }

    public ClickHouseTableOptions withGeneration(ClickHouseGeneration g) {
        return new ClickHouseTableOptions(g, engine, versionColumn, isDeletedColumn, partitionBy, onCluster,
                replicatedPath, replicaName, lowCardinalityColumns, dateTime64Fallback);
    }

    public ClickHouseEngine engine() {
        return engine;
    }

    public ClickHouseTableOptions withEngine(ClickHouseEngine e) {
        return new ClickHouseTableOptions(generation, e, versionColumn, isDeletedColumn, partitionBy, onCluster,
                replicatedPath, replicaName, lowCardinalityColumns, dateTime64Fallback);
    }

    /** ReplacingMergeTree's version column (must be one of the table's columns), or null. */
    public String versionColumn() {
        return versionColumn;
    }

    public ClickHouseTableOptions withVersionColumn(String column) {
        return new ClickHouseTableOptions(generation, engine, column, isDeletedColumn, partitionBy, onCluster,
                replicatedPath, replicaName, lowCardinalityColumns, dateTime64Fallback);
    }

    /** ReplacingMergeTree's is_deleted column (UInt8; ClickHouse 23.2+, needs a version column), or null. */
    public String isDeletedColumn() {
        return isDeletedColumn;
    }

    public ClickHouseTableOptions withIsDeletedColumn(String column) {
        return new ClickHouseTableOptions(generation, engine, versionColumn, column, partitionBy, onCluster,
                replicatedPath, replicaName, lowCardinalityColumns, dateTime64Fallback);
    }

    /** A PARTITION BY expression, written as given (it is SQL, e.g. {@code toYYYYMM(`created_at`)}), or null. */
    public String partitionBy() {
        return partitionBy;
    }

    public ClickHouseTableOptions withPartitionBy(String expression) {
        return new ClickHouseTableOptions(generation, engine, versionColumn, isDeletedColumn, expression, onCluster,
                replicatedPath, replicaName, lowCardinalityColumns, dateTime64Fallback);
    }

    /** The cluster of {@code ON CLUSTER}, or null. */
    public String onCluster() {
        return onCluster;
    }

    public ClickHouseTableOptions withOnCluster(String cluster) {
        return new ClickHouseTableOptions(generation, engine, versionColumn, isDeletedColumn, partitionBy, cluster,
                replicatedPath, replicaName, lowCardinalityColumns, dateTime64Fallback);
    }

    /** The Replicated engine's ZooKeeper path and replica name (macros such as {shard} allowed), or null. */
    public String replicatedPath() {
        return replicatedPath;
    }

    public String replicaName() {
        return replicaName;
    }

    public ClickHouseTableOptions withReplication(String zooKeeperPath, String replica) {
        if ((zooKeeperPath == null) != (replica == null)) {
            throw new IllegalArgumentException("replication needs both a ZooKeeper path and a replica name");
        }
        return new ClickHouseTableOptions(generation, engine, versionColumn, isDeletedColumn, partitionBy, onCluster,
                zooKeeperPath, replica, lowCardinalityColumns, dateTime64Fallback);
    }

    /** Columns wrapped in LowCardinality (modern servers only; ignored for 18.16, where it is experimental). */
    public Set<String> lowCardinalityColumns() {
        return lowCardinalityColumns;
    }

    public ClickHouseTableOptions withLowCardinality(Set<String> columns) {
        return new ClickHouseTableOptions(generation, engine, versionColumn, isDeletedColumn, partitionBy, onCluster,
                replicatedPath, replicaName, columns, dateTime64Fallback);
    }

    public DateTime64Fallback dateTime64Fallback() {
        return dateTime64Fallback;
    }

    public ClickHouseTableOptions withDateTime64Fallback(DateTime64Fallback f) {
        return new ClickHouseTableOptions(generation, engine, versionColumn, isDeletedColumn, partitionBy, onCluster,
                replicatedPath, replicaName, lowCardinalityColumns, f);
    }
}
