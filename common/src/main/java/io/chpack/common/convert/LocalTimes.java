package io.chpack.common.convert;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;

/** Zone-less local date-times to instants in an explicit zone, with a DST policy. */
final class LocalTimes {
    private LocalTimes() {
    }

    /**
     * Epoch second of {@code local} in {@code zone}. A time that exists twice (clocks going back) takes
     * the earlier offset (its first occurrence). A time that does not exist (clocks going forward) is
     * rejected, or with {@link DstGapPolicy#SHIFT} moved forward by the gap's length.
     */
    static long epochSecond(LocalDateTime local, ZoneId zone, DstGapPolicy gap) {
        ZoneRules rules = zone.getRules();
        if (rules.isFixedOffset()) {
            return local.toEpochSecond(rules.getOffset(local));
        }
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.size() == 1) {
            return local.toEpochSecond(offsets.get(0));
        }
        if (offsets.isEmpty()) {
            if (gap == DstGapPolicy.ERROR) {
                throw new Reject("local time " + local.toString().replace('T', ' ') + " does not exist in " + zone
                        + " (skipped by a daylight-saving change; set dstGap to shift to move it forward)");
            }
            java.time.zone.ZoneOffsetTransition t = rules.getTransition(local);
            return local.plusSeconds(t.getDuration().getSeconds()).toEpochSecond(t.getOffsetAfter());
        }
        return local.toEpochSecond(offsets.get(0)); // overlap: the earlier offset
    }
}
