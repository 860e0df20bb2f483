package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.LongColumn;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;
import io.chpack.common.rowbinary.RowBinaryCodec;
import io.chpack.common.rowbinary.RowBinaryCodecs;
import io.chpack.common.rowbinary.RowBinaryInput;

import java.io.IOException;
import java.math.BigInteger;

/**
 * Every integer width → LongColumn, exactly: Int8…Int64 and UInt8…UInt32 through a long; UInt64 (all of
 * [0, 2^64−1]), Int128/256 and UInt128/256 through BigInteger. JSON: a number with all its digits (JSON
 * numbers have no size limit; JavaScript consumers lose digits above 2^53, chpack writers do not).
 */
final class IntegerReader extends ValueReader {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private final RowBinaryCodec codec;
    private final boolean uint64;
    private final boolean wide;
    private final int width;
    private final boolean signed;

    IntegerReader(ClickHouseType type) {
        super(type);
        this.codec = RowBinaryCodecs.forType(type);
        this.uint64 = type.kind() == ClickHouseTypeKind.UINT64;
        this.width = type.fixedByteWidth();
        this.wide = width > 8;
        this.signed = type.kind().isSigned();
    }

    private BigInteger big(RowBinaryInput in) throws IOException {
        if (uint64) {
            long bits = in.readUInt64Bits();
            BigInteger v = BigInteger.valueOf(bits);
            return bits >= 0 ? v : v.add(TWO_64);
        }
        return in.readBigInteger(width, signed, type.toString());
    }

    @Override
    Column read(RowBinaryInput in) throws IOException {
        if (uint64 || wide) {
            return new LongColumn(big(in));
        }
        return new LongColumn(codec.decodeLong(in));
    }

    @Override
    void appendJson(RowBinaryInput in, StringBuilder sb) throws IOException {
        if (uint64) { // the same digits as the BigInteger's, without it
            long bits = in.readUInt64Bits();
            if (bits >= 0) {
                sb.append(bits);
            } else {
                sb.append(Long.toUnsignedString(bits));
            }
        } else if (wide) {
            sb.append(big(in));
        } else {
            sb.append(codec.decodeLong(in));
        }
    }

    @Override
    Column nullColumn() {
        return new LongColumn((BigInteger) null);
    }
}
