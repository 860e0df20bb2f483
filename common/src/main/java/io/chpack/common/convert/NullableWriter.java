package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import io.chpack.common.rowbinary.RowBinaryOutput;

import java.io.IOException;

/**
 * Nullable(T) (and LowCardinality(Nullable(T))): the flag byte, then T's value. If T's value is rejected
 * the flag is already written; the row-level encoder rolls the whole row back.
 */
final class NullableWriter extends ValueWriter {
    private final TypedWriter inner;

    NullableWriter(TypedWriter inner) {
        this.inner = inner;
    }

    @Override
    void write(Column c, RowBinaryOutput out) throws IOException {
        Object raw = c == null ? null : c.getRawData();
        if (raw == null) {
            out.writeNullFlag(true);
        } else {
            out.writeNullFlag(false);
            inner.writeValue(c, raw, out);
        }
    }

    @Override
    void writeDefault(RowBinaryOutput out) throws IOException {
        out.writeNullFlag(true);
    }
}
