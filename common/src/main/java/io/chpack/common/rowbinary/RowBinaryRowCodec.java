package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Whole rows of a fixed column list. Encoding is all-or-nothing per row: a bad value rolls the row's bytes
 * back (see {@link RowBinaryOutput#beginRow()}) and raises {@link RowBinaryValueException} naming the
 * column, so the caller can count a dirty record and go on. Errors while decoding name the row and column.
 */
public final class RowBinaryRowCodec {
    private final List<String> names;
    private final List<ClickHouseType> types;
    private final RowBinaryCodec[] codecs;
    private long rowsDecoded;

    /** Columns by type only; messages then name columns by position (1-based). */
    public RowBinaryRowCodec(List<ClickHouseType> types) {
        this(null, types);
    }

    /** Column names (for messages; may be null) and types, in insert/select order. */
    public RowBinaryRowCodec(List<String> names, List<ClickHouseType> types) {
        if (names != null && names.size() != types.size()) {
            throw new IllegalArgumentException(names.size() + " column names for " + types.size() + " types");
        }
        this.names = names == null ? null : Collections.unmodifiableList(new ArrayList<>(names));
        this.types = Collections.unmodifiableList(new ArrayList<>(types));
        this.codecs = new RowBinaryCodec[types.size()];
        for (int i = 0; i < codecs.length; i++) {
            codecs[i] = RowBinaryCodecs.forType(types.get(i));
        }
    }

    public int columnCount() {
        return codecs.length;
    }

    public List<ClickHouseType> types() {
        return types;
    }

    /** The codec of column i (0-based), for primitive fast paths. */
    public RowBinaryCodec codec(int column) {
        return codecs[column];
    }

    /** Writes one row; on a bad value nothing of the row is written. */
    public void encodeRow(Object[] values, RowBinaryOutput out) throws IOException {
        checkWidth(values.length);
        out.beginRow();
        int i = 0;
        try {
            for (; i < codecs.length; i++) {
                codecs[i].encode(values[i], out);
            }
        } catch (RowBinaryValueException e) {
            out.rollbackRow();
            throw new RowBinaryValueException(column(i) + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            out.rollbackRow();
            throw e;
        }
        out.endRow();
    }

    public void encodeRow(List<?> values, RowBinaryOutput out) throws IOException {
        encodeRow(values.toArray(), out);
    }

    private void checkWidth(int n) {
        if (n != codecs.length) {
            throw new RowBinaryValueException("row has " + n + " values for " + codecs.length + " columns");
        }
    }

    /** The next row, or null at a clean end of input (between rows). */
    public Object[] decodeRow(RowBinaryInput in) throws IOException {
        if (!in.hasMore()) {
            return null;
        }
        Object[] row = new Object[codecs.length];
        int i = 0;
        try {
            for (; i < codecs.length; i++) {
                row[i] = codecs[i].decode(in);
            }
        } catch (RowBinaryTruncatedException e) {
            RowBinaryTruncatedException t = new RowBinaryTruncatedException("row " + (rowsDecoded + 1) + ", "
                    + column(i) + ": " + e.getMessage());
            t.initCause(e);
            throw t;
        } catch (RowBinaryFormatException e) {
            throw new RowBinaryFormatException("row " + (rowsDecoded + 1) + ", " + column(i) + ": " + e.getMessage(), e);
        }
        rowsDecoded++;
        return row;
    }

    /** Rows returned by {@link #decodeRow} so far. */
    public long rowsDecoded() {
        return rowsDecoded;
    }

    private String column(int i) {
        String name = names == null ? null : names.get(i);
        return "column " + (i + 1) + (name == null ? "" : " '" + name + "'") + " (" + types.get(i) + ")";
    }
}
