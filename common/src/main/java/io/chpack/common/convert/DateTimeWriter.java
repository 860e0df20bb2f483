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
    /** The zone's offset when it never changes (UTC, +08:00, …), else {@link Integer#MIN_VALUE}. */
    private final int fixedOffset;

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
        this.fixedOffset = zone.getRules().isFixedOffset()
                ? zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds() : Integer.MIN_VALUE;
    }

    @Override
    void fromDate(DateColumn c, long epochMillis, RowBinaryOutput out) throws IOException {
        write(Math.floorDiv(epochMillis, 1000L), (int) Math.floorMod(epochMillis, 1000L) * 1_000_000, out);
    }

    @Override
    void fromString(Column c, String s, RowBinaryOutput out) throws IOException {
        if (fixedOffset != Integer.MIN_VALUE && writeLocalFixedOffset(s, out)) {
            return;
        }
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

    /**
     * The common {@code yyyy-MM-dd HH:mm:ss[.f…]} (or T) text without a zone designator in a fixed-offset
     * zone, read without java.time objects; false, nothing written, for any other or invalid text (the
     * full parser then decides, with its messages). Accepts exactly what {@link DateTimeText} accepts in
     * that form: a day that exists in its month, hour 0–23, minute and second 0–59, 1–9 fraction digits.
     */
    private boolean writeLocalFixedOffset(String s, RowBinaryOutput out) throws IOException {
        int n = s.length();
        if (n < 19 || n == 20 || n > 29 || s.charAt(4) != '-' || s.charAt(7) != '-'
                || (s.charAt(10) != ' ' && s.charAt(10) != 'T') || s.charAt(13) != ':' || s.charAt(16) != ':'
                || (n > 19 && s.charAt(19) != '.')) {
            return false;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int nano = n > 19 ? digits(s, 20, n - 20) : 0;
        if ((year | month | day | hour | minute | second | nano) < 0 || month < 1 || month > 12 || day < 1
                || day > monthLength(year, month) || hour > 23 || minute > 59 || second > 59) {
            return false;
        }
        for (int k = n; k < 29; k++) {
            nano *= 10;
        }
        long epochSecond = epochDay(year, month, day) * 86400L + hour * 3600 + minute * 60 + second - fixedOffset;
        write(epochSecond, nano, out);
        return true;
    }

    /** The value of {@code count} (≤ 9) decimal digits, or -1 if any char is not one. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int monthLength(int year, int month) {
        switch (month) {
            case 2:
                return isLeap(year) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** {@code LocalDate.of(year, month, day).toEpochDay()} for years 0–9999. */
    static long epochDay(int year, int month, int day) {
        long y = year;
        long total = 365 * y + (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        total += (367 * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!isLeap(year)) {
                total--;
            }
        }
        return total - 719_528L; // days from 0000-01-01 to 1970-01-01
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
