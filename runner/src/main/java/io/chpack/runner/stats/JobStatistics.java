package io.chpack.runner.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The counters of the current attempt of every task, summed on demand. */
public final class JobStatistics {
    private final ConcurrentMap<Integer, TaskCounters> current = new ConcurrentHashMap<Integer, TaskCounters>();
    private final AtomicInteger finishedTasks = new AtomicInteger();

    /** Starts a fresh attempt of a task; the counters of an earlier attempt are dropped. */
    public TaskCounters newAttempt(int taskId) {
        TaskCounters counters = new TaskCounters(taskId);
        this.current.put(taskId, counters);
        return counters;
    }

    public void taskFinished() {
        this.finishedTasks.incrementAndGet();
    }

    public long errorRecords() {
        long sum = 0;
        for (TaskCounters counters : this.current.values()) {
            sum += counters.errorRecords();
        }
        return sum;
    }

    public Totals totals() {
        long[] sums = new long[8];
        for (TaskCounters c : this.current.values()) {
            sums[0] += c.readSucceedRecords.get();
            sums[1] += c.readSucceedBytes.get();
            sums[2] += c.readFailedRecords.get();
            sums[3] += c.readFailedBytes.get();
            sums[4] += c.writeReceivedRecords.get();
            sums[5] += c.writeReceivedBytes.get();
            sums[6] += c.writeFailedRecords.get();
            sums[7] += c.writeFailedBytes.get();
        }
        return new Totals(sums, this.finishedTasks.get(), System.currentTimeMillis());
    }

    /** Messages of all tasks' current attempts, in task order (DataX merges the tasks' communications). */
    public Map<String, List<String>> messages() {
        Map<String, List<String>> merged = new LinkedHashMap<String, List<String>>();
        Map<Integer, TaskCounters> ordered = new java.util.TreeMap<Integer, TaskCounters>(this.current);
        for (TaskCounters counters : ordered.values()) {
            counters.copyMessagesInto(merged);
        }
        return merged;
    }
}
