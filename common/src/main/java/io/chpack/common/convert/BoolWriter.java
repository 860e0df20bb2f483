package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryOutput;

import java.io.IOException;
import java.math.BigInteger;

/**
 * Bool from BoolColumn, LongColumn 0 / 1, and the strings true / false / 1 / 0 (any case) — nothing
 * else: 2, "yes", "t" or a DoubleColumn are rejected rather than guessed.
 */
final class BoolWriter extends ScalarWriter {
    BoolWriter(ClickHouseType type, ConversionOptions options) {
        super(type, options);
    }

    @Override
    void fromBool(Column c, boolean b, RowBinaryOutput out) throws IOException {
        out.writeBool(b);
    }

    @Override
    void fromLong(Column c, BigInteger v, RowBinaryOutput out) throws IOException {
        if (v.signum() == 0) {
            out.writeBool(false);
        } else if (v.equals(BigInteger.ONE)) {
            out.writeBool(true);
        } else {
            throw new Reject(ValueText.truncate(v.toString()) + " is not a Bool (only 0 and 1 are)");
        }
    }

    @Override
    void fromString(Column c, String s, RowBinaryOutput out) throws IOException {
        if ("true".equalsIgnoreCase(s) || "1".equals(s)) {
            out.writeBool(true);
        } else if ("false".equalsIgnoreCase(s) || "0".equals(s)) {
            out.writeBool(false);
        } else {
            throw new Reject((s.isEmpty() ? "the empty string" : ValueText.quoted(s))
                    + " is not a Bool (only true, false, 1 and 0 are, in any case)");
        }
    }

    @Override
    void writeDefault(RowBinaryOutput out) throws IOException {
        out.writeBool(false);
    }
}
