package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;
import io.chpack.common.rowbinary.RowBinaryInput;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Date / Date32 → DateColumn of sub-type DATE at the start of that day in
 * {@link ConversionOptions#defaultZone()} (midnight, or the first valid time where a DST change skips
 * midnight) — the same zone {@link DateWriter} takes the day in, so the day survives a round trip.
 * JSON: {@code "yyyy-MM-dd"}.
 */
final class DateReader extends ValueReader {
    private final boolean date32;
    private final ZoneId zone;

    DateReader(ClickHouseType type, ConversionOptions options) {
        super(type);
        this.date32 = type.kind() == ClickHouseTypeKind.DATE32;
        this.zone = options.defaultZone();
    }

    private long day(RowBinaryInput in) throws IOException {
        return date32 ? in.readInt32() : in.readUInt16();
    }

    @Override
    Column read(RowBinaryInput in) throws IOException {
        LocalDate d = LocalDate.ofEpochDay(day(in));
        DateColumn c = new DateColumn(d.atStartOfDay(zone).toInstant().toEpochMilli());
        c.setSubType(DateColumn.DateType.DATE);
        return c;
    }

    @Override
    void appendJson(RowBinaryInput in, StringBuilder sb) throws IOException {
        sb.append('"');
        DateTimeRender.appendDate(sb, LocalDate.ofEpochDay(day(in)));
        sb.append('"');
    }

    @Override
    Column nullColumn() {
        DateColumn c = new DateColumn((Long) null);
        c.setSubType(DateColumn.DateType.DATE);
        return c;
    }
}
