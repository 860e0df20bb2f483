package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryOutput;

/** Nothing: has no values; only NULL of Nullable(Nothing) and the empty Array(Nothing) exist. */
final class NothingWriter extends TypedWriter {
    NothingWriter(ClickHouseType type, ConversionOptions options) {
        super(type, options);
    }

    @Override
    void writeValue(Column c, Object raw, RowBinaryOutput out) {
        throw new Reject("Nothing has no values (only NULL and empty arrays of it exist)");
    }

    @Override
    void writeDefault(RowBinaryOutput out) {
        throw new Reject("Nothing has no default value");
    }
}
