package io.chpack.common.mapping;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TIME value as text: MySQL's signed duration {@code [-]HHH:MM:SS[.ffffff]} (±838:59:59.999999) and
 * PostgreSQL's {@code HH:MM:SS[.ffffff]} (up to 24:00:00). Parsed to nanoseconds and printed back with a
 * fixed number of fraction digits, so every driver's spelling gives the same text.
 */
final class TimeText {
    private static final Pattern TIME = Pattern.compile("(-)?(\\d{1,3}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?");
    static final long NANOS_PER_DAY = 86_400_000_000_000L;

    final boolean negative;
    /** Absolute value in nanoseconds. */
    final long nanos;

    private TimeText(boolean negative, long nanos) {
        this.negative = negative;
        this.nanos = nanos;
    }

    /** @throws IllegalArgumentException if the text is not a time */
    static TimeText parse(String s) {
        Matcher m = TIME.matcher(s.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a time of the form [-]HH:MM:SS[.fraction]");
        }
        int minutes = Integer.parseInt(m.group(3));
        int seconds = Integer.parseInt(m.group(4));
        if (minutes > 59 || seconds > 59) {
            throw new IllegalArgumentException("minutes or seconds above 59");
        }
        long total = ((Long.parseLong(m.group(2)) * 60 + minutes) * 60 + seconds) * 1_000_000_000L;
        String f = m.group(5);
        if (f != null) {
            StringBuilder nine = new StringBuilder(f);
            while (nine.length() < 9) {
                nine.append('0');
            }
            total += Long.parseLong(nine.toString());
        }
        boolean negative = m.group(1) != null && total != 0;
        return new TimeText(negative, total);
    }

    /** {@code [-]HH:MM:SS} plus exactly {@code digits} fraction digits; hours keep as many digits as needed. */
    String format(int digits) {
        StringBuilder sb = new StringBuilder(20);
        if (negative) {
            sb.append('-');
        }
        long secs = nanos / 1_000_000_000L;
        long h = secs / 3600;
        int min = (int) (secs / 60 % 60);
        int s = (int) (secs % 60);
        if (h < 10) {
            sb.append('0');
        }
        sb.append(h).append(':');
        if (min < 10) {
            sb.append('0');
        }
        sb.append(min).append(':');
        if (s < 10) {
            sb.append('0');
        }
        sb.append(s);
        TemporalText.appendFraction(sb, (int) (nanos % 1_000_000_000L), digits);
        return sb.toString();
    }

    /** True for 00:00:00 ≤ t < 24:00:00, the values a time of day on 1970-01-01 can hold. */
    boolean isTimeOfDay() {
        return !negative && nanos < NANOS_PER_DAY;
    }
}
