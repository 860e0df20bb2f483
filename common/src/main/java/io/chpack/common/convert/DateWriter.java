package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;
import io.chpack.common.rowbinary.RowBinaryOutput;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Date (1970-01-01…2149-06-06) and Date32 (1900-01-01…2299-12-31). From a DateColumn: the calendar day
 * of its instant in {@link ConversionOptions#defaultZone()} (the server's zone, else the configured
 * one; a Date has no zone of its own) — whatever the sub-type, so a DATETIME keeps only its day. From
 * text ({@link DateTimeText} forms): {@code yyyy-MM-dd} is that day; a zone-less date-time keeps its date
 * part; a date-time with Z / offset is the day of that instant in the default zone. Days outside the
 * type's range are rejected, never clamped or turned into 1970-01-01.
 */
final class DateWriter extends ScalarWriter {
    private static final long DATE32_MIN = LocalDate.of(1900, 1, 1).toEpochDay();
    private static final long DATE32_MAX = LocalDate.of(2299, 12, 31).toEpochDay();

    private final boolean date32;
    private final long minDay;
    private final long maxDay;
    private final ZoneId zone;

    DateWriter(ClickHouseType type, ConversionOptions options) {
        super(type, options);
        this.date32 = type.kind() == ClickHouseTypeKind.DATE32;
        this.minDay = date32 ? DATE32_MIN : 0;
        this.maxDay = date32 ? DATE32_MAX : 0xFFFF;
        this.zone = options.defaultZone();
    }

    private void writeDay(long day, RowBinaryOutput out) throws IOException {
        if (day < minDay || day > maxDay) {
            throw new Reject("day " + (Math.abs(day) < 100_000_000L ? LocalDate.ofEpochDay(day).toString() : day + " (epoch day)")
                    + " is outside the range of " + type + " [" + LocalDate.ofEpochDay(minDay) + ", "
                    + LocalDate.ofEpochDay(maxDay) + "]");
        }
        if (date32) {
            out.writeInt32(day);
        } else {
            out.writeUInt16(day);
        }
    }

    static long dayOf(long epochSecond, ZoneId zone) {
        int offset = zone.getRules().getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
        return Math.floorDiv(epochSecond + offset, 86400L);
    }

    @Override
    void fromDate(DateColumn c, long epochMillis, RowBinaryOutput out) throws IOException {
        writeDay(dayOf(Math.floorDiv(epochMillis, 1000L), zone), out);
    }

    @Override
    void fromString(Column c, String s, RowBinaryOutput out) throws IOException {
        DateTimeText t = DateTimeText.parse(s);
        if (t.hasOffset()) {
            writeDay(dayOf(t.offsetEpochSecond(), zone), out);
        } else {
            writeDay(t.date.toEpochDay(), out);
        }
    }

    /** 1970-01-01 for Date, 1900-01-01 (its zero day) for Date32, as ClickHouse. */
    @Override
    void writeDefault(RowBinaryOutput out) throws IOException {
        writeDay(minDay, out);
    }
}
