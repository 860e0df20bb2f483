package io.chpack.odpswriterext.codec;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.StringColumn;
import com.aliyun.odps.OdpsType;
import com.aliyun.odps.data.Binary;
import com.aliyun.odps.data.Char;
import com.aliyun.odps.data.SimpleStruct;
import com.aliyun.odps.data.Varchar;
import com.aliyun.odps.type.ArrayTypeInfo;
import com.aliyun.odps.type.MapTypeInfo;
import com.aliyun.odps.type.StructTypeInfo;
import com.aliyun.odps.type.TypeInfo;

import io.chpack.common.json.JsonNumber;
import io.chpack.common.json.JsonObject;
import io.chpack.common.json.JsonParser;
import io.chpack.common.json.JsonSyntaxException;
import io.chpack.common.mapping.MaxComputeType;
import io.chpack.common.mapping.MaxComputeTypeKind;

/**
 * DataX {@link Column} → the value an SDK {@code ArrayRecord} takes for one MaxCompute column, built once per
 * column from the table's {@link TypeInfo}. Scalars go through {@link ScalarConverter} (range, length, scale
 * checks) and are wrapped as the SDK wants them (Varchar, Char, Binary, LocalDate, ZonedDateTime for DATETIME,
 * Instant for TIMESTAMP). Date-time text (ClickHouse DateTime64 read as text) is accepted for DATE, DATETIME and
 * TIMESTAMP. ARRAY, MAP and STRUCT take JSON text (what clickhousereader emits): a JSON array, a JSON object
 * (keys converted to the key type), and a JSON array of the fields in order or an object by field name; elements
 * follow the same rules. Every failure is a {@link DirtyValueException} naming the column and the position.
 */
public final class ValueConverter {
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().optionalStart().appendLiteral(' ').optionalEnd().optionalStart().appendLiteral('T')
            .optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private final ScalarConverter scalars;
    private final ZoneId zone;

    public ValueConverter(boolean emptyAsNull, long maxFieldSize, ZoneId zone) {
        this.scalars = new ScalarConverter(emptyAsNull, maxFieldSize, zone);
        this.zone = zone;
    }

    /** The conversion plan of one column type (parsed once). */
    public static final class Target {
        final TypeInfo info;
        final OdpsType odpsType;
        final MaxComputeType scalar; // null for complex types
        final Target[] children;

        Target(TypeInfo info) {
            this.info = info;
            this.odpsType = info.getOdpsType();
            switch (odpsType) {
                case ARRAY:
                    scalar = null;
                    children = new Target[] {new Target(((ArrayTypeInfo) info).getElementTypeInfo())};
                    break;
                case MAP:
                    scalar = null;
                    children = new Target[] {new Target(((MapTypeInfo) info).getKeyTypeInfo()),
                        new Target(((MapTypeInfo) info).getValueTypeInfo())};
                    break;
                case STRUCT: {
                    scalar = null;
                    List<TypeInfo> fields = ((StructTypeInfo) info).getFieldTypeInfos();
                    children = new Target[fields.size()];
                    for (int i = 0; i < children.length; i++) {
                        children[i] = new Target(fields.get(i));
                    }
                    break;
                }
                default:
                    scalar = MaxComputeType.parse(info.getTypeName());
                    children = null;
            }
        }

        @Override
        public String toString() {
            return info.getTypeName();
        }
    }

    public static Target target(TypeInfo info) {
        return new Target(info);
    }

    /** Null for SQL NULL. */
    public Object convert(Column c, Target t, String column) throws DirtyValueException {
        if (c == null || c.getRawData() == null) {
            return null;
        }
        if (t.scalar == null) {
            String text;
            if (c.getType() == Column.Type.STRING) {
                text = c.asString();
            } else if (c.getType() == Column.Type.BYTES) {
                text = new String((byte[]) c.getRawData(), StandardCharsets.UTF_8);
            } else {
                throw new DirtyValueException("column '" + column + "' (" + t + "): a " + c.getType()
                        + " column cannot be " + t.odpsType + "; expected JSON text");
            }
            Object json;
            try {
                json = JsonParser.parse(text);
            } catch (JsonSyntaxException e) {
                throw new DirtyValueException("column '" + column + "' (" + t + "): not valid JSON: " + e.getMessage());
            }
            return fromJson(json, t, column, "");
        }
        return scalar(c, t, column);
    }

