package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryOutput;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * String from any Column: StringColumn as UTF-8 (text with an unpaired surrogate is rejected — it has no
 * UTF-8 form and would silently become '?'); BytesColumn as its raw bytes; LongColumn as decimal digits;
 * DoubleColumn as its exact text unchanged; BoolColumn as {@code true} / {@code false}; DateColumn by its
 * sub-type in {@link ConversionOptions#defaultZone()} (the server's zone, else the configured one):
 * DATE {@code yyyy-MM-dd}, TIME {@code HH:mm:ss[.SSS]}, DATETIME {@code yyyy-MM-dd HH:mm:ss[.SSS]} — the
 * milliseconds only when not zero.
 */
final class StringWriter extends ScalarWriter {
    private final ZoneId zone;

    StringWriter(ClickHouseType type, ConversionOptions options) {
        super(type, options);
        this.zone = options.defaultZone();
    }

    @Override
    void fromString(Column c, String s, RowBinaryOutput out) throws IOException {
        if (!out.writeStringUtf8(s)) { // only text with an unpaired surrogate is refused
            Utf8Check.requireUnicode(s);
            out.writeString(s);
        }
    }

    @Override
    void fromBytes(Column c, byte[] b, RowBinaryOutput out) throws IOException {
        out.writeString(b);
    }

    @Override
    void fromLong(Column c, BigInteger v, RowBinaryOutput out) throws IOException {
        out.writeString(v.toString());
    }

    @Override
    void fromDouble(Column c, String text, RowBinaryOutput out) throws IOException {
        out.writeString(text);
    }

    @Override
    void fromBool(Column c, boolean b, RowBinaryOutput out) throws IOException {
        out.writeString(b ? "true" : "false");
    }

    @Override
    void fromDate(DateColumn c, long epochMillis, RowBinaryOutput out) throws IOException {
        out.writeString(dateText(c, epochMillis, zone));
    }

    @Override
    void writeDefault(RowBinaryOutput out) throws IOException {
        out.writeVarUInt(0);
    }

    /** The text of a DateColumn, per its sub-type, in {@code zone}. */
    static String dateText(DateColumn c, long epochMillis, ZoneId zone) {
        long sec = Math.floorDiv(epochMillis, 1000L);
        int nano = (int) Math.floorMod(epochMillis, 1000L) * 1_000_000;
        int digits = nano == 0 ? 0 : 3;
        DateColumn.DateType sub = c == null ? DateColumn.DateType.DATETIME : c.getSubType();
        if (sub == DateColumn.DateType.DATE) {
            int offset = zone.getRules().getOffset(Instant.ofEpochSecond(sec)).getTotalSeconds();
            return DateTimeRender.date(LocalDate.ofEpochDay(Math.floorDiv(sec + offset, 86400L)));
        }
        if (sub == DateColumn.DateType.TIME) {
            int offset = zone.getRules().getOffset(Instant.ofEpochSecond(sec)).getTotalSeconds();
            int secOfDay = (int) Math.floorMod(sec + offset, 86400L);
            return DateTimeRender.appendTime(new StringBuilder(12), secOfDay, nano, digits).toString();
        }
        return DateTimeRender.dateTime(sec, nano, digits, zone);
    }

    /** UTF-8 bytes of what {@link StringWriter} would write, for FixedString. */
    static byte[] bytesOf(Column c, Object raw, ZoneId zone) {
        switch (c.getType()) {
            case BYTES:
                return (byte[]) raw;
            case STRING:
                Utf8Check.requireUnicode((String) raw);
                return ((String) raw).getBytes(StandardCharsets.UTF_8);
            case LONG:
            case INT:
                return raw.toString().getBytes(StandardCharsets.US_ASCII);
            case DOUBLE:
                return ((String) raw).getBytes(StandardCharsets.UTF_8);
            case BOOL:
                return (((Boolean) raw) ? "true" : "false").getBytes(StandardCharsets.US_ASCII);
            case DATE:
                return dateText(c instanceof DateColumn ? (DateColumn) c : null, (Long) raw, zone)
                        .getBytes(StandardCharsets.US_ASCII);
            default:
                return null;
        }
    }
}
