package io.chpack.testkit;

import java.time.Duration;

/**
 * Polls a condition until it holds or a deadline passes. Used instead of fixed sleeps everywhere: the
 * wait is as short as the condition allows and fails loudly, naming what it waited for.
 */
public final class Wait {
    /** A condition; throwing counts as "not yet" and the last failure goes into the timeout message. */
    @FunctionalInterface
    public interface Condition {
        boolean test() throws Exception;
    }

    private Wait() {
    }

    public static void until(String what, Duration timeout, Condition condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 10;
        Exception last = null;
        while (true) {
            try {
                if (condition.test()) {
                    return;
                }
                last = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("timed out after " + timeout.toMillis() + " ms waiting for " + what
                        + (last == null ? "" : "; last failure: " + last), last);
            }
            sleep(pause);
            pause = Math.min(pause * 2, 250);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
