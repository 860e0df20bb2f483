package io.chpack.runner.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters and messages of one attempt of one task (a reader/writer pair). A failed attempt that is
 * retried is dropped whole, as DataX resets the task's communication, so a retried task is not
 * counted twice.
 */
public final class TaskCounters {
    private final int taskId;
    final AtomicLong readSucceedRecords = new AtomicLong();
    final AtomicLong readSucceedBytes = new AtomicLong();
    final AtomicLong readFailedRecords = new AtomicLong();
    final AtomicLong readFailedBytes = new AtomicLong();
    final AtomicLong writeReceivedRecords = new AtomicLong();
    final AtomicLong writeReceivedBytes = new AtomicLong();
    final AtomicLong writeFailedRecords = new AtomicLong();
    final AtomicLong writeFailedBytes = new AtomicLong();
    private final Map<String, List<String>> messages = new LinkedHashMap<String, List<String>>();

    public TaskCounters(int taskId) {
        this.taskId = taskId;
    }

    public int taskId() {
        return this.taskId;
    }

    /** Records the reader handed to the channel. */
    public void pushed(long records, long bytes) {
        this.readSucceedRecords.addAndGet(records);
        this.readSucceedBytes.addAndGet(bytes);
    }

    /** Records the writer took from the channel. */
    public void pulled(long records, long bytes) {
        this.writeReceivedRecords.addAndGet(records);
        this.writeReceivedBytes.addAndGet(bytes);
    }

    public void readerDirty(long bytes) {
        this.readFailedRecords.incrementAndGet();
        this.readFailedBytes.addAndGet(bytes);
    }

    public void writerDirty(long bytes) {
        this.writeFailedRecords.incrementAndGet();
        this.writeFailedBytes.addAndGet(bytes);
    }

    public synchronized void addMessage(String key, String value) {
        List<String> values = this.messages.get(key);
        if (values == null) {
            values = new ArrayList<String>();
            this.messages.put(key, values);
        }
        values.add(value);
    }

    synchronized void copyMessagesInto(Map<String, List<String>> target) {
        for (Map.Entry<String, List<String>> entry : this.messages.entrySet()) {
            List<String> values = target.get(entry.getKey());
            if (values == null) {
                values = new ArrayList<String>();
                target.put(entry.getKey(), values);
            }
            values.addAll(entry.getValue());
        }
    }

    public long errorRecords() {
        return this.readFailedRecords.get() + this.writeFailedRecords.get();
    }
}
