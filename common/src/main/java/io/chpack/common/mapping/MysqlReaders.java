package io.chpack.common.mapping;

import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.LongColumn;

import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;

/** Readers for MySQL/MariaDB types whose JDBC getters are lossy or driver-dependent. */
final class MysqlReaders {
    private MysqlReaders() {
    }

    /** BIT(1) → BoolColumn, BIT(2..64) → LongColumn (unsigned; BIT(64) exceeds a long). Drivers give big-endian bytes. */
    static final class Bit implements JdbcValueReader {
        private final boolean single;

        Bit(int bits) {
            this.single = bits == 1;
        }

        @Override
        public Column read(ResultSet rs, int index) throws SQLException {
            byte[] b = rs.getBytes(index);
            if (b == null) {
                return single ? new BoolColumn((Boolean) null) : new LongColumn((BigInteger) null);
            }
            BigInteger v = new BigInteger(1, b);
            return single ? new BoolColumn(v.signum() != 0) : new LongColumn(v);
        }
    }

    /** YEAR → LongColumn (0 or 1901–2155). Text, because some drivers map YEAR to a java.sql.Date by default. */
    static final class Year implements JdbcValueReader {
        private final ColumnRef ref;

        Year(ColumnRef ref) {
            this.ref = ref;
        }

        @Override
        public Column read(ResultSet rs, int index) throws SQLException {
            String s = rs.getString(index);
            if (s == null) {
                return new LongColumn((Long) null);
            }
            String digits = s.trim();
            int dash = digits.indexOf('-', 1);
            if (dash > 0) {
                digits = digits.substring(0, dash); // yearIsDateType=true spells it 2024-01-01
            }
            try {
                return new LongColumn(Long.parseLong(digits));
            } catch (NumberFormatException e) {
                throw ref.error(s, "not a year", e);
            }
        }
    }

    /** DATE → DateColumn(DATE) at midnight in {@code timeZone}; zero dates by {@code zeroDates}. */
    static final class Date implements JdbcValueReader {
        private final ColumnRef ref;
        private final SourceReadOptions options;

        Date(ColumnRef ref, SourceReadOptions options) {
            this.ref = ref;
            this.options = options;
        }

        @Override
        public Column read(ResultSet rs, int index) throws SQLException {
            String s = rs.getString(index);
            if (s == null) {
                return TemporalColumns.nullOf(DateColumn.DateType.DATE);
            }
            LocalDateTime t = parse(ref, s);
            if (t == null) {
                return TemporalColumns.invalid(options.zeroDates(), TemporalColumns.nullOf(DateColumn.DateType.DATE),
                        ref, s, "a zero or invalid date", "zeroDateTimeBehavior");
            }
            return TemporalColumns.date(t.toLocalDate(), options);
        }
    }

    /** DATETIME(p): the wall clock, as DateColumn or full-precision text by {@link FractionalSeconds}. */
    static final class DateTime implements JdbcValueReader {
        private final ColumnRef ref;
        private final SourceReadOptions options;
        private final int digits;

        DateTime(ColumnRef ref, SourceReadOptions options, int digits) {
            this.ref = ref;
            this.options = options;
            this.digits = digits;
        }

        @Override
        public Column read(ResultSet rs, int index) throws SQLException {
            String s = rs.getString(index);
            if (s == null) {
                return TemporalColumns.nullDateTime(digits, options);
            }
            LocalDateTime t = parse(ref, s);
            if (t == null) {
                return TemporalColumns.invalid(options.zeroDates(), TemporalColumns.nullDateTime(digits, options), ref,
                        s, "a zero or invalid date", "zeroDateTimeBehavior");
            }
            return TemporalColumns.wallClock(t, digits, options);
        }
    }

    /**
     * TIMESTAMP(p): an instant the server prints in the session {@code time_zone}; converted with
     * {@code sessionTimeZone}.
     */
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
            String s = rs.getString(index);
            if (s == null) {
                return TemporalColumns.nullDateTime(digits, options);
            }
            LocalDateTime t = parse(ref, s);
            if (t == null) {
                return TemporalColumns.invalid(options.zeroDates(), TemporalColumns.nullDateTime(digits, options), ref,
                        s, "a zero timestamp", "zeroDateTimeBehavior");
            }
            return TemporalColumns.instant(t.atZone(options.sessionTimeZone()).toInstant(), digits, options);
        }
    }

    /** TIME(p): a signed duration, as text or DateColumn(TIME) by {@link TimeOfDay}. */
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

    private static LocalDateTime parse(ColumnRef ref, String s) {
        try {
            return MysqlTemporalText.parse(s).value;
        } catch (IllegalArgumentException e) {
            throw ref.error(s, e.getMessage(), e);
        }
    }
}
