package io.chpack.common.mapping;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL/MariaDB DATE, DATETIME and TIMESTAMP values as the driver's {@code getString} gives them. Reading text
 * (not {@code getTimestamp}/{@code getObject}) keeps the microseconds, never involves the JVM zone, sees zero
 * dates instead of a driver exception, and behaves the same with MariaDB Connector/J and MySQL Connector/J.
 */
final class MysqlTemporalText {
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[ T](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{0,9}))?)?");

    private MysqlTemporalText() {
    }

    /** A parsed value: {@link #value} is null for a zero, partly-zero or impossible date such as 2024-02-30. */
    static final class Parsed {
        final LocalDateTime value;

        Parsed(LocalDateTime value) {
            this.value = value;
        }
    }

    /**
     * @throws IllegalArgumentException when the text is not a MySQL date or date-time at all
     */
    static Parsed parse(String s) {
        Matcher m = DATE_TIME.matcher(s.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a date of the form YYYY-MM-DD[ HH:MM:SS[.fraction]]");
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        int nanos = 0;
        String f = m.group(7);
        if (f != null && !f.isEmpty()) {
            StringBuilder nine = new StringBuilder(f);
            while (nine.length() < 9) {
                nine.append('0');
            }
            nanos = Integer.parseInt(nine.toString());
        }
        if (month == 0 || day == 0) {
            return new Parsed(null);
        }
        try {
            return new Parsed(LocalDateTime.of(LocalDate.of(year, month, day),
                    java.time.LocalTime.of(hour, minute, second, nanos)));
        } catch (DateTimeException e) {
            // 2024-02-30 is storable with ALLOW_INVALID_DATES; hours > 23 cannot come from a DATETIME.
            if (hour > 23 || minute > 59 || second > 59) {
                throw new IllegalArgumentException("time of day out of range");
            }
            return new Parsed(null);
        }
    }
}
