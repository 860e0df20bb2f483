package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;

import java.io.IOException;
import java.time.LocalDate;

/**
 * Date (UInt16 days since 1970-01-01, range 1970-01-01…2149-06-06) and Date32 (Int32 days, range
 * 1900-01-01…2299-12-31 as documented for current servers). Values: LocalDate; the long fast path
 * carries the day number (epoch day).
 */
final class DateCodec extends RowBinaryCodec {
    static final long DATE32_MIN_DAY = LocalDate.of(1900, 1, 1).toEpochDay();
    static final long DATE32_MAX_DAY = LocalDate.of(2299, 12, 31).toEpochDay();

    private final boolean date32;
    private final long minDay;
    private final long maxDay;

    DateCodec(ClickHouseType type) {
        super(type);
        this.date32 = type.kind() == ClickHouseTypeKind.DATE32;
        this.minDay = date32 ? DATE32_MIN_DAY : 0;
        this.maxDay = date32 ? DATE32_MAX_DAY : 0xFFFF;
    }

    @Override
    public void encode(Object value, RowBinaryOutput out) throws IOException {
        if (value instanceof LocalDate) {
            long day = ((LocalDate) value).toEpochDay();
            if (day < minDay || day > maxDay) {
                throw outOfRange(value, "[" + LocalDate.ofEpochDay(minDay) + ", " + LocalDate.ofEpochDay(maxDay) + "]");
            }
            write(day, out);
        } else if (value == null) {
            throw nullValue();
        } else {
            throw wrongClass(value, "a java.time.LocalDate");
        }
    }

    private void write(long day, RowBinaryOutput out) throws IOException {
        if (date32) {
            out.writeInt32(day);
        } else {
            out.writeUInt16(day);
        }
    }

    @Override
    public Object decode(RowBinaryInput in) throws IOException {
        return LocalDate.ofEpochDay(decodeLong(in));
    }

    @Override
    public boolean supportsLong() {
        return true;
    }

    /** Days since 1970-01-01. */
    @Override
    public void encodeLong(long day, RowBinaryOutput out) throws IOException {
        if (day < minDay || day > maxDay) {
            throw outOfRange(day, "[" + minDay + ", " + maxDay + "] (days since 1970-01-01)");
        }
        write(day, out);
    }

    @Override
    public long decodeLong(RowBinaryInput in) throws IOException {
        return date32 ? in.readInt32() : in.readUInt16();
    }
}
