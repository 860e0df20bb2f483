package io.chpack.testkit.maxcompute;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failure injection for tests of clients (plugins) against the {@link MaxComputeEmulator}. Every fault fires a
 * given number of times and then disappears; {@link #fired()} counts what actually fired, so a test can prove
 * that its retry path ran.
 *
 * <ul>
 * <li>{@link #failBlock(long, int)}: the next N block PUTs with that block id (any session) read the whole
 *     body, store nothing and answer 500 with a tunnel error.</li>
 * <li>{@link #dropBlock(long, int)}: the same, but the connection is closed without an answer (the client sees
 *     an I/O error).</li>
 * <li>{@link #failCommits(int)}: the next N upload-session commits answer 500 and commit nothing (the SDK
 *     retries 5xx commits itself, waiting 1 s, 2 s, 4 s, ...); {@link #failCommits(int, int)} with a 4xx status
 *     makes the SDK give up at once.</li>
 * <li>{@link #dropRequests(int)}: the next N requests of any kind are read and their connection closed without
 *     an answer.</li>
 * </ul>
 */
public final class MaxComputeFaults {
    private final Map<Long, Integer> failBlocks = new HashMap<>();
    private final Map<Long, Integer> dropBlocks = new HashMap<>();
    private int failCommits;
    private int commitStatus = 500;
    private int dropRequests;
    private final AtomicInteger fired = new AtomicInteger();

    MaxComputeFaults() {
    }

    public synchronized MaxComputeFaults failBlock(long blockId, int times) {
        failBlocks.merge(blockId, times, Integer::sum);
        return this;
    }

    public synchronized MaxComputeFaults dropBlock(long blockId, int times) {
        dropBlocks.merge(blockId, times, Integer::sum);
        return this;
    }

    public synchronized MaxComputeFaults failCommits(int times) {
        return failCommits(times, 500);
    }

    /** As {@link #failCommits(int)}, answering {@code status} (e.g. 409, which the SDK does not retry). */
    public synchronized MaxComputeFaults failCommits(int times, int status) {
        failCommits += times;
        commitStatus = status;
        return this;
    }

    public synchronized MaxComputeFaults dropRequests(int times) {
        dropRequests += times;
        return this;
    }

    /** Removes every pending fault (the fired count stays). */
    public synchronized void clear() {
        failBlocks.clear();
        dropBlocks.clear();
        failCommits = 0;
        dropRequests = 0;
    }

    /** How many injected faults have fired since the emulator started. */
    public int fired() {
        return fired.get();
    }

    /** Faults still waiting to fire. */
    public synchronized int pending() {
        int n = failCommits + dropRequests;
        for (int v : failBlocks.values()) {
            n += v;
        }
        for (int v : dropBlocks.values()) {
            n += v;
        }
        return n;
    }

    enum Outcome { NONE, FAIL, DROP }

    synchronized boolean takeDropRequest() {
        if (dropRequests > 0) {
            dropRequests--;
            fired.incrementAndGet();
            return true;
        }
        return false;
    }

    synchronized Outcome takeBlock(long blockId) {
        if (take(dropBlocks, blockId)) {
            return Outcome.DROP;
        }
        if (take(failBlocks, blockId)) {
            return Outcome.FAIL;
        }
        return Outcome.NONE;
    }

    /** 0, or the status the next commit answers. */
    synchronized int takeCommit() {
        if (failCommits > 0) {
            failCommits--;
            fired.incrementAndGet();
            return commitStatus;
        }
        return 0;
    }

    private boolean take(Map<Long, Integer> m, long blockId) {
        Integer n = m.get(blockId);
        if (n == null || n <= 0) {
            return false;
        }
        if (n == 1) {
            m.remove(blockId);
        } else {
            m.put(blockId, n - 1);
        }
        fired.incrementAndGet();
        return true;
    }
}
