package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryInput;

import java.io.IOException;

/**
 * Reads one ClickHouse value of a fixed type from RowBinary: as a DataX Column ({@link #read}) or as
 * JSON appended to text ({@link #appendJson}, for elements of Array/Map/Tuple). Built once per column by
 * {@link ValueReaders}. A {@link Reject} is thrown only after the value's bytes are consumed, so the
 * input stays aligned on the next value.
 */
abstract class ValueReader {
    final ClickHouseType type;

    ValueReader(ClickHouseType type) {
        this.type = type;
    }

    /** The next value as a Column (never a NULL column, except from Nullable readers). */
    abstract Column read(RowBinaryInput in) throws IOException;

    /** The next value as JSON. */
    abstract void appendJson(RowBinaryInput in, StringBuilder sb) throws IOException;

    /** A NULL of the Column class this reader produces. */
    abstract Column nullColumn();
}
