package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DoubleColumn;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryCodec;
import io.chpack.common.rowbinary.RowBinaryCodecs;
import io.chpack.common.rowbinary.RowBinaryInput;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Decimal(P, S) → DoubleColumn holding the exact plain text with exactly S fraction digits
 * ({@code -1.50} for Decimal(9, 2)), never through a double. JSON: the same text as a number.
 */
final class DecimalReader extends ValueReader {
    private final RowBinaryCodec codec;
    private final boolean longPath;
    private final int scale;

    DecimalReader(ClickHouseType type) {
        super(type);
        this.codec = RowBinaryCodecs.forType(type);
        this.longPath = type.decimalByteWidth() <= 8;
        this.scale = type.scale();
    }

    private String text(RowBinaryInput in) throws IOException {
        BigDecimal d = longPath ? BigDecimal.valueOf(codec.decodeLong(in), scale) : (BigDecimal) codec.decode(in);
        return d.toPlainString();
    }

    @Override
    Column read(RowBinaryInput in) throws IOException {
        return new DoubleColumn(text(in));
    }

    @Override
    void appendJson(RowBinaryInput in, StringBuilder sb) throws IOException {
        sb.append(text(in));
    }

    @Override
    Column nullColumn() {
        return new DoubleColumn((String) null);
    }
}
