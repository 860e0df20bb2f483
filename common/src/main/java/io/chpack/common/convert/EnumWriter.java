package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;
import io.chpack.common.chtype.EnumValues;
import io.chpack.common.rowbinary.RowBinaryOutput;

import java.io.IOException;
import java.math.BigInteger;

/**
 * Enum8 / Enum16 by entry name (exact, case-sensitive) from a StringColumn, or by entry value from a
 * LongColumn or from integer text that is not itself a name (names win: in {@code Enum8('1' = 2, 'x' = 1)}
 * the text "1" is the entry '1' = 2). A name or value the type does not list is rejected.
 */
final class EnumWriter extends ScalarWriter {
    private final EnumValues values;
    private final boolean enum8;

    EnumWriter(ClickHouseType type, ConversionOptions options) {
        super(type, options);
        this.values = type.enumValues();
        this.enum8 = type.kind() == ClickHouseTypeKind.ENUM8;
    }

    private void writeValue(int v, RowBinaryOutput out) throws IOException {
        if (enum8) {
            out.writeInt8(v);
        } else {
            out.writeInt16(v);
        }
    }

    @Override
    void fromString(Column c, String s, RowBinaryOutput out) throws IOException {
        Integer v = values.valueOf(s);
        if (v == null && NumberText.isInteger(s) && s.length() <= 7) {
            int n = Integer.parseInt(s.charAt(0) == '+' ? s.substring(1) : s);
            if (values.containsValue(n)) {
                v = n;
            }
        }
        if (v == null) {
            throw new Reject(ValueText.quoted(s) + " is neither an entry name nor an entry value of " + shortType());
        }
        writeValue(v, out);
    }

    @Override
    void fromLong(Column c, BigInteger v, RowBinaryOutput out) throws IOException {
        if (v.bitLength() > 31 || !values.containsValue(v.intValue())) {
            throw new Reject(ValueText.truncate(v.toString()) + " is not an entry value of " + shortType());
        }
        writeValue(v.intValue(), out);
    }

    private String shortType() {
        return ValueText.truncate(type.toString());
    }

    /** The entry with the smallest value, as ClickHouse's Enum default. */
    @Override
    void writeDefault(RowBinaryOutput out) throws IOException {
        writeValue(values.valueAt(0), out);
    }
}