    private Object scalar(Column c, Target t, String column) throws DirtyValueException {
        MaxComputeTypeKind k = t.scalar.kind();
        if (c.getType() == Column.Type.STRING || c.getType() == Column.Type.DOUBLE) {
            String s = c.getRawData().toString().trim();
            if ((k == MaxComputeTypeKind.DOUBLE || k == MaxComputeTypeKind.FLOAT) && special(s) != null) {
                double d = special(s);
                return k == MaxComputeTypeKind.FLOAT ? (Object) (float) d : (Object) d;
            }
            if (c.getType() == Column.Type.STRING && (k == MaxComputeTypeKind.DATE || k == MaxComputeTypeKind.DATETIME
                    || k == MaxComputeTypeKind.TIMESTAMP)) {
                return temporalText(s, t, column);
            }
        }
        return wrap(scalars.convert(c, t.scalar, column), t);
    }

    private Object wrap(Object v, Target t) {
        if (v == null) {
            return null;
        }
        switch (t.scalar.kind()) {
            case VARCHAR:
                return new Varchar((String) v, t.scalar.length());
            case CHAR:
                return new Char((String) v, t.scalar.length());
            case BINARY:
                return new Binary((byte[]) v);
            case DATETIME:
                return ZonedDateTime.ofInstant((Instant) v, zone);
            default:
                return v;
        }
    }

