package io.chpack.common.convert;

import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.Column;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryInput;

import java.io.IOException;

/** Bool → BoolColumn; JSON true / false. */
final class BoolReader extends ValueReader {
    BoolReader(ClickHouseType type) {
        super(type);
    }

    @Override
    Column read(RowBinaryInput in) throws IOException {
        return new BoolColumn(in.readBool());
    }

    @Override
    void appendJson(RowBinaryInput in, StringBuilder sb) throws IOException {
        sb.append(in.readBool());
    }

    @Override
    Column nullColumn() {
        return new BoolColumn((Boolean) null);
    }
}
