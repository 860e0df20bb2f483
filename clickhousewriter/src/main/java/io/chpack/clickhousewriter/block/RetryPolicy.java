package io.chpack.clickhousewriter.block;

import java.util.Random;

/**
 * Exponential backoff with jitter: pause n (0-based) is {@code min(max, base * 2^n)} scaled by a random factor
 * in [0.5, 1.0], so tasks that failed together do not come back together. "Too many parts" doubles the pause:
 * the server is asking writers to slow down while merges catch up.
 */
public final class RetryPolicy {
    private final int maxRetries;
    private final long baseMs;
    private final long maxMs;
    private final Random random;

    public RetryPolicy(int maxRetries, long baseMs, long maxMs, Random random) {
        this.maxRetries = maxRetries;
        this.baseMs = baseMs;
        this.maxMs = maxMs;
        this.random = random;
    }

    public int maxRetries() {
        return maxRetries;
    }

    /** The pause before retry number {@code retry} (0-based). */
    public long pauseMs(int retry, boolean tooManyParts) {
        long p = baseMs;
        for (int i = 0; i < retry && p < maxMs; i++) {
            p *= 2;
        }
        if (tooManyParts) {
            p *= 2;
        }
        p = Math.min(p, tooManyParts ? 2 * maxMs : maxMs);
        double factor = 0.5 + random.nextDouble() * 0.5;
        return (long) (p * factor);
    }
}
