package io.chpack.runner.transport;

/**
 * Per-channel rate limit (core.transport.channel.speed.byte / .record), applied after each batch the
 * reader pushes, like DataX's Channel.statPush: the reader sleeps until its average rate since the
 * start of the current window is back under the limit. Windows restart after a second in which the
 * limit was kept, so an idle period (the writer was slow) does not buy a later burst.
 */
public final class SpeedLimiter {
    /** Sleeps; injectable so the arithmetic can be tested without waiting. */
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    static final long WINDOW_MILLIS = 1000;

    private final long bytesPerSecond;
    private final long recordsPerSecond;
    private final Sleeper sleeper;
    private final Clock clock;
    private long windowStart = -1;
    private long windowBytes;
    private long windowRecords;
    private long sleptMillis;

    /** Current time in milliseconds. */
    public interface Clock {
        long millis();
    }

    public SpeedLimiter(long bytesPerSecond, long recordsPerSecond) {
        this(bytesPerSecond, recordsPerSecond, new Sleeper() {
            @Override
            public void sleep(long millis) throws InterruptedException {
                Thread.sleep(millis);
            }
        }, new Clock() {
            @Override
            public long millis() {
                return System.nanoTime() / 1000000L;
            }
        });
    }

    public SpeedLimiter(long bytesPerSecond, long recordsPerSecond, Sleeper sleeper, Clock clock) {
        this.bytesPerSecond = bytesPerSecond;
        this.recordsPerSecond = recordsPerSecond;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    public boolean active() {
        return this.bytesPerSecond > 0 || this.recordsPerSecond > 0;
    }

    /** Accounts a pushed batch and blocks the caller as long as needed to keep the limits. */
    public void acquire(long records, long bytes) throws InterruptedException {
        if (!active()) {
            return;
        }
        long now = this.clock.millis();
        if (this.windowStart < 0) {
            this.windowStart = now;
        }
        this.windowBytes += bytes;
        this.windowRecords += records;
        long due = 0;
        if (this.bytesPerSecond > 0) {
            due = Math.max(due, this.windowBytes * 1000L / this.bytesPerSecond);
        }
        if (this.recordsPerSecond > 0) {
            due = Math.max(due, this.windowRecords * 1000L / this.recordsPerSecond);
        }
        long elapsed = now - this.windowStart;
        if (due > elapsed) {
            long wait = due - elapsed;
            this.sleptMillis += wait;
            this.sleeper.sleep(wait);
        } else if (elapsed >= WINDOW_MILLIS) {
            this.windowStart = now;
            this.windowBytes = 0;
            this.windowRecords = 0;
        }
    }

    public long sleptMillis() {
        return this.sleptMillis;
    }
}
