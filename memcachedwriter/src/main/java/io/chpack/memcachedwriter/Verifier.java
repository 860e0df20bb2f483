package io.chpack.memcachedwriter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import net.spy.memcached.CachedData;

/**
 * {@code verifySample}: a uniform reservoir sample of N written (key, bytes, flags) per task, read back with
 * get after the last write completed and compared byte for byte. Memory: N values.
 */
final class Verifier {
    private final int size;
    private final Random random = new Random(42);
    private final List<Object[]> sample = new ArrayList<>();
    private long seen;

    Verifier(int size) {
        this.size = size;
    }

    synchronized void offer(String key, CachedData data, int node) {
        seen++;
        if (sample.size() < size) {
            sample.add(new Object[] {key, data, node});
        } else {
            long j = (long) (random.nextDouble() * seen);
            if (j < size) {
                sample.set((int) j, new Object[] {key, data, node});
            }
        }
    }

    /** Result: checked count and up to 5 example problems. */
    static final class Result {
        int checked;
        int missing;
        int different;
        final List<String> examples = new ArrayList<>();
    }

    synchronized Result check(Nodes nodes, long timeoutMs) {
        Result r = new Result();
        List<Future<CachedData>> futures = new ArrayList<>();
        for (Object[] s : sample) {
            futures.add(nodes.client((Integer) s[2]).asyncGet((String) s[0], CachedDataTranscoder.INSTANCE));
        }
        for (int i = 0; i < sample.size(); i++) {
            String key = (String) sample.get(i)[0];
            CachedData want = (CachedData) sample.get(i)[1];
            CachedData got;
            try {
                got = futures.get(i).get(timeoutMs, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                got = null;
            }
            r.checked++;
            if (got == null) {
                r.missing++;
                if (r.examples.size() < 5) {
                    r.examples.add("'" + key + "' is missing");
                }
            } else if (got.getFlags() != want.getFlags() || !Arrays.equals(got.getData(), want.getData())) {
                r.different++;
                if (r.examples.size() < 5) {
                    r.examples.add("'" + key + "' holds " + got.getData().length + " bytes (flags " + got.getFlags()
                            + "), expected " + want.getData().length + " bytes (flags " + want.getFlags() + ")");
                }
            }
        }
        return r;
    }
}
