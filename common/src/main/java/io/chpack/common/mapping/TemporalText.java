package io.chpack.common.mapping;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * The full-precision text forms readers emit when a DateColumn would lose digits
 * ({@link FractionalSeconds#TEXT}/{@link FractionalSeconds#AUTO}):
 * <ul>
 * <li>zone-less date-time (MySQL DATETIME, PostgreSQL timestamp): {@code yyyy-MM-dd HH:mm:ss.fff…} — the
 * wall clock as the source stores it, ClickHouse's own DateTime64 text format;</li>
 * <li>instant (MySQL TIMESTAMP, PostgreSQL timestamptz): ISO-8601 in UTC, {@code yyyy-MM-ddTHH:mm:ss.fff…Z},
 * self-describing so no zone has to be guessed when it is parsed.</li>
 * </ul>
 * The number of fraction digits is always the type's declared precision (none for precision 0), so equal
 * values give equal text. Years outside 0000–9999 are written with a sign, as ISO-8601 does.
 */
public final class TemporalText {
    private TemporalText() {
    }

    /** {@code 2024-01-02 03:04:05.123456} for precision 6. */
    public static String wallClock(LocalDateTime t, int digits) {
        StringBuilder sb = new StringBuilder(32);
        appendDate(sb, t.getYear(), t.getMonthValue(), t.getDayOfMonth());
        sb.append(' ');
        appendTime(sb, t.toLocalTime(), digits);
        return sb.toString();
    }

    /** {@code 2024-01-02T03:04:05.123456Z} for precision 6. */
    public static String instant(Instant instant, int digits) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(32);
        appendDate(sb, t.getYear(), t.getMonthValue(), t.getDayOfMonth());
        sb.append('T');
        appendTime(sb, t.toLocalTime(), digits);
        return sb.append('Z').toString();
    }

    static void appendDate(StringBuilder sb, int year, int month, int day) {
        if (year >= 0 && year <= 9999) {
            pad(sb, year, 4);
        } else {
            sb.append(year < 0 ? '-' : '+');
            pad(sb, Math.abs(year), 4);
        }
        sb.append('-');
        pad(sb, month, 2);
        sb.append('-');
        pad(sb, day, 2);
    }

    static void appendTime(StringBuilder sb, LocalTime t, int digits) {
        pad(sb, t.getHour(), 2);
        sb.append(':');
        pad(sb, t.getMinute(), 2);
        sb.append(':');
        pad(sb, t.getSecond(), 2);
        appendFraction(sb, t.getNano(), digits);
    }

    /** {@code .fff} with exactly {@code digits} digits of the nanoseconds (truncated), nothing for 0. */
    static void appendFraction(StringBuilder sb, int nanos, int digits) {
        if (digits <= 0) {
            return;
        }
        String n = Integer.toString(nanos);
        sb.append('.');
        for (int i = n.length(); i < 9; i++) {
            sb.append('0');
        }
        sb.append(n);
        sb.setLength(sb.length() - (9 - digits));
    }

    private static void pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(s);
    }
}
