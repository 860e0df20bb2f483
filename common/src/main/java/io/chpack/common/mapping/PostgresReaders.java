package io.chpack.common.mapping;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.StringColumn;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readers for PostgreSQL types (PgJDBC). Date-times use the JDBC 4.2 java.time getters, which keep
 * microseconds, never involve the JVM zone and report {@code ±infinity} as the MIN/MAX constants.
 */
final class PostgresReaders {
    private PostgresReaders() {
    }

    /** numeric: the exact text; NaN and ±Infinity (PostgreSQL 14+) by {@code numericNaNAsNull}. */
    static final class Numeric implements JdbcValueReader {
        private final ColumnRef ref;
        private final boolean nanAsNull;

        Numeric(ColumnRef ref, boolean nanAsNull) {
            this.ref = ref;
            this.nanAsNull = nanAsNull;
        }

        @Override
        public Column read(ResultSet rs, int index) throws SQLException {
            String s = rs.getString(index);
            if (s == null) {
                return new DoubleColumn((String) null);
            }
            if (s.equals("NaN") || s.endsWith("Infinity")) {
                if (nanAsNull) {
                    return new DoubleColumn((String) null);
                }
                throw ref.error(s, "numeric NaN/Infinity fits no exact decimal (numericNaNAsNull reads it as NULL)");
            }
            try {
                return new DoubleColumn(new BigDecimal(s)); // validates; keeps the scale as printed
            } catch (NumberFormatException e) {
                throw ref.error(s, "the driver returned text that is not a number", e);
            }
        }
    }

    /**
     * money: the text the server prints under {@code lc_monetary} (C/en_US style {@code -$1,234.56} only),
     * exact. Other locales' text is refused rather than guessed; cast {@code col::numeric} in querySql.
     */
    static final class Money implements JdbcValueReader {
        private static final Pattern MONEY = Pattern.compile("(-)?\\$?(\\d{1,3}(?:,\\d{3})*|\\d+)(\\.\\d+)?");
        private final ColumnRef ref;

        Money(ColumnRef ref) {
            this.ref = ref;
        }

        @Override
        public Column read(ResultSet rs, int index) throws SQLException {
            String s = rs.getString(index);
            if (s == null) {
                return new DoubleColumn((String) null);
            }
            Matcher m = MONEY.matcher(s.trim());
            if (!m.matches()) {
                throw ref.error(s, "money text in an lc_monetary other than C/en_US; select \"" + ref.name
                        + "\"::numeric in querySql");
            }
            String digits = (m.group(1) == null ? "" : "-") + m.group(2).replace(",", "")
                    + (m.group(3) == null ? "" : m.group(3));
            return new DoubleColumn(new BigDecimal(digits));
        }
    }

    /** date → DateColumn(DATE) at midnight in {@code timeZone}; ±infinity by {@code infiniteDates}. */
    static final class Date implements JdbcValueReader {
        private final ColumnRef ref;
        private final SourceReadOptions options;

        Date(ColumnRef ref, SourceReadOptions options) {
            this.ref = ref;
            this.options = options;
        }

        @Override
        public Column read(ResultSet rs, int index) throws SQLException {
            LocalDate d = rs.getObject(index, LocalDate.class);
            if (d == null) {
                return TemporalColumns.nullOf(DateColumn.DateType.DATE);
            }
            if (d.equals(LocalDate.MAX) || d.equals(LocalDate.MIN)) {
                return TemporalColumns.invalid(options.infiniteDates(), TemporalColumns.nullOf(DateColumn.DateType.DATE),
                        ref, d.equals(LocalDate.MAX) ? "infinity" : "-infinity", "an infinite date", "infiniteDates");
            }
            return TemporalColumns.date(d, options);
        }
    }

    /** timestamp(p): the wall clock, as DateColumn or text by {@link FractionalSeconds}. */
    static final class Timestamp implements JdbcValueReader {
        private final ColumnRef ref;
        private final SourceReadOptions options;
        private final int digits;

        Timestamp(ColumnRef ref, SourceReadOptions options, int digits) {
            this.ref = ref;
            this.options = options;
            this.digits = digits;
        }

        @Override
        public Column read(ResultSet rs, int index) throws SQLException {
            LocalDateTime t = rs.getObject(index, LocalDateTime.class);
            if (t == null) {
                return TemporalColumns.nullDateTime(digits, options);
            }
            if (t.equals(LocalDateTime.MAX) || t.equals(LocalDateTime.MIN)) {
                return TemporalColumns.invalid(options.infiniteDates(), TemporalColumns.nullDateTime(digits, options),
                        ref, t.equals(LocalDateTime.MAX) ? "infinity" : "-infinity", "an infinite timestamp",
                        "infiniteDates");
            }
            return TemporalColumns.wallClock(t, digits, options);
        }
    }

    /** timestamptz(p): an instant, whatever the session TimeZone; DateColumn or ISO UTC text. */
    static final class TimestampTz implements JdbcValueReader {
        private final ColumnRef ref;
        private final SourceReadOptions options;
        private final int digits;

        TimestampTz(ColumnRef ref, SourceReadOptions options, int digits) {
            this.ref = ref;
            this.options = options;
            this.digits = digits;
        }

        @Override
        public Column read(ResultSet rs, int index) throws SQLException {
            OffsetDateTime t = rs.getObject(index, OffsetDateTime.class);
            if (t == null) {
                return TemporalColumns.nullDateTime(digits, options);
            }
            if (t.equals(OffsetDateTime.MAX) || t.equals(OffsetDateTime.MIN)) {
                return TemporalColumns.invalid(options.infiniteDates(), TemporalColumns.nullDateTime(digits, options),
                        ref, t.equals(OffsetDateTime.MAX) ? "infinity" : "-infinity", "an infinite timestamptz",
                        "infiniteDates");
            }
            return TemporalColumns.instant(t.toInstant(), digits, options);
        }
    }

    /** time(p): text (24:00:00 included) or DateColumn(TIME) by {@link TimeOfDay}. */
    static final class Time implements JdbcValueReader {
        private final ColumnRef ref;
        private final SourceReadOptions options;
        private final int digits;

        Time(ColumnRef ref, SourceReadOptions options, int digits) {
            this.ref = ref;
            this.options = options;
            this.digits = digits;
        }

        @Override
        public Column read(ResultSet rs, int index) throws SQLException {
            return TemporalColumns.time(rs.getString(index), digits, ref, options);
        }
    }

    /** Any array → JSON text: numbers and booleans as JSON values, everything else as JSON strings. */
    static final class Array implements JdbcValueReader {
        private final ColumnRef ref;
        private final JsonText.Leaf leaf;
        private final char delimiter;

        Array(ColumnRef ref, JsonText.Leaf leaf, char delimiter) {
            this.ref = ref;
            this.leaf = leaf;
            this.delimiter = delimiter;
        }

        @Override
        public Column read(ResultSet rs, int index) throws SQLException {
            String s = rs.getString(index);
            if (s == null) {
                return new StringColumn(null);
            }
            List<Object> items;
            try {
                items = PgArrayLiteral.parse(s, delimiter);
            } catch (IllegalArgumentException e) {
                throw ref.error(s, e.getMessage(), e);
            }
            return new StringColumn(JsonText.array(items, leaf));
        }
    }
}
