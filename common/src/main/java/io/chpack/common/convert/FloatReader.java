package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DoubleColumn;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;
import io.chpack.common.rowbinary.RowBinaryCodec;
import io.chpack.common.rowbinary.RowBinaryCodecs;
import io.chpack.common.rowbinary.RowBinaryInput;

import java.io.IOException;

/**
 * Float32 / BFloat16 / Float64 → DoubleColumn holding the shortest decimal text that reads back as the
 * same value of that width ({@link ShortestDecimal}): Float32 0.1 is "0.1", not the widened
 * 0.10000000149011612. NaN / ±Infinity → "NaN" / "Infinity" / "-Infinity"; −0 → "-0". JSON: the same
 * text as a number; the non-finite values as the strings "NaN", "Infinity", "-Infinity".
 */
final class FloatReader extends ValueReader {
    private final RowBinaryCodec codec;
    private final boolean narrow;

    FloatReader(ClickHouseType type) {
        super(type);
        this.codec = RowBinaryCodecs.forType(type);
        this.narrow = type.kind() != ClickHouseTypeKind.FLOAT64;
    }

    private String text(RowBinaryInput in) throws IOException {
        double d = codec.decodeDouble(in);
        return narrow ? ShortestDecimal.ofFloat((float) d) : ShortestDecimal.ofDouble(d);
    }

    @Override
    Column read(RowBinaryInput in) throws IOException {
        return new DoubleColumn(text(in));
    }

    @Override
    void appendJson(RowBinaryInput in, StringBuilder sb) throws IOException {
        String t = text(in);
        char c = t.charAt(t.length() - 1);
        if (c == 'N' || c == 'y') { // NaN, Infinity, -Infinity
            sb.append('"').append(t).append('"');
        } else {
            sb.append(t);
        }
    }

    @Override
    Column nullColumn() {
        return new DoubleColumn((String) null);
    }
}
