package io.chpack.common.mapping;

import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * MySQL/MariaDB DATE, DATETIME and TIMESTAMP values as the driver's {@code getString} gives them. Reading text
 * (not {@code getTimestamp}/{@code getObject}) keeps the microseconds, never involves the JVM zone, sees zero
 * dates instead of a driver exception, and behaves the same with MariaDB Connector/J and MySQL Connector/J.
 */
final class MysqlTemporalText {
    static final String NOT_A_DATE = "not a date of the form YYYY-MM-DD[ HH:MM:SS[.fraction]]";
    static final String TIME_OUT_OF_RANGE = "time of day out of range";

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
     * Accepts exactly {@code YYYY-MM-DD}, optionally followed by {@code ' '} or {@code 'T'} and {@code HH:MM:SS},
     * optionally followed by {@code '.'} and 0 to 9 fraction digits (ASCII digits only, surrounding characters up
     * to U+0020 ignored as by {@link String#trim()}). Hand-written (this runs once per DATETIME value of a full
     * load); the same language and results as the regular expression
     * {@code (\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{0,9}))?)?} it replaced.
     *
     * @throws IllegalArgumentException when the text is not a MySQL date or date-time at all
     */
    static Parsed parse(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && s.charAt(to - 1) <= ' ') {
            to--;
        }
        int len = to - from;
        if (len < 10 || s.charAt(from + 4) != '-' || s.charAt(from + 7) != '-') {
            throw new IllegalArgumentException(NOT_A_DATE);
        }
        int year = digits(s, from, 4);
        int month = digits(s, from + 5, 2);
        int day = digits(s, from + 8, 2);
        if ((year | month | day) < 0) {
            throw new IllegalArgumentException(NOT_A_DATE);
        }
        int hour = 0;
        int minute = 0;
        int second = 0;
        int nanos = 0;
        if (len > 10) {
            int t = from + 10;
            char sep = s.charAt(t);
            if (len < 19 || (sep != ' ' && sep != 'T') || s.charAt(t + 3) != ':' || s.charAt(t + 6) != ':') {
                throw new IllegalArgumentException(NOT_A_DATE);
            }
            hour = digits(s, t + 1, 2);
            minute = digits(s, t + 4, 2);
            second = digits(s, t + 7, 2);
            if ((hour | minute | second) < 0) {
                throw new IllegalArgumentException(NOT_A_DATE);
            }
            int f = from + 19;
            if (f < to) {
                int n = to - f - 1;
                if (s.charAt(f) != '.' || n > 9) {
                    throw new IllegalArgumentException(NOT_A_DATE);
                }
                int v = n == 0 ? 0 : digits(s, f + 1, n);
                if (v < 0) {
                    throw new IllegalArgumentException(NOT_A_DATE);
                }
                for (int i = n; i < 9; i++) {
                    v *= 10;
                }
                nanos = v;
            }
        }
        if (month == 0 || day == 0) {
            return new Parsed(null);
        }
        try {
            return new Parsed(LocalDateTime.of(year, month, day, hour, minute, second, nanos));
        } catch (DateTimeException e) {
            // 2024-02-30 is storable with ALLOW_INVALID_DATES; hours > 23 cannot come from a DATETIME.
            if (hour > 23 || minute > 59 || second > 59) {
                throw new IllegalArgumentException(TIME_OUT_OF_RANGE);
            }
            return new Parsed(null);
        }
    }

    /** The value of {@code n} (at most 9) ASCII digits at {@code at}, or -1 if one is not a digit. */
    private static int digits(String s, int at, int n) {
        int v = 0;
        for (int i = at; i < at + n; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
