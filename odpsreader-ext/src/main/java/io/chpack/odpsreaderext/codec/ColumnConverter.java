package io.chpack.odpsreaderext.codec;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.StringColumn;
import com.aliyun.odps.OdpsType;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.data.Binary;
import com.aliyun.odps.data.Struct;
import com.aliyun.odps.type.ArrayTypeInfo;
import com.aliyun.odps.type.MapTypeInfo;
import com.aliyun.odps.type.StructTypeInfo;
import com.aliyun.odps.type.TypeInfo;

import io.chpack.common.json.JsonStrings;

/**
 * One MaxCompute value → a DataX {@link Column}, chosen by the column's type only (never by the value), so a
 * column's values (and NULLs) always have one Column class:
 * integers → Long; FLOAT/DOUBLE → Double (shortest round-trip text, NaN/Infinity); DECIMAL → Double holding the
 * exact decimal text; BOOLEAN → Bool; STRING/VARCHAR/CHAR/JSON → String; BINARY → Bytes; DATE → Date at midnight
 * in {@code timeZone}; DATETIME → Date (ms); TIMESTAMP → Date (ms) or, with {@code timestampAsText}, text with
 * nanoseconds in {@code timeZone}; TIMESTAMP_NTZ → text; ARRAY/MAP/STRUCT → compact JSON text (what clickhousewriter
 * takes for Array/Map/Tuple: STRUCT as a JSON array of its fields in order).
 */
public final class ColumnConverter {
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd HH:mm:ss").optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().toFormatter(Locale.ROOT);

    private final ZoneId zone;
    private final boolean timestampAsText;

    public ColumnConverter(ZoneId zone, boolean timestampAsText) {
        this.zone = zone;
        this.timestampAsText = timestampAsText;
    }

    /** Column {@code i} of {@code r}, whose type is {@code t}. */
    public Column convert(ArrayRecord r, int i, TypeInfo t) {
        Object v = r.get(i);
        OdpsType k = t.getOdpsType();
        switch (k) {
            case TINYINT:
            case SMALLINT:
            case INT:
            case BIGINT:
                return new LongColumn(v == null ? null : ((Number) v).longValue());
            case FLOAT:
                return new DoubleColumn(v == null ? null : floatText(((Number) v).floatValue()));
            case DOUBLE:
                return new DoubleColumn(v == null ? null : doubleText(((Number) v).doubleValue()));
            case DECIMAL:
                return new DoubleColumn(v == null ? null : ((BigDecimal) v).toPlainString());
            case BOOLEAN:
                return new BoolColumn((Boolean) v);
            case BINARY:
                return new BytesColumn(v == null ? null : binary(v));
            case DATE:
                return new DateColumn(v == null ? null : r.getDateAsLocalDate(i).atStartOfDay(zone).toInstant()
                        .toEpochMilli());
            case DATETIME:
                return new DateColumn(v == null ? null : r.getDatetimeAsZonedDateTime(i).toInstant().toEpochMilli());
            case TIMESTAMP:
                if (v == null) {
                    return timestampAsText ? new StringColumn(null) : new DateColumn((Long) null);
                }
                Instant ts = r.getTimestampAsInstant(i);
                return timestampAsText ? new StringColumn(DATE_TIME.format(ts.atZone(zone)))
                        : new DateColumn(ts.toEpochMilli());
            case TIMESTAMP_NTZ:
                return new StringColumn(v == null ? null : DATE_TIME.format(r.getTimestampNtz(i)));
            case ARRAY:
            case MAP:
            case STRUCT:
                return new StringColumn(v == null ? null : json(new StringBuilder(), v, t).toString());
            case STRING:
                if (v instanceof byte[]) {
                    return new StringColumn(new String((byte[]) v, StandardCharsets.UTF_8));
                }
                return new StringColumn(v == null ? null : v.toString());
            default:
                return new StringColumn(v == null ? null : v.toString());
        }
    }

