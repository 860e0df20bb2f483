package com.alibaba.datax.common.element;

/** One row travelling from reader to writer. */
public interface Record {

    void addColumn(Column column);

    void setColumn(int i, final Column column);

    /** @return the column at i, or null when i is past the end */
    Column getColumn(int i);

    @Override
    String toString();

    int getColumnNumber();

    int getByteSize();

    int getMemorySize();
}
