package io.chpack.clickhousewriter.sharding;

import io.chpack.common.chtype.ClickHouseTypeKind;

/**
 * The ClickHouse integer types a sharding key can evaluate to. Values travel as a Java {@code long} holding
 * the type's bits <em>normalized</em>: sign-extended for signed types, zero-extended for unsigned ones
 * (UInt64 uses all 64 bits, read with the unsigned {@code Long} helpers).
 */
public enum IntType {
    UINT8(1, false), UINT16(2, false), UINT32(4, false), UINT64(8, false),
    INT8(1, true), INT16(2, true), INT32(4, true), INT64(8, true);

    private final int width;
    private final boolean signed;

    IntType(int width, boolean signed) {
        this.width = width;
        this.signed = signed;
    }

    public int width() {
        return width;
    }

    public boolean isSigned() {
        return signed;
    }

    /** The server's type name, e.g. {@code UInt8}, as {@code toTypeName} prints it. */
    public String typeName() {
        String n = name();
        return (signed ? "Int" : "UInt") + n.substring(n.indexOf("INT") + 3);
    }

    /** Truncates to the type's width (C++ conversion to this type), then sign- or zero-extends. */
    public long normalize(long bits) {
        int shift = 64 - 8 * width;
        if (shift == 0) {
            return bits;
        }
        return signed ? (bits << shift) >> shift : (bits << shift) >>> shift;
    }

    /** The value as the server prints it in TabSeparated output. */
    public String format(long normalized) {
        return signed ? Long.toString(normalized) : Long.toUnsignedString(normalized);
    }

    public static IntType of(boolean signed, int width) {
        for (IntType t : values()) {
            if (t.signed == signed && t.width == width) {
                return t;
            }
        }
        throw new IllegalArgumentException("no " + (signed ? "signed" : "unsigned") + " integer type of " + width + " bytes");
    }

    /** The integer type of Int8…Int64 / UInt8…UInt64, or null for every other kind. */
    public static IntType of(ClickHouseTypeKind kind) {
        switch (kind) {
            case UINT8:
                return UINT8;
            case UINT16:
                return UINT16;
            case UINT32:
                return UINT32;
            case UINT64:
                return UINT64;
            case INT8:
                return INT8;
            case INT16:
                return INT16;
            case INT32:
                return INT32;
            case INT64:
                return INT64;
            default:
                return null;
        }
    }

    /**
     * The type ClickHouse gives an unsigned integer literal: the narrowest UInt that holds it (checked:
     * {@code toTypeName(4) = UInt8}, {@code toTypeName(300) = UInt16} on 18.16.1 and 26.7).
     */
    public static IntType ofLiteral(long unsignedValue) {
        if (Long.compareUnsigned(unsignedValue, 0xFFL) <= 0) {
            return UINT8;
        } else if (Long.compareUnsigned(unsignedValue, 0xFFFFL) <= 0) {
            return UINT16;
        } else if (Long.compareUnsigned(unsignedValue, 0xFFFFFFFFL) <= 0) {
            return UINT32;
        }
        return UINT64;
    }
}
