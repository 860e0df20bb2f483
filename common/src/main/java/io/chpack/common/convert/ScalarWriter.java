package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryOutput;

import java.io.IOException;
import java.math.BigInteger;

/**
 * A writer for a scalar type, dispatching on the DataX Column type: each {@code fromXxx} is one source
 * rule and rejects by default. Raw data per type: LONG BigInteger, DOUBLE String (exact decimal text or
 * NaN/Infinity), STRING String, BOOL Boolean, DATE Long epoch millis, BYTES byte[].
 */
abstract class ScalarWriter extends TypedWriter {
    ScalarWriter(ClickHouseType type, ConversionOptions options) {
        super(type, options);
    }

    @Override
    final void writeValue(Column c, Object raw, RowBinaryOutput out) throws IOException {
        switch (c.getType()) {
            case LONG:
            case INT:
                fromLong(c, (BigInteger) raw, out);
                break;
            case DOUBLE:
                fromDouble(c, (String) raw, out);
                break;
            case STRING:
                fromString(c, (String) raw, out);
                break;
            case BOOL:
                fromBool(c, (Boolean) raw, out);
                break;
            case DATE:
                fromDate(c instanceof DateColumn ? (DateColumn) c : null, (Long) raw, out);
                break;
            case BYTES:
                fromBytes(c, (byte[]) raw, out);
                break;
            default:
                throw noRule(c);
        }
    }

    void fromLong(Column c, BigInteger v, RowBinaryOutput out) throws IOException {
        throw noRule(c);
    }

    /** {@code text} is DoubleColumn's exact decimal text, or NaN / Infinity / -Infinity (any case). */
    void fromDouble(Column c, String text, RowBinaryOutput out) throws IOException {
        throw noRule(c);
    }

    void fromString(Column c, String s, RowBinaryOutput out) throws IOException {
        throw noRule(c);
    }

    void fromBool(Column c, boolean b, RowBinaryOutput out) throws IOException {
        throw noRule(c);
    }

    /** {@code c} may be null for a custom DATE Column that is not a DateColumn (no sub-type then). */
    void fromDate(DateColumn c, long epochMillis, RowBinaryOutput out) throws IOException {
        throw new Reject("no rule converts a date to " + type);
    }

    void fromBytes(Column c, byte[] b, RowBinaryOutput out) throws IOException {
        throw noRule(c);
    }
}
