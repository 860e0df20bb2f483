package io.chpack.odpswriterext.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.alibaba.datax.common.exception.DataXException;
import com.aliyun.odps.Column;
import com.aliyun.odps.OdpsType;
import com.aliyun.odps.TableSchema;

import io.chpack.odpswriterext.OdpsWriterErrorCode;
import io.chpack.odpswriterext.config.OdpsWriterConfig;

/**
 * Where each record column goes: a data column of the table, or a partition key whose value comes from the
 * record (dynamic partition). Checked against the table once in Job.prepare and again in each task: every
 * {@code column} name exists, every partition key is either static ({@code partition}) or dynamic, static keys are
 * partition keys of the table.
 */
public final class TableLayout {
    /** For record column i: index into the table's data columns, or -1 when it is a partition key. */
    public final int[] dataIndex;
    /** For record column i: index into the partition keys when it is one, else -1. */
    public final int[] partitionIndex;
    /** The names of the record columns, as the table spells them. */
    public final List<String> names;
    /** Partition keys of the table, in table order. */
    public final List<Column> partitionKeys;
    /** Static value per partition key, null for a dynamic key. */
    public final String[] staticValues;
    public final boolean dynamic;
    public final TableSchema schema;

    private TableLayout(OdpsWriterConfig c, TableSchema schema) {
        this.schema = schema;
        String table = c.project + "." + c.table;
        List<Column> data = schema.getColumns();
        partitionKeys = Collections.unmodifiableList(new ArrayList<>(schema.getPartitionColumns()));
        List<String> wanted;
        if (c.allColumns) {
            wanted = new ArrayList<>();
            for (Column col : data) {
                wanted.add(col.getName().toLowerCase(Locale.ROOT));
            }
        } else {
            wanted = c.lowerCaseColumns();
        }
        dataIndex = new int[wanted.size()];
        partitionIndex = new int[wanted.size()];
        names = new ArrayList<>();
        staticValues = new String[partitionKeys.size()];
        for (Map.Entry<String, String> e : c.partition.entrySet()) {
            int k = indexOf(partitionKeys, e.getKey());
            if (k < 0) {
                throw DataXException.asDataXException(OdpsWriterErrorCode.PARTITION_ERROR, "partition '"
                        + c.partition + "' names '" + e.getKey() + "', which is not a partition key of " + table
                        + (partitionKeys.isEmpty() ? " (the table is not partitioned)" : " (its keys: "
                        + keyNames() + ")"));
            }
            staticValues[k] = e.getValue();
        }
        boolean[] covered = new boolean[partitionKeys.size()];
        for (int i = 0; i < wanted.size(); i++) {
            String n = wanted.get(i);
            int d = indexOf(data, n);
            int p = indexOf(partitionKeys, n);
            dataIndex[i] = d;
            partitionIndex[i] = d < 0 ? p : -1;
            if (d < 0 && p < 0) {
                List<String> all = new ArrayList<>();
                for (Column col : data) {
                    all.add(col.getName());
                }
                throw DataXException.asDataXException(OdpsWriterErrorCode.TABLE_ERROR, "column '" + n
                        + "' is not a column of " + table + "; its columns: " + all
                        + (partitionKeys.isEmpty() ? "" : ", partition keys: " + keyNames()));
            }
            if (p >= 0) {
                OdpsType t = partitionKeys.get(p).getTypeInfo().getOdpsType();
                if (t != OdpsType.STRING && t != OdpsType.VARCHAR && t != OdpsType.CHAR && t != OdpsType.BIGINT
                        && t != OdpsType.INT && t != OdpsType.SMALLINT && t != OdpsType.TINYINT) {
                    throw DataXException.asDataXException(OdpsWriterErrorCode.PARTITION_ERROR, "partition key '" + n
                            + "' has type " + t + ", which dynamic partitions cannot fill");
                }
                covered[p] = true;
            }
            names.add(d >= 0 ? data.get(d).getName() : partitionKeys.get(p).getName());
        }
        boolean dyn = false;
        for (int k = 0; k < partitionKeys.size(); k++) {
            if (staticValues[k] == null && !covered[k]) {
                throw DataXException.asDataXException(OdpsWriterErrorCode.PARTITION_ERROR, table
                        + " is partitioned by " + keyNames() + "; partition '" + c.partition + "' gives no value for '"
                        + partitionKeys.get(k).getName() + "' and column does not list it (a dynamic partition "
                        + "key takes its value from the records)");
            }
            dyn |= staticValues[k] == null;
        }
        dynamic = dyn;
    }

    public static TableLayout of(OdpsWriterConfig c, TableSchema schema) {
        return new TableLayout(c, schema);
    }

    private List<String> keyNames() {
        List<String> out = new ArrayList<>();
        for (Column col : partitionKeys) {
            out.add(col.getName());
        }
        return out;
    }

    private static int indexOf(List<Column> cols, String lowerName) {
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).getName().equalsIgnoreCase(lowerName)) {
                return i;
            }
        }
        return -1;
    }

    public boolean partitioned() {
        return !partitionKeys.isEmpty();
    }

    /** The static spec {@code k=v,...} in table key order (only when not dynamic); empty for no partitions. */
    public String staticSpec() {
        return spec(staticValues);
    }

    /** {@code k=v,...} in table key order. */
    public String spec(String[] values) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < partitionKeys.size(); k++) {
            sb.append(k > 0 ? "," : "").append(partitionKeys.get(k).getName()).append('=').append(values[k]);
        }
        return sb.toString();
    }
}
