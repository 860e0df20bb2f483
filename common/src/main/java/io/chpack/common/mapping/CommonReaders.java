package io.chpack.common.mapping;

import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.StringColumn;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Readers that work the same for every JDBC driver chpack reads from. */
final class CommonReaders {
    private CommonReaders() {
    }

    /** An integer that fits a Java long (every signed MySQL/PostgreSQL integer, unsigned up to INT). */
    static final class SignedLong implements JdbcValueReader {
        @Override
        public Column read(ResultSet rs, int index) throws SQLException {
            long v = rs.getLong(index);
            return rs.wasNull() ? new LongColumn((Long) null) : new LongColumn(v);
        }
    }

    /**
     * An integer read as its decimal text: BIGINT UNSIGNED up to 2^64−1 does not fit getLong (drivers throw
     * or wrap), and zerofill text such as {@code 00042} parses too.
     */
    static final class IntegerText implements JdbcValueReader {
        private final ColumnRef ref;

        IntegerText(ColumnRef ref) {
            this.ref = ref;
        }

        @Override
        public Column read(ResultSet rs, int index) throws SQLException {
            String s = rs.getString(index);
            if (s == null) {
                return new LongColumn((BigInteger) null);
            }
            try {
                return new LongColumn(new BigInteger(s.trim()));
            } catch (NumberFormatException e) {
                throw ref.error(s, "the driver returned text that is not an integer", e);
            }
        }
    }

    /** DECIMAL/NUMERIC with a fixed scale: the exact value with its scale ({@code 1.50} stays {@code 1.50}). */
    static final class ExactDecimal implements JdbcValueReader {
        @Override
        public Column read(ResultSet rs, int index) throws SQLException {
            BigDecimal v = rs.getBigDecimal(index);
            return new DoubleColumn(v);
        }
    }

    /** A 4-byte float as the shortest decimal text that reads back as the same float. */
    static final class Float32 implements JdbcValueReader {
        @Override
        public Column read(ResultSet rs, int index) throws SQLException {
            float v = rs.getFloat(index);
            return rs.wasNull() ? new DoubleColumn((String) null) : new DoubleColumn(FloatText.of(v));
        }
    }

    /** An 8-byte double as the shortest decimal text that reads back as the same double. */
    static final class Float64 implements JdbcValueReader {
        @Override
        public Column read(ResultSet rs, int index) throws SQLException {
            double v = rs.getDouble(index);
            return rs.wasNull() ? new DoubleColumn((String) null) : new DoubleColumn(FloatText.of(v));
        }
    }

    /** Character data, JSON, ENUM/SET labels, UUID text, …: the driver's String (4-byte UTF-8 included). */
    static final class Text implements JdbcValueReader {
        @Override
        public Column read(ResultSet rs, int index) throws SQLException {
            return new StringColumn(rs.getString(index));
        }
    }

    /** Binary data, NUL bytes included. */
    static final class Bytes implements JdbcValueReader {
        @Override
        public Column read(ResultSet rs, int index) throws SQLException {
            return new BytesColumn(rs.getBytes(index));
        }
    }

    /** A real boolean type (PostgreSQL boolean). */
    static final class Bool implements JdbcValueReader {
        @Override
        public Column read(ResultSet rs, int index) throws SQLException {
            boolean v = rs.getBoolean(index);
            return rs.wasNull() ? new BoolColumn((Boolean) null) : new BoolColumn(v);
        }
    }

    /** MySQL tinyint(1) as a boolean, by option: only 0 and 1 are booleans, anything else is an error. */
    static final class TinyIntBool implements JdbcValueReader {
        private final ColumnRef ref;

        TinyIntBool(ColumnRef ref) {
            this.ref = ref;
        }

        @Override
        public Column read(ResultSet rs, int index) throws SQLException {
            long v = rs.getLong(index);
            if (rs.wasNull()) {
                return new BoolColumn((Boolean) null);
            }
            if (v != 0 && v != 1) {
                throw ref.error(Long.toString(v), "only 0 and 1 are booleans (tinyInt1AsBool is on; turn it off to "
                        + "read tinyint(1) as a number)");
            }
            return new BoolColumn(v == 1);
        }
    }
}
