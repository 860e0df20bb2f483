package io.chpack.common.convert;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The text forms chpack writes for dates and times, always in an explicit zone and never through a
 * locale: {@code yyyy-MM-dd}, {@code yyyy-MM-dd HH:mm:ss} and {@code yyyy-MM-dd HH:mm:ss.fff…} — the way
 * ClickHouse prints Date, DateTime and DateTime64, so the text parses back in the same zone.
 */
final class DateTimeRender {
    private DateTimeRender() {
    }

    static StringBuilder appendDate(StringBuilder sb, LocalDate d) {
        int y = d.getYear();
        if (y < 0 || y > 9999) {
            sb.append(y > 0 ? "+" : "").append(y); // ISO 8601 expanded year; never produced for ClickHouse ranges
        } else {
            pad(sb, y, 4);
        }
        sb.append('-');
        pad(sb, d.getMonthValue(), 2);
        sb.append('-');
        pad(sb, d.getDayOfMonth(), 2);
        return sb;
    }

    static String date(LocalDate d) {
        return appendDate(new StringBuilder(10), d).toString();
    }

    /**
     * {@code yyyy-MM-dd HH:mm:ss} plus, when {@code fractionDigits > 0}, a point and exactly that many
     * digits of {@code nano}.
     */
    static StringBuilder appendDateTime(StringBuilder sb, long epochSecond, int nano, int fractionDigits, ZoneId zone) {
        ZoneOffset offset = zone.getRules().getOffset(Instant.ofEpochSecond(epochSecond));
        long local = epochSecond + offset.getTotalSeconds();
        long day = Math.floorDiv(local, 86400L);
        int secOfDay = (int) Math.floorMod(local, 86400L);
        appendDate(sb, LocalDate.ofEpochDay(day)).append(' ');
        appendTime(sb, secOfDay, nano, fractionDigits);
        return sb;
    }

    static StringBuilder appendTime(StringBuilder sb, int secOfDay, int nano, int fractionDigits) {
        pad(sb, secOfDay / 3600, 2);
        sb.append(':');
        pad(sb, secOfDay / 60 % 60, 2);
        sb.append(':');
        pad(sb, secOfDay % 60, 2);
        if (fractionDigits > 0) {
            sb.append('.');
            int f = nano;
            for (int k = fractionDigits; k < 9; k++) {
                f /= 10;
            }
            pad(sb, f, fractionDigits);
        }
        return sb;
    }

    static String dateTime(long epochSecond, int nano, int fractionDigits, ZoneId zone) {
        return appendDateTime(new StringBuilder(29), epochSecond, nano, fractionDigits, zone).toString();
    }

    private static void pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(s);
    }
}
