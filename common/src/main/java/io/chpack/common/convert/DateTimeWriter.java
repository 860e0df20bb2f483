package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;
import io.chpack.common.rowbinary.RowBinaryOutput;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * DateTime (whole seconds, 1970-01-01 00:00:00…2106-02-07 06:28:15 UTC: the UInt32 storage) and
 * DateTime64(p) (ticks of 10^-p s, 1900-01-01 00:00:00…2299-12-31 23:59:59.999999999 local time in the
 * column's resolved zone, as the server checks it; for p = 9 only up to 2262-04-11 23:47:16.854775807 UTC
 * where Int64 ends; 18.16 has no DateTime64).
 *
 * <p>From a DateColumn: its instant (epoch milliseconds). From text ({@link DateTimeText} forms): with Z
 * or an offset, that instant; zone-less, the local time in the column's zone — DateTime('tz') /
 * DateTime64(p, 'tz'), else the server's, else the configured one ({@link ConversionOptions#zoneFor}) —
 * with the DST rules of {@link LocalTimes}; {@code yyyy-MM-dd} alone is midnight there. All fraction
 * digits of the text are kept up to p; digits beyond p (or milliseconds for DateTime / p &lt; 3) are
 * rejected by default or rounded with {@link ConversionOptions#dateTimeRounding()}. Instants outside the
 * range are rejected, never clamped or written as 1970-01-01 / zero.
 */
final class DateTimeWriter extends ScalarWriter {
    private final boolean dateTime64;
    private final int precision;
    private final long ticksPerSecond;
    private final int nanosPerTick;
    private final long minTicks;
    private final long maxTicks;
    private final ZoneId zone;
    private final RoundingPolicy rounding;
    private final DstGapPolicy dstGap;

    DateTimeWriter(ClickHouseType type, ConversionOptions options) {
        super(type, options);
        this.dateTime64 = type.kind() == ClickHouseTypeKind.DATETIME64;
        this.precision = dateTime64 ? type.dateTime64Precision() : 0;
        this.ticksPerSecond = BigInteger.TEN.pow(precision).longValue();
        this.nanosPerTick = (int) (1_000_000_000L / ticksPerSecond);
        this.zone = options.zoneFor(type);
        if (dateTime64) {
            // the documented range is local time in the column's zone (the server checks it there)
            long minSecond = LocalDate.of(1900, 1, 1).atStartOfDay(zone).toEpochSecond();
            long endSecond = LocalDate.of(2300, 1, 1).atStartOfDay(zone).toEpochSecond();
            this.minTicks = minSecond * ticksPerSecond;
            BigInteger end = BigInteger.valueOf(endSecond).multiply(BigInteger.valueOf(ticksPerSecond)).subtract(BigInteger.ONE);
            this.maxTicks = end.bitLength() < 64 ? end.longValue() : Long.MAX_VALUE;
        } else {
            this.minTicks = 0;
            this.maxTicks = 0xFFFFFFFFL;
        }
        this.rounding = options.dateTimeRounding();
        this.dstGap = options.dstGap();
    }

    @Override
    void fromDate(DateColumn c, long epochMillis, RowBinaryOutput out) throws IOException {
        write(Math.floorDiv(epochMillis, 1000L), (int) Math.floorMod(epochMillis, 1000L) * 1_000_000, out);
    }

    @Override
    void fromString(Column c, String s, RowBinaryOutput out) throws IOException {
        DateTimeText t = DateTimeText.parse(s);
        long second;
        if (!t.hasTime()) {
            second = LocalTimes.epochSecond(t.date.atStartOfDay(), zone, dstGap);
        } else if (t.hasOffset()) {
            second = t.offsetEpochSecond();
        } else {
            second = LocalTimes.epochSecond(t.local, zone, dstGap);
        }
        write(second, t.nano, out);
    }

    private void write(long second, int nano, RowBinaryOutput out) throws IOException {
        long q = nano / nanosPerTick;
        int r = nano % nanosPerTick;
        if (r != 0) {
            switch (rounding) {
                case ERROR:
                    throw new Reject(Instant.ofEpochSecond(second, nano) + " has sub-second digits beyond the "
                            + precision + " of " + type + " (dateTimeRounding is error; truncate, half_up or half_even round instead)");
                case HALF_UP:
                    if (2L * r >= nanosPerTick) {
                        q++;
                    }
                    break;
                case HALF_EVEN:
                    if (2L * r > nanosPerTick || (2L * r == nanosPerTick && (q & 1) == 1)) {
                        q++;
                    }
                    break;
                default: // TRUNCATE: nano ≥ 0, so dropping digits moves toward the past
                    break;
            }
        }
        long ticks;
        try {
            ticks = Math.addExact(Math.multiplyExact(second, ticksPerSecond), q);
        } catch (ArithmeticException e) {
            throw outOfRange(second, nano);
        }
        if (ticks < minTicks || ticks > maxTicks) {
            throw outOfRange(second, nano);
        }
        if (dateTime64) {
            out.writeInt64(ticks);
        } else {
            out.writeUInt32(ticks);
        }
    }

    private Reject outOfRange(long second, int nano) {
        String shown;
        try {
            shown = Instant.ofEpochSecond(second, nano).toString();
        } catch (java.time.DateTimeException e) {
            shown = second + " s since the epoch";
        }
        return new Reject(shown + " is outside the range of " + type + " [" + tickInstant(minTicks) + ", "
                + tickInstant(maxTicks) + "]");
    }

    private Instant tickInstant(long ticks) {
        return Instant.ofEpochSecond(Math.floorDiv(ticks, ticksPerSecond), Math.floorMod(ticks, ticksPerSecond) * nanosPerTick);
    }

    /** The epoch, 1970-01-01 00:00:00 UTC, as ClickHouse. */
    @Override
    void writeDefault(RowBinaryOutput out) throws IOException {
        if (dateTime64) {
            out.writeInt64(0);
        } else {
            out.writeUInt32(0);
        }
    }
}
