package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;
import io.chpack.common.chtype.EnumValues;

import java.io.IOException;

/**
 * Enum8/Enum16 as the Int8/Int16 value of the entry. Decodes to the entry name (String). Encodes a name
 * (CharSequence) or a value (integer Number); either must be an entry of the type.
 */
final class EnumCodec extends RowBinaryCodec {
    private final EnumValues values;
    private final boolean enum8;

    EnumCodec(ClickHouseType type) {
        super(type);
        this.values = type.enumValues();
        this.enum8 = type.kind() == ClickHouseTypeKind.ENUM8;
    }

    @Override
    public void encode(Object value, RowBinaryOutput out) throws IOException {
        if (value instanceof CharSequence) {
            Integer v = values.valueOf(value.toString());
            if (v == null) {
                throw new RowBinaryValueException("value " + ValueDescriber.describe(value) + " is not an entry of ClickHouse "
                        + shortType());
            }
            write(v, out);
        } else if (Integers.isSmall(value)) {
            encodeLong(((Number) value).longValue(), out);
        } else if (value == null) {
            throw nullValue();
        } else {
            throw wrongClass(value, "an entry name (String) or value (Integer)");
        }
    }

    private String shortType() {
        String s = type.toString();
        return s.length() > 200 ? s.substring(0, 200) + "…)" : s;
    }

    private void write(long v, RowBinaryOutput out) throws IOException {
        if (enum8) {
            out.writeInt8(v);
        } else {
            out.writeInt16(v);
        }
    }

    @Override
    public Object decode(RowBinaryInput in) throws IOException {
        long offset = in.offset();
        int v = (int) decodeLong(in);
        String name = values.nameOf(v);
        if (name == null) {
            throw new RowBinaryFormatException("value " + v + " at offset " + offset + " is not an entry of ClickHouse "
                    + shortType());
        }
        return name;
    }

    @Override
    public boolean supportsLong() {
        return true;
    }

    /** The entry value. */
    @Override
    public void encodeLong(long value, RowBinaryOutput out) throws IOException {
        if (value < Short.MIN_VALUE || value > Short.MAX_VALUE || !values.containsValue((int) value)) {
            throw new RowBinaryValueException("value " + value + " is not an entry of ClickHouse " + shortType());
        }
        write(value, out);
    }

    @Override
    public long decodeLong(RowBinaryInput in) throws IOException {
        return enum8 ? in.readInt8() : in.readInt16();
    }
}
