package io.chpack.common.mapping;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.StringColumn;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Turns temporal source values into Columns under {@link SourceReadOptions}: the one place that applies
 * {@link FractionalSeconds}, {@link TimeOfDay} and {@link InvalidDateBehavior}.
 */
final class TemporalColumns {
    private TemporalColumns() {
    }

    /** True when a date-time of this declared precision travels as text. */
    static boolean asText(FractionalSeconds policy, int digits) {
        return policy == FractionalSeconds.TEXT || (policy == FractionalSeconds.AUTO && digits > 3);
    }

    static Column date(LocalDate d, SourceReadOptions o) {
        return typed(d.atStartOfDay(o.timeZone()).toInstant().toEpochMilli(), DateColumn.DateType.DATE);
    }

    /** A zone-less date-time: text of the wall clock, or epoch millis of it in {@code timeZone}. */
    static Column wallClock(LocalDateTime t, int digits, SourceReadOptions o) {
        if (asText(o.fractionalSeconds(), digits)) {
            return new StringColumn(TemporalText.wallClock(t, digits));
        }
        return typed(t.atZone(o.timeZone()).toInstant().toEpochMilli(), DateColumn.DateType.DATETIME);
    }

    /** A point in time: ISO-8601 UTC text, or epoch millis (sub-milliseconds dropped toward the past). */
    static Column instant(Instant t, int digits, SourceReadOptions o) {
        if (asText(o.fractionalSeconds(), digits)) {
            return new StringColumn(TemporalText.instant(t, digits));
        }
        return typed(t.toEpochMilli(), DateColumn.DateType.DATETIME);
    }

    /** The NULL of a date-time column: a StringColumn when its values travel as text, else a DateColumn. */
    static Column nullDateTime(int digits, SourceReadOptions o) {
        return asText(o.fractionalSeconds(), digits) ? new StringColumn(null)
                : typed(null, DateColumn.DateType.DATETIME);
    }

    static Column nullOf(DateColumn.DateType subType) {
        return typed(null, subType);
    }

    static Column typed(Long millis, DateColumn.DateType subType) {
        DateColumn c = new DateColumn(millis);
        c.setSubType(subType);
        return c;
    }

    /** A time of day / duration under {@link TimeOfDay}; null text gives the typed NULL. */
    static Column time(String text, int digits, ColumnRef ref, SourceReadOptions o) {
        if (text == null) {
            return o.timeOfDay() == TimeOfDay.TEXT ? new StringColumn(null) : nullOf(DateColumn.DateType.TIME);
        }
        TimeText t;
        try {
            t = TimeText.parse(text);
        } catch (IllegalArgumentException e) {
            throw ref.error(text, e.getMessage(), e);
        }
        if (o.timeOfDay() == TimeOfDay.TEXT) {
            return new StringColumn(t.format(digits));
        }
        if (!t.isTimeOfDay()) {
            throw ref.error(text, "outside 00:00:00–23:59:59.999999, so it is no time of day (timeOfDay=DATE_COLUMN); "
                    + "use timeOfDay=TEXT to carry durations");
        }
        return typed(t.nanos / 1_000_000L, DateColumn.DateType.TIME);
    }

    /** Applies an {@link InvalidDateBehavior}: returns the NULL column or throws. */
    static Column invalid(InvalidDateBehavior behavior, Column nullColumn, ColumnRef ref, String text, String what,
            String option) {
        if (behavior == InvalidDateBehavior.CONVERT_TO_NULL) {
            return nullColumn;
        }
        throw ref.error(text, what + " has no point in time (" + option + "=EXCEPTION; CONVERT_TO_NULL reads it as NULL)");
    }
}
