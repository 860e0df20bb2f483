package io.chpack.clickhousewriter.sharding;

import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;
import io.chpack.common.chtype.EnumValues;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Turns a column value (codec value model, see {@link ShardingRow}) into what ClickHouse's hash functions see
 * in memory for the column's type. Built once per column; refuses types whose hashing is not modelled
 * (Nullable, Decimal, arrays, …) so a router is never built for a key it would get wrong.
 */
abstract class HashArgumentEncoder {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    abstract HashInput encode(Object value);

    /** The integer type this column has when used as a number (Int*, UInt*, Date, DateTime, Enum), else null. */
    abstract IntType numericType();

    static HashArgumentEncoder forType(ClickHouseType declared) {
        ClickHouseType type = declared.kind() == ClickHouseTypeKind.LOW_CARDINALITY ? declared.wrappedType() : declared;
        ClickHouseTypeKind kind = type.kind();
        IntType intType = IntType.of(kind);
        if (intType != null) {
            return new IntegerEncoder(intType);
        }
        switch (kind) {
            case BOOL:
                return new BoolEncoder();
            case DATE:
                return new DateEncoder();
            case DATETIME:
                return new DateTimeEncoder();
            case ENUM8:
                return new EnumEncoder(type.enumValues(), IntType.INT8);
            case ENUM16:
                return new EnumEncoder(type.enumValues(), IntType.INT16);
            case FLOAT32:
                return new FloatEncoder(4);
            case FLOAT64:
                return new FloatEncoder(8);
            case STRING:
                return new StringEncoder(-1);
            case FIXED_STRING:
                return new StringEncoder(type.length());
            case UUID:
                return new UuidEncoder();
            default:
                throw new UnsupportedShardingExpressionException("columns of type " + declared
                        + " are not supported in a sharding key (their hashing is not modelled)");
        }
    }

    /** A value of an integer column as normalized bits of {@code type}, range-checked. */
    static long integerBits(Object value, IntType type) {
        if (value instanceof BigInteger) {
            BigInteger b = (BigInteger) value;
            BigInteger min = type.isSigned() ? BigInteger.ONE.shiftLeft(8 * type.width() - 1).negate() : BigInteger.ZERO;
            BigInteger max = type.isSigned() ? BigInteger.ONE.shiftLeft(8 * type.width() - 1).subtract(BigInteger.ONE)
                    : BigInteger.ONE.shiftLeft(8 * type.width()).subtract(BigInteger.ONE);
            if (b.compareTo(min) < 0 || b.compareTo(max) > 0) {
                throw outOfRange(value, type);
            }
            return b.signum() < 0 ? b.longValue() : b.mod(TWO_64).longValue();
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            long v = ((Number) value).longValue();
            boolean fits = type == IntType.UINT64 ? v >= 0 : type.normalize(v) == v;
            if (!fits) {
                throw outOfRange(value, type);
            }
            return v;
        }
        throw new IllegalArgumentException("expected an integer for " + type.typeName() + ", got "
                + (value == null ? "null" : value.getClass().getName()));
    }

    private static IllegalArgumentException outOfRange(Object value, IntType type) {
        return new IllegalArgumentException(value + " is out of range for " + type.typeName());
    }

    private static final class IntegerEncoder extends HashArgumentEncoder {
        private final IntType type;

        IntegerEncoder(IntType type) {
            this.type = type;
        }

        @Override
        HashInput encode(Object value) {
            return HashInput.ofNumber(integerBits(value, type), type.width(), type.isSigned(), false);
        }

        @Override
        IntType numericType() {
            return type;
        }
    }

    /** Bool (26.x) is a UInt8 0/1 in memory. */
    private static final class BoolEncoder extends HashArgumentEncoder {
        @Override
        HashInput encode(Object value) {
            long v = value instanceof Boolean ? (((Boolean) value) ? 1 : 0) : integerBits(value, IntType.UINT8);
            return HashInput.ofNumber(v, 1, false, false);
        }

        @Override
        IntType numericType() {
            return null;
        }
    }

    /** Date: UInt16 days since 1970-01-01. */
    private static final class DateEncoder extends HashArgumentEncoder {
        @Override
        HashInput encode(Object value) {
            long days = value instanceof LocalDate ? ((LocalDate) value).toEpochDay() : integerBits(value, IntType.INT64);
            if (days < 0 || days > 0xFFFF) {
                throw new IllegalArgumentException(value + " is outside the Date range");
            }
            return HashInput.ofNumber(days, 2, false, false);
        }

