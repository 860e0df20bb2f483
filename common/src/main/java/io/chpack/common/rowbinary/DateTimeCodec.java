package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;

import java.io.IOException;
import java.time.Instant;

/**
 * DateTime[('zone')]: UInt32 seconds since the epoch (UTC; the zone only affects text). Values: Instant,
 * whole seconds only (a fraction is lossy and rejected; round in the conversion layer). Range
 * 1970-01-01T00:00:00Z…2106-02-07T06:28:15Z. The long fast path carries epoch seconds.
 */
final class DateTimeCodec extends RowBinaryCodec {
    private static final long MAX = 0xFFFFFFFFL;

    DateTimeCodec(ClickHouseType type) {
        super(type);
    }

    @Override
    public void encode(Object value, RowBinaryOutput out) throws IOException {
        if (value instanceof Instant) {
            Instant i = (Instant) value;
            if (i.getNano() != 0) {
                throw new RowBinaryValueException("value " + ValueDescriber.describe(value)
                        + " has a fraction of a second, which ClickHouse " + type + " cannot hold (round it first)");
            }
            long s = i.getEpochSecond();
            if (s < 0 || s > MAX) {
                throw outOfRange(value, "[1970-01-01T00:00:00Z, 2106-02-07T06:28:15Z]");
            }
            out.writeUInt32(s);
        } else if (value == null) {
            throw nullValue();
        } else {
            throw wrongClass(value, "a java.time.Instant");
        }
    }

    @Override
    public Object decode(RowBinaryInput in) throws IOException {
        return Instant.ofEpochSecond(in.readUInt32());
    }

    @Override
    public boolean supportsLong() {
        return true;
    }

    /** Seconds since 1970-01-01T00:00:00Z. */
    @Override
    public void encodeLong(long seconds, RowBinaryOutput out) throws IOException {
        if (seconds < 0 || seconds > MAX) {
            throw outOfRange(seconds, "[0, 4294967295] (epoch seconds)");
        }
        out.writeUInt32(seconds);
    }

    @Override
    public long decodeLong(RowBinaryInput in) throws IOException {
        return in.readUInt32();
    }
}
