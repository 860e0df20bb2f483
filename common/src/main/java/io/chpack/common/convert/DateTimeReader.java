package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.StringColumn;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;
import io.chpack.common.rowbinary.RowBinaryInput;

import java.io.IOException;
import java.math.BigInteger;
import java.time.ZoneId;

/**
 * DateTime → DateColumn (DATETIME) of its instant. DateTime64(p) → by default a DateColumn truncated to
 * the millisecond (toward the past: DataX's DateColumn has no finer unit); with
 * {@link ConversionOptions#dateTime64AsText()} a StringColumn {@code yyyy-MM-dd HH:mm:ss.fff…} with
 * exactly p fraction digits in the column's zone ({@link ConversionOptions#zoneFor}), which the writer
 * reads back in the same zone without loss. JSON: that text ({@code yyyy-MM-dd HH:mm:ss} for DateTime).
 * Zone-less text is ambiguous in the hour a DST change repeats; the writer then takes the first
 * occurrence.
 */
final class DateTimeReader extends ValueReader {
    private final boolean dateTime64;
    private final int precision;
    private final long ticksPerSecond;
    private final int nanosPerTick;
    private final boolean asText;
    private final ZoneId zone;

    DateTimeReader(ClickHouseType type, ConversionOptions options) {
        super(type);
        this.dateTime64 = type.kind() == ClickHouseTypeKind.DATETIME64;
        this.precision = dateTime64 ? type.dateTime64Precision() : 0;
        this.ticksPerSecond = BigInteger.TEN.pow(precision).longValue();
        this.nanosPerTick = (int) (1_000_000_000L / ticksPerSecond);
        this.asText = dateTime64 && options.dateTime64AsText();
        this.zone = options.zoneFor(type);
    }

    private long ticks(RowBinaryInput in) throws IOException {
        return dateTime64 ? in.readInt64() : in.readUInt32();
    }

    @Override
    Column read(RowBinaryInput in) throws IOException {
        long t = ticks(in);
        long second = Math.floorDiv(t, ticksPerSecond);
        int nano = (int) Math.floorMod(t, ticksPerSecond) * nanosPerTick;
        if (asText) {
            return new StringColumn(DateTimeRender.dateTime(second, nano, precision, zone));
        }
        return new DateColumn(second * 1000L + nano / 1_000_000);
    }

    @Override
    void appendJson(RowBinaryInput in, StringBuilder sb) throws IOException {
        long t = ticks(in);
        long second = Math.floorDiv(t, ticksPerSecond);
        int nano = (int) Math.floorMod(t, ticksPerSecond) * nanosPerTick;
        sb.append('"');
        DateTimeRender.appendDateTime(sb, second, nano, precision, zone);
        sb.append('"');
    }

    @Override
    Column nullColumn() {
        return asText ? new StringColumn(null) : new DateColumn((Long) null);
    }
}