    private Object temporalText(String s, Target t, String column) throws DirtyValueException {
        MaxComputeTypeKind k = t.scalar.kind();
        Instant instant;
        LocalDate date = null;
        try {
            if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                instant = OffsetDateTime.parse(s.replace(' ', 'T')).toInstant();
            } else if (s.length() == 10) {
                date = LocalDate.parse(s);
                instant = date.atStartOfDay(zone).toInstant();
            } else {
                instant = LocalDateTime.parse(s, LOCAL).atZone(zone).toInstant();
            }
        } catch (DateTimeParseException e) {
            throw new DirtyValueException("column '" + column + "' (" + t + "): value '" + shorten(s)
                    + "' is not a date-time (yyyy-MM-dd[ HH:mm:ss[.fffffffff]][Z|±hh:mm])");
        }
        int year = instant.atZone(zone).getYear();
        if (year < 1 || year > 9999) {
            throw new DirtyValueException("column '" + column + "' (" + t + "): value '" + shorten(s)
                    + "' is outside 0001-01-01 .. 9999-12-31");
        }
        switch (k) {
            case DATE: {
                LocalDate d = date != null ? date : instant.atZone(zone).toLocalDate();
                if (date == null && !instant.atZone(zone).toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
                    throw new DirtyValueException("column '" + column + "' (" + t + "): value '" + shorten(s)
                            + "' has a time of day; DATE holds days only");
                }
                return d;
            }
            case DATETIME:
                if (instant.getNano() % 1_000_000 != 0) {
                    throw new DirtyValueException("column '" + column + "' (" + t + "): value '" + shorten(s)
                            + "' has digits below a millisecond; DATETIME holds milliseconds (use TIMESTAMP)");
                }
                return ZonedDateTime.ofInstant(instant, zone);
            default:
                return instant;
        }
    }

    private static Double special(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "nan":
            case "+nan":
            case "-nan":
                return Double.NaN;
            case "inf":
            case "+inf":
            case "infinity":
            case "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf":
            case "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                return null;
        }
    }

    private Object fromJson(Object json, Target t, String column, String path) throws DirtyValueException {
        if (json == null) {
            return null;
        }
        String where = column + path;
        switch (t.odpsType) {
            case ARRAY: {
                if (!(json instanceof List)) {
                    throw shape(where, t, json, "a JSON array");
                }
                List<?> in = (List<?>) json;
                List<Object> out = new ArrayList<>(in.size());
                for (int i = 0; i < in.size(); i++) {
                    out.add(fromJson(in.get(i), t.children[0], column, path + "[" + i + "]"));
                }
                return out;
            }
            case MAP: {
                if (!(json instanceof JsonObject)) {
                    throw shape(where, t, json, "a JSON object");
                }
                JsonObject o = (JsonObject) json;
                Map<Object, Object> out = new LinkedHashMap<>();
                for (int i = 0; i < o.size(); i++) {
                    Object key = fromJson(o.nameAt(i), t.children[0], column, path + " key " + i);
                    Object value = fromJson(o.valueAt(i), t.children[1], column, path + "[\"" + o.nameAt(i) + "\"]");
                    if (out.containsKey(key)) {
                        throw new DirtyValueException("column '" + where + "' (" + t + "): map key '"
                                + shorten(o.nameAt(i)) + "' appears twice");
                    }
                    out.put(key, value);
                }
                return out;
            }
            case STRUCT: {
                StructTypeInfo st = (StructTypeInfo) t.info;
                List<String> names = st.getFieldNames();
                List<Object> values = new ArrayList<>(names.size());
                if (json instanceof List) {
                    List<?> in = (List<?>) json;
                    if (in.size() != names.size()) {
                        throw new DirtyValueException("column '" + where + "' (" + t + "): a JSON array of "
                                + in.size() + " elements cannot fill " + names.size() + " struct fields");
                    }
                    for (int i = 0; i < names.size(); i++) {
                        values.add(fromJson(in.get(i), t.children[i], column, path + "." + names.get(i)));
                    }
                } else if (json instanceof JsonObject) {
                    JsonObject o = (JsonObject) json;
                    Set<String> known = new HashSet<>();
                    for (int i = 0; i < names.size(); i++) {
                        Object v = null;
                        for (int j = 0; j < o.size(); j++) {
                            if (o.nameAt(j).equalsIgnoreCase(names.get(i))) {
                                v = o.valueAt(j);
                            }
                        }
                        known.add(names.get(i).toLowerCase(Locale.ROOT));
                        values.add(fromJson(v, t.children[i], column, path + "." + names.get(i)));
                    }
                    for (String n : o.names()) {
                        if (!known.contains(n.toLowerCase(Locale.ROOT))) {
                            throw new DirtyValueException("column '" + where + "' (" + t + "): the struct has no field '"
                                    + shorten(n) + "'");
                        }
                    }
                } else {
                    throw shape(where, t, json, "a JSON array or object");
                }
                return new SimpleStruct(st, values);
            }
            default:
                return scalarFromJson(json, t, where);
        }
    }

    private Object scalarFromJson(Object json, Target t, String where) throws DirtyValueException {
        if (json instanceof List || json instanceof JsonObject) {
            throw shape(where, t, json, "a JSON scalar");
        }
        Column c;
        if (json instanceof Boolean) {
            c = new BoolColumn((Boolean) json);
        } else if (json instanceof JsonNumber) {
            JsonNumber n = (JsonNumber) json;
            c = n.isIntegerLiteral() ? new LongColumn(new BigInteger(n.text())) : new StringColumn(n.text());
        } else {
            c = new StringColumn((String) json);
        }
        return scalar(c, t, where);
    }

    private static DirtyValueException shape(String where, Target t, Object json, String expected) {
        String got = json instanceof List ? "a JSON array" : json instanceof JsonObject ? "a JSON object"
                : json instanceof String ? "a JSON string" : "a JSON " + json.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        return new DirtyValueException("column '" + where + "' (" + t + "): " + got + " is not " + expected);
    }

    private static String shorten(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "..." : s;
    }
}
