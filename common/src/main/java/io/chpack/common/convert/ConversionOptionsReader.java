package io.chpack.common.convert;

import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * Reads {@link ConversionOptions} from a plugin's {@code parameter} Configuration. Errors are
 * CONFIG_ERROR DataXExceptions naming the job key, e.g. {@code parameter.nullMode must be one of error,
 * default; got 'zero'}.
 *
 * <table>
 * <caption>job keys (under {@code parameter})</caption>
 * <tr><th>key</th><th>values</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code timeZone}</td><td>IANA id or offset ({@code Asia/Shanghai}, {@code UTC}, {@code +08:00})</td>
 *     <td>the server's zone; required when that is unknown</td>
 *     <td>zone for zone-less date-times when neither the column type nor the server names one</td></tr>
 * <tr><td>{@code nullMode}</td><td>{@code error} | {@code default}</td><td>{@code error}</td>
 *     <td>NULL into a non-Nullable column: dirty record, or the type's ClickHouse default value</td></tr>
 * <tr><td>{@code decimalRounding}</td><td>{@code error} | {@code truncate} | {@code half_up} | {@code half_even}</td>
 *     <td>{@code error}</td><td>more fraction digits than the Decimal scale</td></tr>
 * <tr><td>{@code dateTimeRounding}</td><td>{@code error} | {@code truncate} | {@code half_up} | {@code half_even}</td>
 *     <td>{@code error}</td><td>sub-second digits beyond DateTime / DateTime64(p)</td></tr>
 * <tr><td>{@code dstGap}</td><td>{@code error} | {@code shift}</td><td>{@code error}</td>
 *     <td>zone-less local times skipped by a DST change</td></tr>
 * <tr><td>{@code fixedStringAs}</td><td>{@code bytes} | {@code string} | {@code trimmed_string}</td>
 *     <td>{@code bytes}</td><td>Column for FixedString values read from ClickHouse</td></tr>
 * <tr><td>{@code dateTime64AsText}</td><td>{@code true} | {@code false}</td><td>{@code false}</td>
 *     <td>read DateTime64 as full-precision text instead of a millisecond DateColumn</td></tr>
 * <tr><td>{@code invalidUtf8}</td><td>{@code bytes} | {@code replace} | {@code error}</td><td>{@code bytes}</td>
 *     <td>String values that are not UTF-8, when reading</td></tr>
 * </table>
 */
public final class ConversionOptionsReader {
    public static final String TIME_ZONE = "timeZone";
    public static final String NULL_MODE = "nullMode";
    public static final String DECIMAL_ROUNDING = "decimalRounding";
    public static final String DATETIME_ROUNDING = "dateTimeRounding";
    public static final String DST_GAP = "dstGap";
    public static final String FIXED_STRING_AS = "fixedStringAs";
    public static final String DATETIME64_AS_TEXT = "dateTime64AsText";
    public static final String INVALID_UTF8 = "invalidUtf8";

    private final String prefix;

    /** Reads keys of a plugin's {@code parameter} object; messages say {@code parameter.<key>}. */
    public ConversionOptionsReader() {
        this("parameter");
    }

    /** @param prefix how the Configuration's root is called in messages, e.g. {@code parameter} */
    public ConversionOptionsReader(String prefix) {
        this.prefix = prefix;
    }

    /**
     * @param parameter the plugin's parameter Configuration
     * @param serverTimeZone the server's {@code timezone()}, or null when not connected / not known
     * @throws DataXException CONFIG_ERROR naming the offending key
     */
    public ConversionOptions read(Configuration parameter, ZoneId serverTimeZone) {
        String tz = text(parameter, TIME_ZONE);
        ZoneId zone;
        if (tz == null) {
            if (serverTimeZone == null) {
                throw error(TIME_ZONE + " is required when the server's time zone is unknown (e.g. \"UTC\" or "
                        + "\"Asia/Shanghai\"); the JVM default zone is never used");
            }
            zone = serverTimeZone;
        } else {
            try {
                zone = ZoneId.of(tz);
            } catch (DateTimeException e) {
                throw error(TIME_ZONE + " '" + tz + "' is not a time zone id (e.g. \"UTC\", \"Asia/Shanghai\", \"+08:00\")");
            }
        }
        ConversionOptions.Builder b = ConversionOptions.builder(zone).serverTimeZone(serverTimeZone);
        b.nullMode(choice(parameter, NULL_MODE, NullMode.values(), NullMode.ERROR));
        b.decimalRounding(choice(parameter, DECIMAL_ROUNDING, RoundingPolicy.values(), RoundingPolicy.ERROR));
        b.dateTimeRounding(choice(parameter, DATETIME_ROUNDING, RoundingPolicy.values(), RoundingPolicy.ERROR));
        b.dstGap(choice(parameter, DST_GAP, DstGapPolicy.values(), DstGapPolicy.ERROR));
        b.fixedStringReadMode(choice(parameter, FIXED_STRING_AS, FixedStringReadMode.values(), FixedStringReadMode.BYTES));
        b.invalidUtf8(choice(parameter, INVALID_UTF8, InvalidUtf8Policy.values(), InvalidUtf8Policy.BYTES));
        String asText = text(parameter, DATETIME64_AS_TEXT);
        if (asText != null) {
            if (!"true".equalsIgnoreCase(asText) && !"false".equalsIgnoreCase(asText)) {
                throw error(DATETIME64_AS_TEXT + " must be true or false; got '" + asText + "'");
            }
            b.dateTime64AsText(Boolean.parseBoolean(asText));
        }
        return b.build();
    }

    private static String text(Configuration c, String key) {
        String v = c.getString(key);
        return v == null ? null : v.trim();
    }

    private <E extends Enum<E>> E choice(Configuration c, String key, E[] values, E dflt) {
        String v = text(c, key);
        if (v == null) {
            return dflt;
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : values) {
            String k = keyOf(e);
            if (k.equalsIgnoreCase(v)) {
                return e;
            }
            allowed.append(allowed.length() == 0 ? "" : ", ").append(k);
        }
        throw error(key + " must be one of " + allowed + "; got '" + v + "'");
    }

    private static String keyOf(Enum<?> e) {
        if (e instanceof NullMode) {
            return ((NullMode) e).key();
        } else if (e instanceof RoundingPolicy) {
            return ((RoundingPolicy) e).key();
        } else if (e instanceof DstGapPolicy) {
            return ((DstGapPolicy) e).key();
        } else if (e instanceof FixedStringReadMode) {
            return ((FixedStringReadMode) e).key();
        }
        return ((InvalidUtf8Policy) e).key();
    }

    private DataXException error(String message) {
        return DataXException.asDataXException(CommonErrorCode.CONFIG_ERROR, prefix + "." + message);
    }
}