    static String floatText(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            return Float.isNaN(f) ? "NaN" : f > 0 ? "Infinity" : "-Infinity";
        }
        return new BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString();
    }

    static String doubleText(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
        }
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    private static byte[] binary(Object v) {
        return v instanceof Binary ? ((Binary) v).data() : v instanceof byte[] ? (byte[]) v
                : v.toString().getBytes(StandardCharsets.UTF_8);
    }

    private StringBuilder json(StringBuilder sb, Object v, TypeInfo t) {
        if (v == null) {
            return sb.append("null");
        }
        switch (t.getOdpsType()) {
            case ARRAY: {
                TypeInfo e = ((ArrayTypeInfo) t).getElementTypeInfo();
                sb.append('[');
                boolean first = true;
                for (Object o : (List<?>) v) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    json(sb, o, e);
                }
                return sb.append(']');
            }
            case MAP: {
                MapTypeInfo m = (MapTypeInfo) t;
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> en : ((Map<?, ?>) v).entrySet()) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    JsonStrings.appendQuoted(sb, text(en.getKey(), m.getKeyTypeInfo()));
                    sb.append(':');
                    json(sb, en.getValue(), m.getValueTypeInfo());
                }
                return sb.append('}');
            }
            case STRUCT: {
                StructTypeInfo s = (StructTypeInfo) t;
                List<Object> fields = ((Struct) v).getFieldValues();
                sb.append('[');
                for (int i = 0; i < fields.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    json(sb, fields.get(i), s.getFieldTypeInfos().get(i));
                }
                return sb.append(']');
            }
            case TINYINT:
            case SMALLINT:
            case INT:
            case BIGINT:
                return sb.append(((Number) v).longValue());
            case FLOAT: {
                float f = ((Number) v).floatValue();
                return Float.isNaN(f) || Float.isInfinite(f) ? JsonStrings.appendQuoted(sb, floatText(f))
                        : sb.append(floatText(f));
            }
            case DOUBLE: {
                double d = ((Number) v).doubleValue();
                return Double.isNaN(d) || Double.isInfinite(d) ? JsonStrings.appendQuoted(sb, doubleText(d))
                        : sb.append(doubleText(d));
            }
            case DECIMAL:
                return sb.append(((BigDecimal) v).toPlainString());
            case BOOLEAN:
                return sb.append(((Boolean) v) ? "true" : "false");
            default:
                return JsonStrings.appendQuoted(sb, text(v, t));
        }
    }

    /** Text of a scalar element (dates in {@code timeZone}). */
    private String text(Object v, TypeInfo t) {
        switch (t.getOdpsType()) {
            case DATE:
                if (v instanceof LocalDate) {
                    return v.toString();
                }
                if (v instanceof java.sql.Date) {
                    return ((java.sql.Date) v).toLocalDate().toString();
                }
                return Instant.ofEpochMilli(((java.util.Date) v).getTime()).atZone(zone).toLocalDate().toString();
            case DATETIME:
            case TIMESTAMP:
                return DATE_TIME.format(instant(v).atZone(zone));
            case TIMESTAMP_NTZ:
                return v instanceof LocalDateTime ? DATE_TIME.format((LocalDateTime) v) : v.toString();
            case BINARY:
                return new String(binary(v), StandardCharsets.UTF_8);
            case DECIMAL:
                return ((BigDecimal) v).toPlainString();
            case FLOAT:
                return floatText(((Number) v).floatValue());
            case DOUBLE:
                return doubleText(((Number) v).doubleValue());
            default:
                return v instanceof byte[] ? new String((byte[]) v, StandardCharsets.UTF_8) : v.toString();
        }
    }

    private static Instant instant(Object v) {
        if (v instanceof Instant) {
            return (Instant) v;
        }
        if (v instanceof ZonedDateTime) {
            return ((ZonedDateTime) v).toInstant();
        }
        if (v instanceof java.sql.Timestamp) {
            return ((java.sql.Timestamp) v).toInstant();
        }
        if (v instanceof java.util.Date) {
            return Instant.ofEpochMilli(((java.util.Date) v).getTime());
        }
        if (v instanceof java.time.OffsetDateTime) {
            return ((java.time.OffsetDateTime) v).toInstant();
        }
        throw new IllegalArgumentException("not a date-time value: " + v.getClass().getName());
    }
}