        @Override
        IntType numericType() {
            return IntType.UINT16;
        }
    }

    /** DateTime: UInt32 seconds since the epoch, whatever the column's time zone. */
    private static final class DateTimeEncoder extends HashArgumentEncoder {
        @Override
        HashInput encode(Object value) {
            long s = value instanceof Instant ? ((Instant) value).getEpochSecond() : integerBits(value, IntType.INT64);
            if (s < 0 || s > 0xFFFFFFFFL) {
                throw new IllegalArgumentException(value + " is outside the DateTime range");
            }
            return HashInput.ofNumber(s, 4, false, false);
        }

        @Override
        IntType numericType() {
            return IntType.UINT32;
        }
    }

    /** Enum8/Enum16: the entry's Int8/Int16 value. */
    private static final class EnumEncoder extends HashArgumentEncoder {
        private final EnumValues values;
        private final IntType type;

        EnumEncoder(EnumValues values, IntType type) {
            this.values = values;
            this.type = type;
        }

        @Override
        HashInput encode(Object value) {
            long v;
            if (value instanceof CharSequence) {
                Integer n = values.valueOf(value.toString());
                if (n == null) {
                    throw new IllegalArgumentException("'" + value + "' is not an entry of " + values);
                }
                v = n;
            } else {
                v = integerBits(value, type);
            }
            return HashInput.ofNumber(v, type.width(), true, false);
        }

        @Override
        IntType numericType() {
            return null;
        }
    }

    /** Float32/Float64: the IEEE bits (ClickHouse bit_casts them). */
    private static final class FloatEncoder extends HashArgumentEncoder {
        private final int width;

        FloatEncoder(int width) {
            this.width = width;
        }

        @Override
        HashInput encode(Object value) {
            if (!(value instanceof Number)) {
                throw new IllegalArgumentException("expected a number, got " + value);
            }
            Number n = (Number) value;
            long bits = width == 4 ? Float.floatToRawIntBits(n.floatValue()) & 0xFFFFFFFFL
                    : Double.doubleToRawLongBits(n.doubleValue());
            return HashInput.ofNumber(bits, width, false, true);
        }

        @Override
        IntType numericType() {
            return null;
        }
    }

    /** String (length -1) or FixedString(N): the bytes; a FixedString is zero-padded to N. */
    private static final class StringEncoder extends HashArgumentEncoder {
        private final int fixedLength;

        StringEncoder(int fixedLength) {
            this.fixedLength = fixedLength;
        }

        @Override
        HashInput encode(Object value) {
            byte[] b;
            if (value instanceof byte[]) {
                b = (byte[]) value;
            } else if (value instanceof CharSequence) {
                b = value.toString().getBytes(StandardCharsets.UTF_8);
            } else {
                throw new IllegalArgumentException("expected byte[] or a string, got "
                        + (value == null ? "null" : value.getClass().getName()));
            }
            if (fixedLength >= 0 && b.length != fixedLength) {
                if (b.length > fixedLength) {
                    throw new IllegalArgumentException(b.length + " bytes do not fit FixedString(" + fixedLength + ")");
                }
                byte[] padded = new byte[fixedLength];
                System.arraycopy(b, 0, padded, 0, b.length);
                b = padded;
            }
            return HashInput.ofBytes(b);
        }

        @Override
        IntType numericType() {
            return null;
        }
    }

    /** UUID: 16 bytes, the high 64 bits little-endian then the low 64 bits little-endian (its memory layout). */
    private static final class UuidEncoder extends HashArgumentEncoder {
        @Override
        HashInput encode(Object value) {
            if (!(value instanceof UUID)) {
                throw new IllegalArgumentException("expected a java.util.UUID, got " + value);
            }
            UUID u = (UUID) value;
            byte[] b = new byte[16];
            LittleEndian.putLong(b, 0, u.getMostSignificantBits());
            LittleEndian.putLong(b, 8, u.getLeastSignificantBits());
            return HashInput.ofBytes(b);
        }

        @Override
        IntType numericType() {
            return null;
        }
    }
}
