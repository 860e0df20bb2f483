package io.chpack.odpsreaderext.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.alibaba.datax.common.exception.DataXException;
import com.aliyun.odps.Column;
import com.aliyun.odps.TableSchema;

import io.chpack.odpsreaderext.OdpsReaderErrorCode;

/**
 * What each output column is: a data column of the table (read through the tunnel), a partition key (its value
 * from the partition spec, as a String), or a {@code 'constant'} (String). {@code *} = every data column in table
 * order.
 */
public final class ColumnPlan {
    public enum Kind { DATA, PARTITION, CONSTANT }

    /** One output column. */
    public static final class Out {
        public final Kind kind;
        /** DATA: position among the data columns read; PARTITION: the key name; CONSTANT: the text. */
        public final int readIndex;
        public final String text;

        Out(Kind kind, int readIndex, String text) {
            this.kind = kind;
            this.readIndex = readIndex;
            this.text = text;
        }
    }

    public final List<Out> outputs;
    /** Data columns to download, in read order (the tunnel returns them in this order). */
    public final List<Column> read;

    private ColumnPlan(List<Out> outputs, List<Column> read) {
        this.outputs = Collections.unmodifiableList(outputs);
        this.read = Collections.unmodifiableList(read);
    }

    public static ColumnPlan of(List<String> entries, TableSchema schema, String table) {
        List<Out> outs = new ArrayList<>();
        List<Column> read = new ArrayList<>();
        for (String e : entries) {
            String s = e.trim();
            if (s.equals("*")) {
                for (Column c : schema.getColumns()) {
                    outs.add(data(c, read));
                }
            } else if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
                outs.add(new Out(Kind.CONSTANT, -1, s.substring(1, s.length() - 1)));
            } else {
                String name = s.startsWith("`") && s.endsWith("`") && s.length() > 2 ? s.substring(1, s.length() - 1) : s;
                Column c = find(schema.getColumns(), name);
                if (c != null) {
                    outs.add(data(c, read));
                    continue;
                }
                Column p = find(schema.getPartitionColumns(), name);
                if (p == null) {
                    List<String> all = new ArrayList<>();
                    for (Column x : schema.getColumns()) {
                        all.add(x.getName());
                    }
                    for (Column x : schema.getPartitionColumns()) {
                        all.add(x.getName());
                    }
                    throw DataXException.asDataXException(OdpsReaderErrorCode.TABLE_ERROR, "column '" + name
                            + "' is not a column of " + table + "; its columns: " + all);
                }
                outs.add(new Out(Kind.PARTITION, -1, p.getName().toLowerCase(java.util.Locale.ROOT)));
            }
        }
        return new ColumnPlan(outs, read);
    }

    private static Out data(Column c, List<Column> read) {
        int idx = read.indexOf(c);
        if (idx < 0) {
            read.add(c);
            idx = read.size() - 1;
        }
        return new Out(Kind.DATA, idx, c.getName());
    }

    private static Column find(List<Column> cols, String name) {
        for (Column c : cols) {
            if (c.getName().equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }
}
