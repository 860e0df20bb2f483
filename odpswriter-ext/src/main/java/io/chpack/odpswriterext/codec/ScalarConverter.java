package io.chpack.odpswriterext.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.alibaba.datax.common.element.Column;

import io.chpack.common.mapping.MaxComputeType;

/**
 * DataX {@link Column} → the Java value a MaxCompute column of a scalar type takes, with explicit range and length
 * checks (never DataX's lossy {@code asLong()} on a double, never the JVM zone). Results: Byte/Short/Integer/Long,
 * Float/Double, BigDecimal (rounded half-up to the column's scale; more integer digits than the column holds is
 * dirty), Boolean, String (STRING ≤ {@code maxFieldSize} UTF-8 bytes; VARCHAR/CHAR ≤ n characters), byte[]
 * (BINARY), LocalDate (DATE), Instant (DATETIME in milliseconds, TIMESTAMP). Complex types are not handled here.
 */
public final class ScalarConverter {
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private final boolean emptyAsNull;
    private final long maxFieldSize;
    private final ZoneId zone;

    public ScalarConverter(boolean emptyAsNull, long maxFieldSize, ZoneId zone) {
        this.emptyAsNull = emptyAsNull;
        this.maxFieldSize = maxFieldSize;
        this.zone = zone;
    }

