package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import io.chpack.common.rowbinary.RowBinaryOutput;

import java.io.IOException;

/**
 * Writes one DataX value as one ClickHouse value of a fixed type. Built once per column (and per
 * element type of composites) by {@link ValueWriters}; stateless. Failures are {@link Reject}s that the
 * column-level {@link ColumnEncoder} turns into {@link ColumnConversionException}s.
 */
abstract class ValueWriter {
    /**
     * Writes {@code c}; a null {@code c} (JSON null inside a composite) or a Column with null raw data is
     * NULL.
     */
    abstract void write(Column c, RowBinaryOutput out) throws IOException;

    /** Writes the ClickHouse default value of the type (NULL for Nullable). */
    abstract void writeDefault(RowBinaryOutput out) throws IOException;
}
