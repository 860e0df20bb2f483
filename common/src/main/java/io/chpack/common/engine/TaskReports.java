package io.chpack.common.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters that a plugin's tasks add to and its Job reads in {@code post}, in every engine.
 *
 * <p>Why not the engine's {@code JobPluginCollector.getMessage}: in DataX itself it throws a
 * NullPointerException (its {@code DefaultJobPluginCollector} is created in {@code JobContainer.init}, before the
 * container communicator it reads exists), so a Job cannot read what its tasks collected. The Job and the tasks of
 * one plugin share that plugin's class loader, in DataX's standalone mode and in {@code bin/chpack}, so a static
 * registry, keyed by a run key the Job puts into every task's configuration, carries the numbers instead.
 */
public final class TaskReports {
    /** The task-configuration key under which {@link #open()}'s run key travels to the tasks. */
    public static final String RUN_KEY = "chpackTaskReports";

    private static final ConcurrentMap<String, ConcurrentMap<String, AtomicLong>> RUNS =
            new ConcurrentHashMap<String, ConcurrentMap<String, AtomicLong>>();

    private TaskReports() {
    }

    /** A new run (call in {@code Job.split}); put the key into every task configuration under {@link #RUN_KEY}. */
    public static String open() {
        String key = UUID.randomUUID().toString();
        RUNS.put(key, new ConcurrentHashMap<String, AtomicLong>());
        return key;
    }

    /**
     * Adds to a counter of the run (from a task). False when the run is unknown in this class loader — a task
     * in another JVM or loader than its Job — so the caller can say that its Job will not see the number.
     */
    public static boolean add(String runKey, String counter, long delta) {
        ConcurrentMap<String, AtomicLong> run = runKey == null ? null : RUNS.get(runKey);
        if (run == null) {
            return false;
        }
        AtomicLong c = run.get(counter);
        if (c == null) {
            AtomicLong fresh = new AtomicLong();
            c = run.putIfAbsent(counter, fresh);
            if (c == null) {
                c = fresh;
            }
        }
        c.addAndGet(delta);
        return true;
    }

    /** The run's counters (absent counters are 0), or null when the run is unknown here. Keeps the run. */
    public static Map<String, Long> read(String runKey) {
        ConcurrentMap<String, AtomicLong> run = runKey == null ? null : RUNS.get(runKey);
        if (run == null) {
            return null;
        }
        Map<String, Long> out = new LinkedHashMap<String, Long>();
        for (Map.Entry<String, AtomicLong> e : run.entrySet()) {
            out.put(e.getKey(), e.getValue().get());
        }
        return Collections.unmodifiableMap(out);
    }

    /** Forgets the run (call in {@code Job.destroy}). */
    public static void close(String runKey) {
        if (runKey != null) {
            RUNS.remove(runKey);
        }
    }
}
