package io.chpack.bench;

import java.util.ArrayList;
import java.util.List;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.Record;

/** A plain Record for benchmarks, so baselines do not depend on the runner's record class. */
final class BenchRecord implements Record {
    private final List<Column> columns;

    BenchRecord(int expectedColumns) {
        this.columns = new ArrayList<>(expectedColumns);
    }

    @Override
    public void addColumn(Column column) {
        columns.add(column);
    }

    @Override
    public void setColumn(int i, Column column) {
        while (columns.size() <= i) {
            columns.add(null);
        }
        columns.set(i, column);
    }

    @Override
    public Column getColumn(int i) {
        return i < columns.size() ? columns.get(i) : null;
    }

    @Override
    public int getColumnNumber() {
        return columns.size();
    }

    @Override
    public int getByteSize() {
        int size = 0;
        for (Column column : columns) {
            size += column == null ? 0 : column.getByteSize();
        }
        return size;
    }

    @Override
    public int getMemorySize() {
        return getByteSize() + 8 * columns.size();
    }
}
