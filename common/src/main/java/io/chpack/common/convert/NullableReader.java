package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryInput;

import java.io.IOException;

/** Nullable(T): NULL → a NULL Column of T's class (raw data null); JSON null. */
final class NullableReader extends ValueReader {
    private final ValueReader inner;

    NullableReader(ClickHouseType type, ValueReader inner) {
        super(type);
        this.inner = inner;
    }

    @Override
    Column read(RowBinaryInput in) throws IOException {
        return in.readNullFlag() ? inner.nullColumn() : inner.read(in);
    }

    @Override
    void appendJson(RowBinaryInput in, StringBuilder sb) throws IOException {
        if (in.readNullFlag()) {
            sb.append("null");
        } else {
            inner.appendJson(in, sb);
        }
    }

    @Override
    Column nullColumn() {
        return inner.nullColumn();
    }
}
