package io.chpack.clickhousewriter.sharding;

/**
 * The values of one row that a sharding key may reference, by position in the column list the
 * {@link ShardRouter} was built with, in the RowBinary codec's value model
 * ({@code io.chpack.common.rowbinary.RowBinaryCodecs}): Long (or Integer/Short/Byte) for Int8…Int64 and
 * UInt8…UInt32, BigInteger or a non-negative Long for UInt64, byte[] or CharSequence for String and
 * FixedString, LocalDate for Date, Instant for DateTime, java.util.UUID, String (entry name) or a number for
 * Enum, Boolean for Bool, Float/Double for floats.
 */
public interface ShardingRow {
    Object value(int column);

    /** A row backed by an array in column order. */
    static ShardingRow of(final Object... values) {
        return new ShardingRow() {
            @Override
            public Object value(int column) {
                return values[column];
            }
        };
    }
}
