package io.chpack.clickhousewriter.meta;

import java.util.Collections;
import java.util.List;

/** The target table as {@code system.tables} and {@code system.columns} describe it. */
public final class TableMetadata {
    public final String database;
    public final String table;
    public final String engine;
    public final String engineFull;
    public final String partitionKey;
    public final String sortingKey;
    public final List<TargetColumn> columns;

    public TableMetadata(String database, String table, String engine, String engineFull, String partitionKey,
            String sortingKey, List<TargetColumn> columns) {
        this.database = database;
        this.table = table;
        this.engine = engine;
        this.engineFull = engineFull == null ? "" : engineFull;
        this.partitionKey = partitionKey == null ? "" : partitionKey.trim();
        this.sortingKey = sortingKey == null ? "" : sortingKey;
        this.columns = Collections.unmodifiableList(columns);
    }

    public String quotedName() {
        return Identifiers.quote(database, table);
    }

    public boolean isMergeTreeFamily() {
        return engine.endsWith("MergeTree");
    }

    public boolean isReplicated() {
        return engine.startsWith("Replicated") && isMergeTreeFamily();
    }

    public TargetColumn column(String name) {
        for (TargetColumn c : columns) {
            if (c.name.equals(name)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return database + "." + table + " (" + engine + ", partition key '" + partitionKey + "', " + columns.size()
                + " columns)";
    }
}
