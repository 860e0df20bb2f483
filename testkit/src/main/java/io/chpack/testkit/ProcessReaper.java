package io.chpack.testkit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The JVM-exit safety net: a test that forgets close(), or a killed build, must not leave servers behind.
 * One shutdown hook stops every attached process still registered; signals go out to all at once so the
 * slow clean stops (ClickHouse ~2.6 s each) overlap.
 */
final class ProcessReaper {
    private static final Set<ManagedProcess> LIVE = new LinkedHashSet<>();
    private static boolean hookInstalled;

    private ProcessReaper() {
    }

    static synchronized void register(ManagedProcess p) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::stopAll, "chpack-testkit-reaper"));
            hookInstalled = true;
        }
        LIVE.add(p);
    }

    static synchronized void unregister(ManagedProcess p) {
        LIVE.remove(p);
    }

    private static void stopAll() {
        List<ManagedProcess> all;
        synchronized (ProcessReaper.class) {
            all = new ArrayList<>(LIVE);
        }
        List<Thread> stoppers = new ArrayList<>();
        for (ManagedProcess p : all) {
            Thread t = new Thread(() -> p.stop(java.time.Duration.ofSeconds(15)), "stop-" + p.name());
            t.start();
            stoppers.add(t);
        }
        for (Thread t : stoppers) {
            try {
                t.join(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
