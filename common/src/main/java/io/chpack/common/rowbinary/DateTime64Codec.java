package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;

/**
 * DateTime64(p[, 'zone']): Int64 ticks of 10^-p seconds since the epoch (UTC). Values: Instant; a value
 * with digits below 10^-p is rejected rather than truncated. Range: the documented
 * 1900-01-01 00:00:00…2299-12-31 23:59:59.999999999, which the server means in the column's zone (26.x
 * computes {@code toDateTime64('1900-01-01 00:00:00', 3, 'Asia/Shanghai')} as 1899-12-31T15:54:17Z); a column
 * without a zone is checked in UTC (the codec does not know the server's zone). Further limited by Int64 for
 * p = 9 (…2262-04-11T23:47:16.854775807Z). The long fast path carries ticks.
 */
final class DateTime64Codec extends RowBinaryCodec {
    private static final long MIN_SECOND = java.time.LocalDate.of(1900, 1, 1).toEpochDay() * 86400L;
    private static final long END_SECOND = java.time.LocalDate.of(2300, 1, 1).toEpochDay() * 86400L;

    private final long minSecond;
    private final long endSecond;
    private final int precision;
    private final long ticksPerSecond;
    private final long nanosPerTick;
    private final long minTicks;
    private final long maxTicks;

    DateTime64Codec(ClickHouseType type) {
        super(type);
        this.precision = type.dateTime64Precision();
        this.ticksPerSecond = BigInteger.TEN.pow(precision).longValue();
        this.nanosPerTick = 1_000_000_000L / ticksPerSecond;
        String zone = type.timeZone();
        java.time.ZoneId zoneId = null;
        try {
            zoneId = zone == null ? null : java.time.ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            // a zone name Java does not know: UTC bounds, as for a column without a zone
        }
        this.minSecond = zoneId == null ? MIN_SECOND : java.time.LocalDate.of(1900, 1, 1).atStartOfDay(zoneId).toEpochSecond();
        this.endSecond = zoneId == null ? END_SECOND : java.time.LocalDate.of(2300, 1, 1).atStartOfDay(zoneId).toEpochSecond();
        this.minTicks = minSecond * ticksPerSecond;
        BigInteger end = BigInteger.valueOf(endSecond).multiply(BigInteger.valueOf(ticksPerSecond)).subtract(BigInteger.ONE);
        this.maxTicks = end.bitLength() < 64 ? end.longValue() : Long.MAX_VALUE;
    }

    @Override
    public void encode(Object value, RowBinaryOutput out) throws IOException {
        if (value instanceof Instant) {
            Instant i = (Instant) value;
            if (i.getNano() % nanosPerTick != 0) {
                throw new RowBinaryValueException("value " + ValueDescriber.describe(value) + " has more than "
                        + precision + " fraction digits for ClickHouse " + type + " (round it first)");
            }
            long s = i.getEpochSecond();
            if (s < minSecond || s >= endSecond) {
                throw outOfRange(value, range());
            }
            BigInteger ticks = BigInteger.valueOf(s).multiply(BigInteger.valueOf(ticksPerSecond))
                    .add(BigInteger.valueOf(i.getNano() / nanosPerTick));
            if (ticks.bitLength() >= 64 || ticks.longValue() > maxTicks) {
                throw outOfRange(value, range());
            }
            out.writeInt64(ticks.longValue());
        } else if (value == null) {
            throw nullValue();
        } else {
            throw wrongClass(value, "a java.time.Instant");
        }
    }

    private String range() {
        return "[" + Instant.ofEpochSecond(minSecond) + ", " + toInstant(maxTicks) + "]";
    }

    private Instant toInstant(long ticks) {
        return Instant.ofEpochSecond(Math.floorDiv(ticks, ticksPerSecond),
                Math.floorMod(ticks, ticksPerSecond) * nanosPerTick);
    }

    @Override
    public Object decode(RowBinaryInput in) throws IOException {
        return toInstant(in.readInt64());
    }

    @Override
    public boolean supportsLong() {
        return true;
    }

    /** Ticks of 10^-p seconds since 1970-01-01T00:00:00Z. */
    @Override
    public void encodeLong(long ticks, RowBinaryOutput out) throws IOException {
        if (ticks < minTicks || ticks > maxTicks) {
            throw outOfRange(ticks, "[" + minTicks + ", " + maxTicks + "] (ticks of 10^-" + precision + " s)");
        }
        out.writeInt64(ticks);
    }

    @Override
    public long decodeLong(RowBinaryInput in) throws IOException {
        return in.readInt64();
    }
}
