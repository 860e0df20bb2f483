package io.chpack.common.convert;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Strict date / date-time text. Accepted forms (nothing else, no surrounding blanks):
 * <ul>
 * <li>{@code yyyy-MM-dd}</li>
 * <li>{@code yyyy-MM-dd HH:mm:ss} or {@code yyyy-MM-ddTHH:mm:ss}, optionally followed by {@code .f} with 1–9
 * fraction digits</li>
 * <li>either date-time form followed by a zone designator: {@code Z}, {@code ±HH:mm}, {@code ±HHmm} or
 * {@code ±HH} (at most ±18:00)</li>
 * </ul>
 * Fields are range-checked: month 1–12, a day that exists in that month (2023-02-29 is rejected), hour
 * 0–23, minute 0–59, second 0–59 — leap seconds ({@code 23:59:60}) are rejected, as is {@code 24:00:00}
 * and the zero date {@code 0000-00-00}.
 */
final class DateTimeText {
    final LocalDate date;
    /** Null for date-only text. */
    final LocalDateTime local;
    final int nano;
    final int fractionDigits;
    /** Total offset seconds when the text has a zone designator, else {@link #NO_OFFSET}. */
    final int offsetSeconds;
    static final int NO_OFFSET = Integer.MIN_VALUE;

    private DateTimeText(LocalDate date, LocalDateTime local, int nano, int fractionDigits, int offsetSeconds) {
        this.date = date;
        this.local = local;
        this.nano = nano;
        this.fractionDigits = fractionDigits;
        this.offsetSeconds = offsetSeconds;
    }

    boolean hasTime() {
        return local != null;
    }

    boolean hasOffset() {
        return offsetSeconds != NO_OFFSET;
    }

    /** Epoch second of text with a zone designator. */
    long offsetEpochSecond() {
        return local.toEpochSecond(java.time.ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    static DateTimeText parse(String s) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            throw bad(s);
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new Reject(ValueText.quoted(s) + " is not a valid date: " + e.getMessage());
        }
        if (n == 10) {
            return new DateTimeText(date, null, 0, 0, NO_OFFSET);
        }
        char sep = s.charAt(10);
        if ((sep != ' ' && sep != 'T') || n < 19 || s.charAt(13) != ':' || s.charAt(16) != ':') {
            throw bad(s);
        }
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (second == 60) {
            throw new Reject(ValueText.quoted(s) + " is a leap second, which neither Java nor ClickHouse can represent");
        }
        if (hour > 23 || minute > 59 || second > 59) {
            throw new Reject(ValueText.quoted(s) + " is not a valid time of day");
        }
        int i = 19;
        int nano = 0;
        int fd = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && NumberText.isDigit(s.charAt(i))) {
                if (fd == 9) {
                    throw new Reject(ValueText.quoted(s) + " has more than 9 fraction digits");
                }
                nano = nano * 10 + (s.charAt(i) - '0');
                fd++;
                i++;
            }
            if (fd == 0) {
                throw bad(s);
            }
            for (int k = fd; k < 9; k++) {
                nano *= 10;
            }
        }
        int offset = NO_OFFSET;
        if (i < n) {
            char z = s.charAt(i);
            if (z == 'Z' && i + 1 == n) {
                offset = 0;
            } else if (z == '+' || z == '-') {
                int rest = n - i - 1;
                int oh;
                int om = 0;
                if (rest == 2) {
                    oh = digits(s, i + 1, 2);
                } else if (rest == 4) {
                    oh = digits(s, i + 1, 2);
                    om = digits(s, i + 3, 2);
                } else if (rest == 5 && s.charAt(i + 3) == ':') {
                    oh = digits(s, i + 1, 2);
                    om = digits(s, i + 4, 2);
                } else {
                    throw bad(s);
                }
                if (om > 59 || oh * 60 + om > 18 * 60) {
                    throw new Reject(ValueText.quoted(s) + " has an offset beyond ±18:00");
                }
                offset = (z == '-' ? -1 : 1) * (oh * 3600 + om * 60);
            } else {
                throw bad(s);
            }
        }
        return new DateTimeText(date, LocalDateTime.of(date, java.time.LocalTime.of(hour, minute, second)), nano, fd,
                offset);
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!NumberText.isDigit(c)) {
                throw bad(s);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static Reject bad(String s) {
        return new Reject((s.isEmpty() ? "the empty string" : ValueText.quoted(s)) + " is not a date or date-time in a "
                + "supported form (yyyy-MM-dd, yyyy-MM-dd HH:mm:ss[.fffffffff], ISO 8601 with T and an optional Z or ±HH:mm)");
    }
}
