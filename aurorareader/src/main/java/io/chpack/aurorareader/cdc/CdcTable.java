package io.chpack.aurorareader.cdc;

import io.chpack.common.mapping.SourceColumnMapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A captured table: its columns in table order with their full-load mappings, and its key. */
final class CdcTable {
    final String schema;
    final String name;
    final List<String> columnNames;
    final List<SourceColumnMapping> mappings;
    /** 0-based indexes of the primary-key columns, in key order. */
    final int[] key;
    /** Source-specific per-column facts (MySQL: {@link MysqlColumnInfo}; PostgreSQL: type names). */
    final List<Object> info;

    CdcTable(String schema, String name, List<String> columnNames, List<SourceColumnMapping> mappings, int[] key,
            List<Object> info) {
        this.schema = schema;
        this.name = name;
        this.columnNames = Collections.unmodifiableList(new ArrayList<>(columnNames));
        this.mappings = Collections.unmodifiableList(new ArrayList<>(mappings));
        this.key = key.clone();
        this.info = Collections.unmodifiableList(new ArrayList<>(info));
    }

    int width() {
        return columnNames.size();
    }

    String qualified() {
        return schema + "." + name;
    }

    /** True when the key cells of two row images differ (an update that moves the row). */
    boolean keyChanged(Object[] before, Object[] after) {
        for (int k : key) {
            if (!CdcRecords.sameCell(before[k], after[k])) {
                return true;
            }
        }
        return false;
    }
}
