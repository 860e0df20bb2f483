package io.chpack.runner.transport;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;

import io.chpack.runner.ChannelMetrics;
import io.chpack.runner.stats.TaskCounters;

/**
 * The queue between one reader task and its writer task, bounded by records AND memory (DataX's
 * MemoryChannel: core.transport.channel.capacity and byteCapacity, memory measured with
 * Record.getMemorySize). A full channel blocks the reader, so a slow writer slows the reader down
 * instead of filling the heap. Shutdown wakes both sides with SHUT_DOWN_TASK so a failed or
 * stopped job never leaves a task blocked here.
 */
public final class BoundedChannel {
    private final int taskId;
    private final int capacity;
    private final long byteCapacity;
    private final int pullBatch;
    private final TaskCounters counters;
    private final SpeedLimiter limiter;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = this.lock.newCondition();
    private final Condition notEmpty = this.lock.newCondition();
    private final ArrayDeque<Record> queue = new ArrayDeque<Record>();
    private long queuedBytes;
    private boolean terminated;
    private boolean shutdown;
    private String shutdownReason;
    private int peakRecords;
    private long peakBytes;
    private long pushedRecords;

    public BoundedChannel(int taskId, int capacity, long byteCapacity, int pullBatch, TaskCounters counters,
                          SpeedLimiter limiter) {
        this.taskId = taskId;
        this.capacity = capacity;
        this.byteCapacity = byteCapacity;
        this.pullBatch = pullBatch;
        this.counters = counters;
        this.limiter = limiter;
    }

    public int capacity() {
        return this.capacity;
    }

    public long byteCapacity() {
        return this.byteCapacity;
    }

    /** Blocks while the batch does not fit, then queues it whole and applies the speed limit. */
    public void pushAll(List<Record> batch) {
        if (batch.isEmpty()) {
            return;
        }
        long memory = 0;
        long bytes = 0;
        for (Record record : batch) {
            memory += record.getMemorySize();
            bytes += record.getByteSize();
        }
        try {
            this.lock.lockInterruptibly();
            try {
                // An empty channel takes any batch: the sender never builds one beyond the bounds, and
                // refusing it would block forever.
                while (!this.shutdown && !this.queue.isEmpty()
                        && (this.queue.size() + batch.size() > this.capacity
                        || this.queuedBytes + memory > this.byteCapacity)) {
                    this.notFull.await();
                }
                if (this.shutdown) {
                    throw shutdownError();
                }
                this.queue.addAll(batch);
                this.queuedBytes += memory;
                this.pushedRecords += batch.size();
                this.peakRecords = Math.max(this.peakRecords, this.queue.size());
                this.peakBytes = Math.max(this.peakBytes, this.queuedBytes);
                this.notEmpty.signalAll();
            } finally {
                this.lock.unlock();
            }
            this.counters.pushed(batch.size(), bytes);
            this.limiter.acquire(batch.size(), bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(e);
        }
    }

    /** The reader is done: the writer gets the queued records and then the end of the stream. */
    public void terminate() {
        this.lock.lock();
        try {
            this.terminated = true;
            this.notEmpty.signalAll();
        } finally {
            this.lock.unlock();
        }
    }

    /**
     * Moves up to one buffer of records into {@code out} (cleared first); false at the end of the stream.
     */
    public boolean pullAll(List<Record> out) {
        out.clear();
        long bytes = 0;
        try {
            this.lock.lockInterruptibly();
            try {
                while (!this.shutdown && this.queue.isEmpty() && !this.terminated) {
                    this.notEmpty.await();
                }
                if (this.shutdown) {
                    throw shutdownError();
                }
                if (this.queue.isEmpty()) {
                    return false;
                }
                long memory = 0;
                while (out.size() < this.pullBatch && !this.queue.isEmpty()) {
                    Record record = this.queue.poll();
                    out.add(record);
                    memory += record.getMemorySize();
                    bytes += record.getByteSize();
                }
                this.queuedBytes -= memory;
                this.notFull.signalAll();
            } finally {
                this.lock.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(e);
        }
        this.counters.pulled(out.size(), bytes);
        return true;
    }

    /** Drops queued records and makes every current and later push or pull fail. */
    public void shutdown(String reason) {
        this.lock.lock();
        try {
            if (!this.shutdown) {
                this.shutdown = true;
                this.shutdownReason = reason;
            }
            this.queue.clear();
            this.queuedBytes = 0;
            this.notEmpty.signalAll();
            this.notFull.signalAll();
        } finally {
            this.lock.unlock();
        }
    }

    public boolean isShutdown() {
        this.lock.lock();
        try {
            return this.shutdown;
        } finally {
            this.lock.unlock();
        }
    }

    public ChannelMetrics metrics() {
        this.lock.lock();
        try {
            return new ChannelMetrics(this.taskId, this.capacity, this.byteCapacity, this.peakRecords, this.peakBytes,
                    this.pushedRecords, this.limiter.sleptMillis());
        } finally {
            this.lock.unlock();
        }
    }

    private DataXException shutdownError() {
        return DataXException.asDataXException(CommonErrorCode.SHUT_DOWN_TASK,
                "the channel of task " + this.taskId + " was shut down: " + this.shutdownReason);
    }

    private DataXException interrupted(InterruptedException e) {
        return DataXException.asDataXException(CommonErrorCode.SHUT_DOWN_TASK,
                "task " + this.taskId + " was interrupted while waiting on its channel", e);
    }
}
