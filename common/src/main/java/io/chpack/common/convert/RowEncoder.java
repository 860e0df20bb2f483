package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.Record;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryOutput;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Writer direction for whole records: record column i goes to target column i. All-or-nothing per row:
 * the row's bytes stay in the output's buffer until the last column is converted, and a failure rolls
 * them back ({@link RowBinaryOutput#rollbackRow()}), so the output stays a valid RowBinary stream and the
 * caller can count a dirty record and go on. Thread-safe (the encoders are stateless).
 */
public final class RowEncoder {
    private final ColumnEncoder[] columns;

    public RowEncoder(List<String> names, List<ClickHouseType> types, ConversionOptions options) {
        if (names.size() != types.size()) {
            throw new IllegalArgumentException(names.size() + " column names for " + types.size() + " types");
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a row needs at least one column");
        }
        columns = new ColumnEncoder[names.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = ColumnEncoder.compile(names.get(i), types.get(i), options);
        }
    }

    public int columnCount() {
        return columns.length;
    }

    public List<ColumnEncoder> columns() {
        List<ColumnEncoder> l = new ArrayList<>(columns.length);
        Collections.addAll(l, columns);
        return Collections.unmodifiableList(l);
    }

    /**
     * Writes one record as one row.
     *
     * @throws ColumnConversionException for the first bad column, or a record with a different number of
     *         columns; nothing of the row is written then
     */
    public void encodeRow(Record record, RowBinaryOutput out) throws IOException {
        int n = record.getColumnNumber();
        if (n != columns.length) {
            ColumnEncoder first = columns[Math.min(n, columns.length - 1)];
            throw first.failure(null, "the record has " + n + " columns but " + columns.length
                    + " target columns are configured", null);
        }
        out.beginRow();
        boolean done = false;
        try {
            for (int i = 0; i < columns.length; i++) {
                Column c = record.getColumn(i);
                columns[i].encode(c, out);
            }
            done = true;
        } finally {
            if (done) {
                out.endRow();
            } else {
                out.rollbackRow();
            }
        }
    }
}
