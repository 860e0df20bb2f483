package io.chpack.common.convert;

import java.math.RoundingMode;

/**
 * What to do with digits the target cannot hold: fraction digits beyond a Decimal's scale (job key
 * {@code decimalRounding}) or sub-second digits beyond DateTime / DateTime64(p) precision (job key
 * {@code dateTimeRounding}).
 */
public enum RoundingPolicy {
    /** The value is a dirty record (default: nothing is rounded silently). */
    ERROR("error", RoundingMode.UNNECESSARY, RoundingMode.UNNECESSARY),
    /** Drop the digits: toward zero for decimals, toward the past for times (12:00:00.9 → 12:00:00). */
    TRUNCATE("truncate", RoundingMode.DOWN, RoundingMode.FLOOR),
    /** Round half away from zero for decimals; half toward the future for times. */
    HALF_UP("half_up", RoundingMode.HALF_UP, RoundingMode.HALF_UP),
    /** Round half to even (banker's rounding). */
    HALF_EVEN("half_even", RoundingMode.HALF_EVEN, RoundingMode.HALF_EVEN);

    private final String key;
    private final RoundingMode decimalMode;
    private final RoundingMode timeMode;

    RoundingPolicy(String key, RoundingMode decimalMode, RoundingMode timeMode) {
        this.key = key;
        this.decimalMode = decimalMode;
        this.timeMode = timeMode;
    }

    public String key() {
        return key;
    }

    /** The rounding of a signed decimal. */
    RoundingMode decimalMode() {
        return decimalMode;
    }

    /**
     * The rounding of a non-negative tick remainder on the time line (the tick count itself may be
     * negative before 1970, so truncation must be FLOOR there, not DOWN).
     */
    RoundingMode timeMode() {
        return timeMode;
    }
}
