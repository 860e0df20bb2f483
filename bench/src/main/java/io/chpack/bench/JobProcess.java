package io.chpack.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;

import io.chpack.runner.Engine;
import io.chpack.runner.JobResult;

/**
 * Runs one job through the embedded engine in this JVM and prints one {@code RESULT k=v ...} line: wall and
 * process CPU milliseconds of {@code Engine.run} (JVM start excluded), records, and two heap figures —
 * {@code peakHeap}: the sum of the heap pools' peak usage during the run (includes garbage not yet collected,
 * so it grows with -Xmx), and {@code liveHeap}: the largest heap occupancy right after any GC during the run
 * (what the job really holds). The plugin benchmarks start it in a child JVM with a small -Xmx and a class
 * path without the plugins' shaded libraries. Usage: {@code JobProcess <home> <job.json> [key=value]...}.
 */
public final class JobProcess {
    private JobProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Paths.get(args[0]);
        Path job = Paths.get(args[1]);
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            vars.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        AtomicLong liveHeap = new AtomicLong();
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used = 0;
                for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (!e.getKey().contains("Metaspace") && !e.getKey().contains("Code")
                            && !e.getKey().contains("Compressed")) {
                        used += e.getValue().getUsed();
                    }
                }
                liveHeap.accumulateAndGet(used, Math::max);
            }, null, null);
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Engine engine = new Engine(home);
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        liveHeap.set(0);
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        JobResult result = engine.run(job, vars);
        long wallNanos = System.nanoTime() - t0;
        long cpuNanos = os.getProcessCpuTime() - cpu0;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "%nRESULT success=%s wallMs=%d cpuMs=%d read=%d written=%d errors=%d peakHeap=%d "
                + "liveHeap=%d maxHeap=%d%n", result.isSuccess(), wallNanos / 1_000_000, cpuNanos / 1_000_000,
                result.totalReadRecords(), result.writeSucceedRecords(), result.errorRecords(), peak, liveHeap.get(),
                Runtime.getRuntime().maxMemory());
        if (!result.isSuccess()) {
            System.out.println("ERROR " + String.valueOf(result.errorMessage()).replace('\n', ' '));
        }
        System.out.flush();
        System.exit(result.isSuccess() ? 0 : 1);
    }
}
