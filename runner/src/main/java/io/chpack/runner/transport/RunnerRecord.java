package io.chpack.runner.transport;

import java.util.ArrayList;
import java.util.List;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.Record;

import io.chpack.runner.RunnerErrorCode;
import com.alibaba.datax.common.exception.DataXException;

/**
 * The engine's Record. Byte and memory sizes follow DataX's DefaultRecord, because the channel's byte
 * capacity, the speed limits and a plugin's batch sizing are all computed from them and must behave
 * the same in both engines.
 */
public final class RunnerRecord implements Record {
    /** DataX's ClassSize.DefaultRecordHead on a 64-bit JVM. */
    static final int RECORD_HEAD = 80;
    /** DataX's ClassSize.ColumnHead. */
    static final int COLUMN_HEAD = 24;

    private final List<Column> columns = new ArrayList<Column>(16);
    private int byteSize;
    private int memorySize = RECORD_HEAD;

    @Override
    public void addColumn(Column column) {
        this.columns.add(column);
        grow(column);
    }

    @Override
    public void setColumn(int i, Column column) {
        if (i < 0) {
            throw DataXException.asDataXException(RunnerErrorCode.ARGUMENT_ERROR,
                    "Record.setColumn: index " + i + " is negative");
        }
        while (this.columns.size() <= i) {
            this.columns.add(null);
        }
        shrink(this.columns.get(i));
        this.columns.set(i, column);
        grow(column);
    }

    @Override
    public Column getColumn(int i) {
        if (i < 0 || i >= this.columns.size()) {
            return null;
        }
        return this.columns.get(i);
    }

    @Override
    public int getColumnNumber() {
        return this.columns.size();
    }

    @Override
    public int getByteSize() {
        return this.byteSize;
    }

    @Override
    public int getMemorySize() {
        return this.memorySize;
    }

    @Override
    public String toString() {
        return ColumnText.record(this);
    }

    private void grow(Column column) {
        if (column == null) {
            return;
        }
        this.byteSize += column.getByteSize();
        this.memorySize += COLUMN_HEAD + column.getByteSize();
    }

    private void shrink(Column column) {
        if (column == null) {
            return;
        }
        this.byteSize -= column.getByteSize();
        this.memorySize -= COLUMN_HEAD + column.getByteSize();
    }
}
