package io.chpack.common.convert;

import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * Immutable settings of the DataX ⇄ ClickHouse conversions; build with {@link #builder(ZoneId)}. The
 * configured time zone is mandatory on purpose: nothing here ever falls back to the JVM default zone,
 * which the DataX engine itself changes (GMT+8 since 2022).
 *
 * <table>
 * <caption>options and defaults</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>timeZone</td><td>(required)</td><td>last-resort zone for zone-less date-times</td></tr>
 * <tr><td>serverTimeZone</td><td>none</td><td>the server's {@code timezone()}; used before timeZone</td></tr>
 * <tr><td>nullMode</td><td>{@link NullMode#ERROR}</td><td>NULL into a non-Nullable column</td></tr>
 * <tr><td>decimalRounding</td><td>{@link RoundingPolicy#ERROR}</td><td>fraction digits beyond a Decimal's scale</td></tr>
 * <tr><td>dateTimeRounding</td><td>{@link RoundingPolicy#ERROR}</td><td>sub-second digits beyond DateTime/DateTime64(p)</td></tr>
 * <tr><td>dstGap</td><td>{@link DstGapPolicy#ERROR}</td><td>zone-less local times that do not exist in the zone</td></tr>
 * <tr><td>fixedStringReadMode</td><td>{@link FixedStringReadMode#BYTES}</td><td>FixedString read into BytesColumn / StringColumn</td></tr>
 * <tr><td>dateTime64AsText</td><td>false</td><td>DateTime64 read as full-precision text instead of a millisecond DateColumn</td></tr>
 * <tr><td>invalidUtf8</td><td>{@link InvalidUtf8Policy#BYTES}</td><td>String bytes that are not UTF-8, when reading</td></tr>
 * </table>
 */
public final class ConversionOptions {
    private final ZoneId timeZone;
    private final ZoneId serverTimeZone;
    private final NullMode nullMode;
    private final RoundingPolicy decimalRounding;
    private final RoundingPolicy dateTimeRounding;
    private final DstGapPolicy dstGap;
    private final FixedStringReadMode fixedStringReadMode;
    private final boolean dateTime64AsText;
    private final InvalidUtf8Policy invalidUtf8;

    private ConversionOptions(Builder b) {
        this.timeZone = b.timeZone;
        this.serverTimeZone = b.serverTimeZone;
        this.nullMode = b.nullMode;
        this.decimalRounding = b.decimalRounding;
        this.dateTimeRounding = b.dateTimeRounding;
        this.dstGap = b.dstGap;
        this.fixedStringReadMode = b.fixedStringReadMode;
        this.dateTime64AsText = b.dateTime64AsText;
        this.invalidUtf8 = b.invalidUtf8;
    }

    /** A builder with every option at its default and the given last-resort zone. */
    public static Builder builder(ZoneId timeZone) {
        return new Builder(timeZone);
    }

    public ZoneId timeZone() {
        return timeZone;
    }

    /** The server's zone, or null when not known. */
    public ZoneId serverTimeZone() {
        return serverTimeZone;
    }

    public NullMode nullMode() {
        return nullMode;
    }

    public RoundingPolicy decimalRounding() {
        return decimalRounding;
    }

    public RoundingPolicy dateTimeRounding() {
        return dateTimeRounding;
    }

    public DstGapPolicy dstGap() {
        return dstGap;
    }

    public FixedStringReadMode fixedStringReadMode() {
        return fixedStringReadMode;
    }

    public boolean dateTime64AsText() {
        return dateTime64AsText;
    }

    public InvalidUtf8Policy invalidUtf8() {
        return invalidUtf8;
    }

    /** The zone when the type carries none (Date, Date32, DateTime, text renderings): server's, else configured. */
    public ZoneId defaultZone() {
        return serverTimeZone != null ? serverTimeZone : timeZone;
    }

    /**
     * The zone in which a value of this type is read from or rendered as zone-less text: the type's own
     * zone (DateTime('tz'), DateTime64(p, 'tz')), else the server's, else the configured one.
     *
     * @throws IllegalArgumentException when the type names a zone Java does not know
     */
    public ZoneId zoneFor(ClickHouseType type) {
        ClickHouseType t = type.valueType();
        if (t.kind() == ClickHouseTypeKind.DATETIME || t.kind() == ClickHouseTypeKind.DATETIME64) {
            String tz = t.timeZone();
            if (tz != null) {
                try {
                    return ZoneId.of(tz);
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException("ClickHouse type " + type + " names time zone '" + tz
                            + "', which this JVM does not know: " + e.getMessage(), e);
                }
            }
        }
        return defaultZone();
    }

    public Builder toBuilder() {
        Builder b = new Builder(timeZone);
        b.serverTimeZone = serverTimeZone;
        b.nullMode = nullMode;
        b.decimalRounding = decimalRounding;
        b.dateTimeRounding = dateTimeRounding;
        b.dstGap = dstGap;
        b.fixedStringReadMode = fixedStringReadMode;
        b.dateTime64AsText = dateTime64AsText;
        b.invalidUtf8 = invalidUtf8;
        return b;
    }

    @Override
    public String toString() {
        return "ConversionOptions{timeZone=" + timeZone + ", serverTimeZone=" + serverTimeZone + ", nullMode="
                + nullMode.key() + ", decimalRounding=" + decimalRounding.key() + ", dateTimeRounding="
                + dateTimeRounding.key() + ", dstGap=" + dstGap.key() + ", fixedStringAs=" + fixedStringReadMode.key()
                + ", dateTime64AsText=" + dateTime64AsText + ", invalidUtf8=" + invalidUtf8.key() + "}";
    }

    /** Mutable builder; every setter rejects null. */
    public static final class Builder {
        private ZoneId timeZone;
        private ZoneId serverTimeZone;
        private NullMode nullMode = NullMode.ERROR;
        private RoundingPolicy decimalRounding = RoundingPolicy.ERROR;
        private RoundingPolicy dateTimeRounding = RoundingPolicy.ERROR;
        private DstGapPolicy dstGap = DstGapPolicy.ERROR;
        private FixedStringReadMode fixedStringReadMode = FixedStringReadMode.BYTES;
        private boolean dateTime64AsText;
        private InvalidUtf8Policy invalidUtf8 = InvalidUtf8Policy.BYTES;

        private Builder(ZoneId timeZone) {
            timeZone(timeZone);
        }

        public Builder timeZone(ZoneId zone) {
            this.timeZone = notNull(zone, "timeZone");
            return this;
        }

        /** The server's zone; null clears it. */
        public Builder serverTimeZone(ZoneId zone) {
            this.serverTimeZone = zone;
            return this;
        }

        public Builder nullMode(NullMode mode) {
            this.nullMode = notNull(mode, "nullMode");
            return this;
        }

        public Builder decimalRounding(RoundingPolicy policy) {
            this.decimalRounding = notNull(policy, "decimalRounding");
            return this;
        }

        public Builder dateTimeRounding(RoundingPolicy policy) {
            this.dateTimeRounding = notNull(policy, "dateTimeRounding");
            return this;
        }

        public Builder dstGap(DstGapPolicy policy) {
            this.dstGap = notNull(policy, "dstGap");
            return this;
        }

        public Builder fixedStringReadMode(FixedStringReadMode mode) {
            this.fixedStringReadMode = notNull(mode, "fixedStringReadMode");
            return this;
        }

        public Builder dateTime64AsText(boolean asText) {
            this.dateTime64AsText = asText;
            return this;
        }

        public Builder invalidUtf8(InvalidUtf8Policy policy) {
            this.invalidUtf8 = notNull(policy, "invalidUtf8");
            return this;
        }

        public ConversionOptions build() {
            return new ConversionOptions(this);
        }

        private static <T> T notNull(T v, String what) {
            if (v == null) {
                throw new IllegalArgumentException(what + " must not be null");
            }
            return v;
        }
    }
}
