package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.StringColumn;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryCodecs;
import io.chpack.common.rowbinary.RowBinaryInput;

import java.io.IOException;

/** Nothing has no values: a well-formed stream only has NULLs of Nullable(Nothing) and empty arrays. */
final class NothingReader extends ValueReader {
    NothingReader(ClickHouseType type) {
        super(type);
    }

    @Override
    Column read(RowBinaryInput in) throws IOException {
        RowBinaryCodecs.forType(type).decode(in); // raises the codec's format error
        return nullColumn();
    }

    @Override
    void appendJson(RowBinaryInput in, StringBuilder sb) throws IOException {
        read(in);
        sb.append("null");
    }

    @Override
    Column nullColumn() {
        return new StringColumn(null);
    }
}