    /** Null for SQL NULL (and for "" with emptyAsNull on string-like columns). */
    public Object convert(Column c, MaxComputeType type, String columnName) throws DirtyValueException {
        if (c == null || c.getRawData() == null) {
            return null;
        }
        switch (type.kind()) {
            case TINYINT:
                return (byte) integer(c, type, columnName, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case SMALLINT:
                return (short) integer(c, type, columnName, Short.MIN_VALUE, Short.MAX_VALUE);
            case INT:
                return (int) integer(c, type, columnName, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case BIGINT:
                return integer(c, type, columnName, Long.MIN_VALUE, Long.MAX_VALUE);
            case FLOAT: {
                double d = number(c, type, columnName).doubleValue();
                float f = (float) d;
                if (Float.isInfinite(f) && !Double.isInfinite(d)) {
                    throw dirty(columnName, type, c, "is outside the FLOAT range");
                }
                return f;
            }
            case DOUBLE: {
                Object raw = c.getRawData();
                if (c.getType() == Column.Type.DOUBLE && isSpecial(raw.toString())) {
                    return Double.parseDouble(raw.toString()); // NaN, Infinity, -Infinity
                }
                if (raw instanceof Long || raw instanceof Integer) {
                    return ((Number) raw).doubleValue(); // round to nearest, as BigDecimal.doubleValue()
                }
                if ((c.getType() == Column.Type.DOUBLE || c.getType() == Column.Type.STRING)
                        && plainDecimal(raw.toString())) {
                    return Double.parseDouble(raw.toString()); // correctly rounded, as BigDecimal.doubleValue()
                }
                return number(c, type, columnName).doubleValue();
            }
            case DECIMAL: {
                BigDecimal v = number(c, type, columnName);
                int precision = type.isLegacyDecimal() ? MaxComputeType.LEGACY_DECIMAL_PRECISION : type.precision();
                int scale = type.scale();
                BigDecimal scaled = v.setScale(scale, RoundingMode.HALF_UP);
                if (scaled.precision() - scaled.scale() > precision - scale) {
                    throw dirty(columnName, type, c, "has more than " + (precision - scale) + " integer digits");
                }
                return scaled;
            }
            case BOOLEAN:
                return bool(c, type, columnName);
            case STRING:
            case VARCHAR:
            case CHAR: {
                String s = c.getType() == Column.Type.BYTES ? new String((byte[]) c.getRawData(), StandardCharsets.UTF_8)
                        : c.asString();
                if (s.isEmpty() && emptyAsNull) {
                    return null;
                }
                if (type.kind() == io.chpack.common.mapping.MaxComputeTypeKind.STRING) {
                    int bytes = s.getBytes(StandardCharsets.UTF_8).length;
                    if (bytes > maxFieldSize) {
                        throw dirty(columnName, type, null, "has " + bytes + " bytes, more than the field size limit "
                                + maxFieldSize);
                    }
                } else if (s.codePointCount(0, s.length()) > type.length()) {
                    throw dirty(columnName, type, null, "has " + s.codePointCount(0, s.length())
                            + " characters, more than " + type.length());
                }
                return s;
            }
            case BINARY: {
                byte[] b = c.getType() == Column.Type.BYTES ? (byte[]) c.getRawData()
                        : c.asString().getBytes(StandardCharsets.UTF_8);
                if (b.length > maxFieldSize) {
                    throw dirty(columnName, type, null, "has " + b.length + " bytes, more than the field size limit "
                            + maxFieldSize);
                }
                return b;
            }
            case DATE: {
                if (c.getType() != Column.Type.DATE) {
                    throw dirty(columnName, type, c, "is not a date (source type " + c.getType() + ")");
                }
                LocalDate d = Instant.ofEpochMilli((Long) c.getRawData()).atZone(zone).toLocalDate();
                checkYear(d.getYear(), columnName, type, c);
                return d;
            }
            case DATETIME:
            case TIMESTAMP: {
                if (c.getType() != Column.Type.DATE) {
                    throw dirty(columnName, type, c, "is not a date-time (source type " + c.getType() + ")");
                }
                Instant i = Instant.ofEpochMilli((Long) c.getRawData());
                checkYear(i.atZone(zone).getYear(), columnName, type, c);
                return i;
            }
            default:
                throw new IllegalArgumentException("type " + type + " is not a scalar type");
        }
    }

    /** [+-]digits[.digits][(e|E)[+-]digits], ASCII, at most 64 characters: text Double.parseDouble reads as BigDecimal does. */
    static boolean plainDecimal(String s) {
        int n = s.length();
        if (n == 0 || n > 64) {
            return false;
        }
        int i = 0;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            i++;
        }
        int digits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                exp++;
            }
            if (exp == 0 || exp > 4) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isSpecial(String s) {
        return s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity");
    }

    private static void checkYear(int year, String col, MaxComputeType type, Column c) throws DirtyValueException {
        if (year < 1 || year > 9999) {
            throw dirty(col, type, c, "is outside 0001-01-01 .. 9999-12-31");
        }
    }

    private static long integer(Column c, MaxComputeType type, String col, long min, long max)
            throws DirtyValueException {
        Object raw = c.getRawData();
        if (raw instanceof Long || raw instanceof Integer) { // the usual LongColumn: no text, no BigDecimal
            long l = ((Number) raw).longValue();
            if (l < min || l > max) {
                throw dirty(col, type, c, "is out of range [" + min + ", " + max + "]");
            }
            return l;
        }
        BigDecimal v = number(c, type, col);
        if (v.signum() != 0 && v.stripTrailingZeros().scale() > 0) {
            throw dirty(col, type, c, "has a fractional part");
        }
        if (v.compareTo(LONG_MIN) < 0 || v.compareTo(LONG_MAX) > 0) {
            throw dirty(col, type, c, "is out of range");
        }
        long l = v.longValueExact();
        if (l < min || l > max) {
            throw dirty(col, type, c, "is out of range [" + min + ", " + max + "]");
        }
        return l;
    }

    private static BigDecimal number(Column c, MaxComputeType type, String col) throws DirtyValueException {
        Object raw = c.getRawData();
        switch (c.getType()) {
            case LONG:
            case INT:
                return raw instanceof BigInteger ? new BigDecimal((BigInteger) raw) : new BigDecimal(raw.toString());
            case BOOL:
                return ((Boolean) raw) ? BigDecimal.ONE : BigDecimal.ZERO;
            case DOUBLE:
            case STRING: {
                String s = raw.toString().trim();
                if (isSpecial(s)) {
                    throw dirty(col, type, c, "is " + s);
                }
                try {
                    return new BigDecimal(s);
                } catch (NumberFormatException e) {
                    throw dirty(col, type, c, "is not a number");
                }
            }
            default:
                throw dirty(col, type, c, "cannot be converted (source type " + c.getType() + ")");
        }
    }

    private static Boolean bool(Column c, MaxComputeType type, String col) throws DirtyValueException {
        switch (c.getType()) {
            case BOOL:
                return (Boolean) c.getRawData();
            case LONG:
            case INT: {
                BigDecimal v = number(c, type, col);
                if (v.compareTo(BigDecimal.ZERO) == 0 || v.compareTo(BigDecimal.ONE) == 0) {
                    return v.signum() != 0;
                }
                throw dirty(col, type, c, "is neither 0 nor 1");
            }
            case STRING: {
                String s = c.asString().trim();
                if (s.equalsIgnoreCase("true") || s.equals("1")) {
                    return true;
                }
                if (s.equalsIgnoreCase("false") || s.equals("0")) {
                    return false;
                }
                throw dirty(col, type, c, "is not a boolean");
            }
            default:
                throw dirty(col, type, c, "cannot be converted (source type " + c.getType() + ")");
        }
    }

    private static DirtyValueException dirty(String col, MaxComputeType type, Column c, String why) {
        String shown = "";
        if (c != null) {
            String s = String.valueOf(c.getRawData());
            shown = " '" + (s.length() > 64 ? s.substring(0, 64) + "..." : s) + "'";
        }
        return new DirtyValueException("column '" + col + "' (" + type + "): value" + shown + " " + why);
    }
}
