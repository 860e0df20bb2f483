package io.chpack.clickhousereader.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses range boundaries from a sample of key values sorted by the server, so that each range holds about
 * the same number of rows even when the data is skewed:
 * <ol>
 * <li>a value holding at least one range's share of the sample (a heavy hitter) gets a range of its own
 * (rows with one key value cannot be split by range, so it must not drag neighbours along);</li>
 * <li>the other ranges divide the remaining samples evenly: a boundary is placed at the start of the run of
 * equal values whose middle passes the next multiple of the light share, so the error stays within half a
 * run and never accumulates.</li>
 * </ol>
 * Equal values have equal text, so runs are found by text equality; the order is the server's.
 */
public final class RangeBoundaries {
    private RangeBoundaries() {
    }

    /**
     * @param sorted sampled key values in the server's ascending order; equal values have equal text
     * @param ranges the number of ranges wanted (a hint: heavy hitters may add one or two)
     * @return strictly increasing boundaries b1 &lt; b2 &lt; ...; ranges are k &lt; b1, b1 ≤ k &lt; b2, ..., k ≥ bn
     */
    public static List<String> choose(List<String> sorted, int ranges) {
        List<String> out = new ArrayList<String>();
        int n = sorted.size();
        if (ranges <= 1 || n == 0) {
            return out;
        }
        List<String> values = new ArrayList<String>();
        List<Integer> counts = new ArrayList<Integer>();
        for (String v : sorted) {
            int last = values.size() - 1;
            if (last >= 0 && values.get(last).equals(v)) {
                counts.set(last, counts.get(last) + 1);
            } else {
                values.add(v);
                counts.add(1);
            }
        }
        double share = (double) n / ranges;
        int heavyRuns = 0;
        long heavySamples = 0;
        for (int c : counts) {
            if (c >= share) {
                heavyRuns++;
                heavySamples += c;
            }
        }
        int lightRanges = Math.max(1, ranges - heavyRuns);
        double lightShare = (double) (n - heavySamples) / lightRanges;
        double lightSeen = 0;
        int nextTarget = 1;
        for (int i = 0; i < values.size(); i++) {
            int c = counts.get(i);
            if (c >= share) {
                if (i > 0) {
                    add(out, values.get(i));
                }
                if (i + 1 < values.size()) {
                    add(out, values.get(i + 1));
                }
                continue;
            }
            if (nextTarget < lightRanges && lightSeen > 0 && lightSeen + c / 2.0 > nextTarget * lightShare) {
                add(out, values.get(i));
                while (nextTarget < lightRanges && lightSeen + c / 2.0 > nextTarget * lightShare) {
                    nextTarget++;
                }
            }
            lightSeen += c;
        }
        return out;
    }

    private static void add(List<String> out, String v) {
        if (out.isEmpty() || !out.get(out.size() - 1).equals(v)) {
            out.add(v);
        }
    }
}
