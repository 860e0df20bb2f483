package io.chpack.kafkareader.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.StringColumn;

import io.chpack.common.json.JsonNumber;
import io.chpack.common.json.JsonObject;
import io.chpack.common.json.JsonStrings;
import io.chpack.kafkareader.config.ColumnSpec;
import io.chpack.kafkareader.config.JsonPath;

/** Values (JSON, text, bytes, message attributes) → DataX columns of the configured type, exactly or dirty. */
final class Values {
    private final Charset charset;
    private final ZoneId zone;
    private final boolean missingAsNull;

    Values(Charset charset, ZoneId zone, boolean missingAsNull) {
        this.charset = charset;
        this.zone = zone;
        this.missingAsNull = missingAsNull;
    }

    static Column nullOf(ColumnSpec.Type t) {
        switch (t) {
            case LONG: return new LongColumn((BigInteger) null);
            case DOUBLE: return new DoubleColumn((String) null);
            case BOOL: return new BoolColumn((Boolean) null);
            case DATE: return new DateColumn((Long) null);
            case BYTES: return new BytesColumn(null);
            default: return new StringColumn(null);
        }
    }

    /** A parsed JSON value (or {@link JsonPath#MISSING}) as column {@code c}. */
    Column fromJson(ColumnSpec c, Object v) throws DirtyMessageException {
        if (v == JsonPath.MISSING) {
            if (missingAsNull) {
                return nullOf(c.type);
            }
            throw new DirtyMessageException("field '" + c.path + "' (column " + c.name + ") is missing");
        }
        if (v == null) {
            return nullOf(c.type);
        }
        switch (c.type) {
            case AUTO:
                if (v instanceof String) {
                    return new StringColumn((String) v);
                }
                if (v instanceof Boolean) {
                    return new BoolColumn((Boolean) v);
                }
                if (v instanceof JsonNumber) {
                    JsonNumber n = (JsonNumber) v;
                    return n.isIntegerLiteral() ? new LongColumn(new BigInteger(n.text())) : new DoubleColumn(n.text());
                }
                return new StringColumn(JsonText.of(v));
            case STRING:
                return new StringColumn(v instanceof String ? (String) v : JsonText.of(v));
            case BYTES:
                return new BytesColumn((v instanceof String ? (String) v : JsonText.of(v)).getBytes(charset));
            case BOOL:
                if (v instanceof Boolean) {
                    return new BoolColumn((Boolean) v);
                }
                if (v instanceof JsonNumber || v instanceof String) {
                    return fromText(c, v.toString(), v);
                }
                throw bad(c, v, "not a boolean");
            default:
                if (v instanceof JsonNumber || v instanceof String) {
                    return fromText(c, v.toString(), v);
                }
                if (v instanceof Boolean && c.type == ColumnSpec.Type.LONG) {
                    return new LongColumn(((Boolean) v) ? 1L : 0L);
                }
                throw bad(c, v, "not a " + c.type.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** Text (CSV field, string value) as column {@code c}; null text is NULL. */
    Column fromText(ColumnSpec c, String s, Object shown) throws DirtyMessageException {
        if (s == null) {
            return nullOf(c.type);
        }
        switch (c.type) {
            case AUTO:
            case STRING:
                return new StringColumn(s);
            case BYTES:
                return new BytesColumn(s.getBytes(charset));
            case LONG:
                try {
                    BigDecimal d = new BigDecimal(s.trim());
                    return new LongColumn(d.toBigIntegerExact());
                } catch (NumberFormatException | ArithmeticException e) {
                    throw bad(c, shown, "not an integer");
                }
            case DOUBLE:
                String t = s.trim();
                try {
                    if (!t.equalsIgnoreCase("nan") && !t.equalsIgnoreCase("infinity") && !t.equalsIgnoreCase("-infinity")
                            && !t.equalsIgnoreCase("inf") && !t.equalsIgnoreCase("-inf")) {
                        new BigDecimal(t);
                    }
                    return new DoubleColumn(t.equalsIgnoreCase("inf") ? "Infinity"
                            : t.equalsIgnoreCase("-inf") ? "-Infinity" : t);
                } catch (RuntimeException e) {
                    throw bad(c, shown, "not a number");
                }
            case BOOL:
                String b = s.trim();
                if (b.equalsIgnoreCase("true") || b.equals("1")) {
                    return new BoolColumn(Boolean.TRUE);
                }
                if (b.equalsIgnoreCase("false") || b.equals("0")) {
                    return new BoolColumn(Boolean.FALSE);
                }
                throw bad(c, shown, "not a boolean");
            case DATE:
                return new DateColumn(Long.valueOf(parseInstant(c, s.trim(), shown)));
            default:
                throw new IllegalStateException(c.type.name());
        }
    }

    private long parseInstant(ColumnSpec c, String s, Object shown) throws DirtyMessageException {
        if (!s.isEmpty() && (Character.isDigit(s.charAt(0)) || s.charAt(0) == '-') && s.indexOf('-', 1) < 0
                && s.indexOf(':') < 0) {
            try {
                return new BigDecimal(s).toBigIntegerExact().longValueExact(); // epoch milliseconds
            } catch (NumberFormatException | ArithmeticException e) {
                throw bad(c, shown, "not epoch milliseconds");
            }
        }
        String t = s.indexOf(' ') == 10 ? s.substring(0, 10) + 'T' + s.substring(11) : s;
        try {
            return OffsetDateTime.parse(t).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return Instant.parse(t).toEpochMilli();
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return LocalDateTime.parse(t).atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return LocalDate.parse(t).atStartOfDay(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw bad(c, shown, "not a date-time (epoch milliseconds or ISO-8601)");
        }
    }

    /** Bytes (key, value, header) as column {@code c}: text in the configured charset, or raw for type bytes. */
    Column fromBytes(ColumnSpec c, byte[] b) throws DirtyMessageException {
        if (b == null) {
            return nullOf(c.type);
        }
        if (c.type == ColumnSpec.Type.BYTES) {
            return new BytesColumn(b);
        }
        String s = decode(b, c.name);
        return fromText(c, s, s);
    }

    /** One decoder per codec (codecs are per task, single-threaded). */
    private CharsetDecoder decoder;

    String decode(byte[] b, String what) throws DirtyMessageException {
        if (decoder == null) {
            decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }
        try {
            return decoder.reset().decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new DirtyMessageException(what + " is not valid " + charset.name() + " (" + e + ")");
        }
    }

    /** A message attribute (not the Debezium ones). */
    Column meta(ColumnSpec c, ConsumerRecord<byte[], byte[]> m) throws DirtyMessageException {
        switch (c.meta) {
            case KEY:
                return fromBytes(c, m.key());
            case VALUE:
                return fromBytes(c, m.value());
            case HEADER:
                Header h = m.headers().lastHeader(c.headerName);
                return fromBytes(c, h == null ? null : h.value());
            case HEADERS: {
                StringBuilder sb = new StringBuilder("{");
                boolean first = true;
                for (Header h2 : m.headers()) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    JsonStrings.appendQuoted(sb, h2.key()).append(':');
                    if (h2.value() == null) {
                        sb.append("null");
                    } else {
                        JsonStrings.appendQuoted(sb, decode(h2.value(), "header " + h2.key()));
                    }
                }
                String json = sb.append('}').toString();
                return fromText(c, json, json);
            }
            case TOPIC:
                return fromText(c, m.topic(), m.topic());
            case PARTITION:
                return c.type == ColumnSpec.Type.AUTO ? new LongColumn(Long.valueOf(m.partition()))
                        : fromText(c, Integer.toString(m.partition()), m.partition());
            case OFFSET:
                return c.type == ColumnSpec.Type.AUTO ? new LongColumn(Long.valueOf(m.offset()))
                        : fromText(c, Long.toString(m.offset()), m.offset());
            case TIMESTAMP:
                if (c.type == ColumnSpec.Type.AUTO || c.type == ColumnSpec.Type.DATE) {
                    return new DateColumn(Long.valueOf(m.timestamp()));
                }
                if (c.type == ColumnSpec.Type.STRING) {
                    return new StringColumn(Instant.ofEpochMilli(m.timestamp()).toString());
                }
                return fromText(c, Long.toString(m.timestamp()), m.timestamp());
            case TIMESTAMP_TYPE:
                return fromText(c, m.timestampType().name, m.timestampType().name);
            default:
                throw new IllegalStateException("meta column " + c.meta + " outside a debezium codec");
        }
    }

    static DirtyMessageException bad(ColumnSpec c, Object v, String why) {
        String shown = v instanceof String ? JsonStrings.quote(abbreviate((String) v))
                : v instanceof JsonObject || v instanceof List ? abbreviate(JsonText.of(v)) : String.valueOf(v);
        return new DirtyMessageException("column " + c.name + (c.path != null ? " (" + c.path + ")" : "") + ": "
                + shown + " is " + why);
    }

    static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…(" + s.length() + " chars)";
    }
}
