package io.chpack.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.chpack.runner.transport.SpeedLimiter;

/** The limiter's arithmetic on a fake clock: sleeping advances the clock, nothing really waits. */
class SpeedLimiterTest {
    private long now;
    private final List<Long> sleeps = new ArrayList<>();

    private SpeedLimiter limiter(long bytesPerSecond, long recordsPerSecond) {
        return new SpeedLimiter(bytesPerSecond, recordsPerSecond, millis -> {
            this.sleeps.add(millis);
            this.now += millis;
        }, () -> this.now);
    }

    @Test
    void recordLimitHoldsTheAverageRate() throws InterruptedException {
        SpeedLimiter limiter = limiter(-1, 100);
        for (int i = 0; i < 10; i++) {
            limiter.acquire(32, 1000);
        }
        // 320 records at 100/s take 3.2 s.
        assertEquals(3200, this.now);
    }

    @Test
    void byteLimitAndTheStricterOfBoth() throws InterruptedException {
        SpeedLimiter limiter = limiter(1000, 1_000_000);
        limiter.acquire(1, 500);
        limiter.acquire(1, 500);
        assertEquals(1000, this.now);
    }

    @Test
    void noLimitNeverSleeps() throws InterruptedException {
        SpeedLimiter limiter = limiter(0, -1);
        assertFalse(limiter.active());
        limiter.acquire(1_000_000, 1_000_000_000);
        assertEquals(List.of(), this.sleeps);
    }

    @Test
    void slowProducerIsNotThrottledAndIdleTimeBuysNoBurst() throws InterruptedException {
        SpeedLimiter limiter = limiter(-1, 100);
        limiter.acquire(10, 0);
        this.sleeps.clear();
        // The producer itself is slower than the limit for a while: no sleeping.
        for (int i = 0; i < 5; i++) {
            this.now += 1000;
            limiter.acquire(10, 0);
        }
        assertEquals(List.of(), this.sleeps);
        // Then a burst right after the window restarted is throttled again.
        long before = this.now;
        limiter.acquire(100, 0);
        limiter.acquire(100, 0);
        assertEquals(true, this.now - before >= 1000);
    }
}
