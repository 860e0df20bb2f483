package io.chpack.common.mapping;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The policies of {@link MysqlTypeMapping} and {@link PostgresTypeMapping} (immutable; {@code with…} returns a
 * copy). The defaults never lose information silently except where stock DataX set the precedent (MySQL
 * zero dates become NULL, as DataX mysqlreader's {@code zeroDateTimeBehavior=convertToNull}).
 */
public final class SourceReadOptions {
    private static final SourceReadOptions DEFAULTS = new SourceReadOptions(ZoneOffset.UTC, ZoneOffset.UTC,
            InvalidDateBehavior.CONVERT_TO_NULL, InvalidDateBehavior.EXCEPTION, FractionalSeconds.AUTO, TimeOfDay.TEXT,
            false, false, false);

    private final ZoneId timeZone;
    private final ZoneId sessionTimeZone;
    private final InvalidDateBehavior zeroDates;
    private final InvalidDateBehavior infiniteDates;
    private final FractionalSeconds fractionalSeconds;
    private final TimeOfDay timeOfDay;
    private final boolean tinyInt1AsBool;
    private final boolean numericNaNAsNull;
    private final boolean unknownTypesAsText;

    private SourceReadOptions(ZoneId timeZone, ZoneId sessionTimeZone, InvalidDateBehavior zeroDates,
            InvalidDateBehavior infiniteDates, FractionalSeconds fractionalSeconds, TimeOfDay timeOfDay,
            boolean tinyInt1AsBool, boolean numericNaNAsNull, boolean unknownTypesAsText) {
        this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
        this.sessionTimeZone = Objects.requireNonNull(sessionTimeZone, "sessionTimeZone");
        this.zeroDates = Objects.requireNonNull(zeroDates, "zeroDates");
        this.infiniteDates = Objects.requireNonNull(infiniteDates, "infiniteDates");
        this.fractionalSeconds = Objects.requireNonNull(fractionalSeconds, "fractionalSeconds");
        this.timeOfDay = Objects.requireNonNull(timeOfDay, "timeOfDay");
        this.tinyInt1AsBool = tinyInt1AsBool;
        this.numericNaNAsNull = numericNaNAsNull;
        this.unknownTypesAsText = unknownTypesAsText;
    }

    /**
     * UTC for both zones, zero dates → NULL, infinite dates → error, {@link FractionalSeconds#AUTO},
     * {@link TimeOfDay#TEXT}, tinyint(1) as a number, numeric NaN → error, unknown types → error.
     */
    public static SourceReadOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The zone in which zone-less date-times (MySQL DATE/DATETIME, PostgreSQL date/timestamp) are turned
     * into a DateColumn's epoch milliseconds. A writer must format them back in the same zone. Never the
     * JVM's default (DataX sets it to GMT+8).
     */
    public ZoneId timeZone() {
        return timeZone;
    }

    public SourceReadOptions withTimeZone(ZoneId zone) {
        return new SourceReadOptions(zone, sessionTimeZone, zeroDates, infiniteDates, fractionalSeconds, timeOfDay,
                tinyInt1AsBool, numericNaNAsNull, unknownTypesAsText);
    }

    /**
     * MySQL only: the connection's {@code time_zone}, in which the server prints TIMESTAMP values. Readers
     * should run {@code SET time_zone = '+00:00'} and keep the default UTC (a named zone with DST makes the
     * hour after the fall-back ambiguous).
     */
    public ZoneId sessionTimeZone() {
        return sessionTimeZone;
    }

    public SourceReadOptions withSessionTimeZone(ZoneId zone) {
        return new SourceReadOptions(timeZone, zone, zeroDates, infiniteDates, fractionalSeconds, timeOfDay,
                tinyInt1AsBool, numericNaNAsNull, unknownTypesAsText);
    }

    /** MySQL zero and partly-zero or invalid dates ({@code 0000-00-00}, {@code 2024-00-10}, {@code 2024-02-30}). */
    public InvalidDateBehavior zeroDates() {
        return zeroDates;
    }

    public SourceReadOptions withZeroDates(InvalidDateBehavior behavior) {
        return new SourceReadOptions(timeZone, sessionTimeZone, behavior, infiniteDates, fractionalSeconds, timeOfDay,
                tinyInt1AsBool, numericNaNAsNull, unknownTypesAsText);
    }

    /** PostgreSQL {@code infinity} / {@code -infinity} in date, timestamp and timestamptz. */
    public InvalidDateBehavior infiniteDates() {
        return infiniteDates;
    }

    public SourceReadOptions withInfiniteDates(InvalidDateBehavior behavior) {
        return new SourceReadOptions(timeZone, sessionTimeZone, zeroDates, behavior, fractionalSeconds, timeOfDay,
                tinyInt1AsBool, numericNaNAsNull, unknownTypesAsText);
    }

    public FractionalSeconds fractionalSeconds() {
        return fractionalSeconds;
    }

    public SourceReadOptions withFractionalSeconds(FractionalSeconds policy) {
        return new SourceReadOptions(timeZone, sessionTimeZone, zeroDates, infiniteDates, policy, timeOfDay,
                tinyInt1AsBool, numericNaNAsNull, unknownTypesAsText);
    }

    public TimeOfDay timeOfDay() {
        return timeOfDay;
    }

    public SourceReadOptions withTimeOfDay(TimeOfDay policy) {
        return new SourceReadOptions(timeZone, sessionTimeZone, zeroDates, infiniteDates, fractionalSeconds, policy,
                tinyInt1AsBool, numericNaNAsNull, unknownTypesAsText);
    }

    /**
     * MySQL {@code tinyint(1)} (what {@code BOOL} becomes) as a BoolColumn; values other than 0 and 1 then
     * raise a {@link SourceValueException}. Off by default: tinyint(1) holds −128…127 and DataX's own
     * mysqlreader sets {@code tinyInt1isBit=false}.
     */
    public boolean tinyInt1AsBool() {
        return tinyInt1AsBool;
    }

    public SourceReadOptions withTinyInt1AsBool(boolean on) {
        return new SourceReadOptions(timeZone, sessionTimeZone, zeroDates, infiniteDates, fractionalSeconds, timeOfDay,
                on, numericNaNAsNull, unknownTypesAsText);
    }

    /** PostgreSQL numeric {@code NaN}/{@code ±Infinity} → NULL instead of a {@link SourceValueException}. */
    public boolean numericNaNAsNull() {
        return numericNaNAsNull;
    }

    public SourceReadOptions withNumericNaNAsNull(boolean on) {
        return new SourceReadOptions(timeZone, sessionTimeZone, zeroDates, infiniteDates, fractionalSeconds, timeOfDay,
                tinyInt1AsBool, on, unknownTypesAsText);
    }

    /**
     * PostgreSQL types this module does not know (extension types such as hstore, domains over unknown
     * types, composites) are read as their text form into a StringColumn instead of failing at job start.
     */
    public boolean unknownTypesAsText() {
        return unknownTypesAsText;
    }

    public SourceReadOptions withUnknownTypesAsText(boolean on) {
        return new SourceReadOptions(timeZone, sessionTimeZone, zeroDates, infiniteDates, fractionalSeconds, timeOfDay,
                tinyInt1AsBool, numericNaNAsNull, on);
    }
}
