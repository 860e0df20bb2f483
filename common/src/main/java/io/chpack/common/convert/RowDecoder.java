package io.chpack.common.convert;

import com.alibaba.datax.common.element.Record;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryInput;

import java.io.IOException;
import java.util.List;

/**
 * Reader direction for whole rows: RowBinary rows of a fixed column list → Record columns in order.
 */
public final class RowDecoder {
    private final ColumnDecoder[] columns;

    public RowDecoder(List<String> names, List<ClickHouseType> types, ConversionOptions options) {
        if (names.size() != types.size()) {
            throw new IllegalArgumentException(names.size() + " column names for " + types.size() + " types");
        }
        columns = new ColumnDecoder[names.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = ColumnDecoder.compile(names.get(i), types.get(i), options);
        }
    }

    public int columnCount() {
        return columns.length;
    }

    /**
     * Reads the next row and adds its columns to {@code record}.
     *
     * @return false at a clean end of input (nothing added)
     * @throws ColumnConversionException for the first column without a lossless Column form; the whole row
     *         is consumed first (the stream stays aligned) and the failed columns are added as NULLs, so
     *         the caller can hand the record to the dirty-record collector and go on
     */
    public boolean readRow(RowBinaryInput in, Record record) throws IOException {
        if (!in.hasMore()) {
            return false;
        }
        ColumnConversionException first = null;
        for (ColumnDecoder d : columns) {
            try {
                record.addColumn(d.decode(in));
            } catch (ColumnConversionException e) {
                record.addColumn(d.nullColumn());
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return true;
    }
}
