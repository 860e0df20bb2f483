package io.chpack.clickhousewriter.sharding;

import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Renders a column value as a SQL expression of exactly the column's type, in SQL that ClickHouse 18.16 and
 * 26.x both accept: integers through {@code toInt8('…')} (string form, so Int64/UInt64 extremes parse), floats
 * through {@code reinterpretAsFloat64(unhex(…))} (bit-exact, no decimal rounding), strings with {@code \xHH}
 * escapes for every byte outside printable ASCII (NUL and invalid UTF-8 survive), Date/DateTime via their
 * day/second numbers, Enum via CAST to the full enum type.
 */
final class SqlLiteral {
    private SqlLiteral() {
    }

    static String render(Object value, ClickHouseType declared) {
        ClickHouseType type = declared.kind() == ClickHouseTypeKind.LOW_CARDINALITY ? declared.wrappedType() : declared;
        ClickHouseTypeKind kind = type.kind();
        IntType intType = IntType.of(kind);
        if (intType != null) {
            long bits = HashArgumentEncoder.integerBits(value, intType);
            return "to" + intType.typeName() + "('" + intType.format(bits) + "')";
        }
        switch (kind) {
            case BOOL:
                return "CAST(toUInt8(" + (Boolean.TRUE.equals(value) || (value instanceof Number
                        && ((Number) value).longValue() != 0) ? 1 : 0) + ") AS Bool)";
            case DATE: {
                long days = value instanceof LocalDate ? ((LocalDate) value).toEpochDay() : ((Number) value).longValue();
                // By day number: 18.16 parses dates only up to about 2105, the type holds 65535 days (2149).
                return "toDate(toUInt16(" + days + "))";
            }
            case DATETIME: {
                long s = value instanceof Instant ? ((Instant) value).getEpochSecond() : ((Number) value).longValue();
                String zone = type.timeZone();
                return "toDateTime(toUInt32(" + s + ")" + (zone == null ? "" : ", " + string(zone.getBytes(StandardCharsets.UTF_8))) + ")";
            }
            case ENUM8:
            case ENUM16: {
                String name = value instanceof CharSequence ? value.toString()
                        : type.enumValues().nameOf(((Number) value).intValue());
                return "CAST(" + string(name.getBytes(StandardCharsets.UTF_8)) + " AS " + type + ")";
            }
            case FLOAT32: {
                int bits = Float.floatToRawIntBits(((Number) value).floatValue());
                return "reinterpretAsFloat32(unhex('" + hex(LittleEndian.bytes(bits, 4)) + "'))";
            }
            case FLOAT64: {
                long bits = Double.doubleToRawLongBits(((Number) value).doubleValue());
                return "reinterpretAsFloat64(unhex('" + hex(LittleEndian.bytes(bits, 8)) + "'))";
            }
            case STRING:
                return string(HashArgumentEncoder.forType(type).encode(value).bytes);
            case FIXED_STRING:
                return "toFixedString(" + string(HashArgumentEncoder.forType(type).encode(value).bytes) + ", "
                        + type.length() + ")";
            case UUID:
                return "toUUID('" + (UUID) value + "')";
            default:
                throw new IllegalArgumentException("cannot render a " + type + " literal");
        }
    }

    /** A single-quoted literal; every byte outside printable ASCII, the quote and the backslash as \xHH. */
    static String string(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length + 2).append('\'');
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '\'' && c != '\\') {
                sb.append((char) c);
            } else {
                sb.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            }
        }
        return sb.append('\'').toString();
    }

    /** A back-quoted identifier. */
    static String identifier(String name) {
        return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }

    private static String hex(byte[] b) {
        return String.format("%0" + (2 * b.length) + "X", new BigInteger(1, b));
    }
}
