package io.chpack.runner.job;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.alibaba.datax.common.plugin.AbstractTaskPlugin;
import com.alibaba.datax.common.spi.Reader;
import com.alibaba.datax.common.spi.Writer;

import io.chpack.runner.ChannelMetrics;
import io.chpack.runner.log.MaskedLog;
import io.chpack.runner.plugin.LoadedPlugin;
import io.chpack.runner.stats.DirtyRecordCollector;
import io.chpack.runner.stats.DirtySampleStore;
import io.chpack.runner.stats.TaskCounters;
import io.chpack.runner.transport.BoundedChannel;
import io.chpack.runner.transport.ChannelRecordReceiver;
import io.chpack.runner.transport.ChannelRecordSender;
import io.chpack.runner.transport.SpeedLimiter;

/**
 * One attempt of one task: a reader thread and a writer thread connected by a bounded channel, as
 * DataX's TaskExecutor. Each thread runs its task plugin's init, prepare, startRead/startWrite, post
 * and, in finally, destroy, with the plugin's class loader as context class loader. The first failure
 * on either side is the attempt's failure: the channel is shut down and the other side interrupted
 * while it is in plugin work, and neither side runs post once the attempt has failed.
 */
final class TaskPairRunner {
    /** Told once both threads have ended. */
    interface Listener {
        void attemptEnded(TaskPairRunner attempt);
    }

    private final TaskSpec spec;
    private final int attempt;
    private final LoadedPlugin reader;
    private final LoadedPlugin writer;
    private final TaskCounters counters;
    private final BoundedChannel channel;
    private final DirtyRecordCollector readerCollector;
    private final DirtyRecordCollector writerCollector;
    private final int bufferSize;
    private final Listener listener;
    private final MaskedLog log;

    private final AtomicReference<Throwable> failure = new AtomicReference<Throwable>();
    private final AtomicInteger running = new AtomicInteger(2);
    private final CountDownLatch ended = new CountDownLatch(2);
    private final Side readerSide = new Side("reader");
    private final Side writerSide = new Side("writer");
    private volatile boolean aborted;
    private volatile long failedAt = -1;
    private volatile Writer.Task writerTask;

    /** Per-thread state: whether plugin work (not destroy) is in progress, guarded for interrupts. */
    private static final class Side {
        final String name;
        Thread thread;
        boolean working;

        Side(String name) {
            this.name = name;
        }
    }

    TaskPairRunner(TaskSpec spec, int attempt, LoadedPlugin reader, LoadedPlugin writer, TaskCounters counters,
                   JobRunContext context, Listener listener) {
        this.spec = spec;
        this.attempt = attempt;
        this.reader = reader;
        this.writer = writer;
        this.counters = counters;
        this.listener = listener;
        this.log = context.log(TaskPairRunner.class);
        DirtySampleStore store = context.dirtySamples();
        this.channel = new BoundedChannel(spec.taskId, context.settings().channelCapacity,
                context.settings().channelByteCapacity, context.settings().exchangerBufferSize, counters,
                new SpeedLimiter(context.settings().channelByteSpeed, context.settings().channelRecordSpeed));
        this.readerCollector = new DirtyRecordCollector(true, counters, store, context, this.log);
        this.writerCollector = new DirtyRecordCollector(false, counters, store, context, this.log);
        this.bufferSize = context.settings().exchangerBufferSize;
    }

    int taskId() {
        return this.spec.taskId;
    }

    int attempt() {
        return this.attempt;
    }

    TaskSpec spec() {
        return this.spec;
    }

    void start() {
        this.readerSide.thread = newThread(this.readerSide, this.reader, new Runnable() {
            @Override
            public void run() {
                runReader();
            }
        });
        this.writerSide.thread = newThread(this.writerSide, this.writer, new Runnable() {
            @Override
            public void run() {
                runWriter();
            }
        });
        // Writer first, as DataX: a reader that starts producing always finds its consumer running.
        this.writerSide.thread.start();
        this.readerSide.thread.start();
    }

    private Thread newThread(Side side, LoadedPlugin plugin, Runnable body) {
        Thread thread = new Thread(body, String.format("0-%d-%d-%s", this.spec.taskGroupId, this.spec.taskId,
                side.name));
        thread.setContextClassLoader(plugin.classLoader());
        // A plugin stuck in I/O that ignores interrupts must not keep the JVM alive after the job ended.
        thread.setDaemon(true);
        return thread;
    }

    private void runReader() {
        Reader.Task task = null;
        enterWork(this.readerSide);
        try {
            task = this.reader.instantiate("Task", Reader.Task.class);
            configure(task, this.reader, this.spec.readerSlice.clone(), this.readerCollector);
            task.init();
            task.prepare();
            ChannelRecordSender sender = new ChannelRecordSender(this.channel, this.bufferSize, this.readerCollector);
            task.startRead(sender);
            sender.terminate();
            if (!failedOrAborted()) {
                task.post();
            }
        } catch (Throwable t) {
            fail(t, this.readerSide);
        } finally {
            leaveWork(this.readerSide);
            destroy(task, this.readerSide);
            end();
        }
    }

    private void runWriter() {
        Writer.Task task = null;
        enterWork(this.writerSide);
        try {
            task = this.writer.instantiate("Task", Writer.Task.class);
            this.writerTask = task;
            configure(task, this.writer, this.spec.writerSlice.clone(), this.writerCollector);
            task.init();
            task.prepare();
            task.startWrite(new ChannelRecordReceiver(this.channel));
            if (!failedOrAborted()) {
                task.post();
            }
        } catch (Throwable t) {
            fail(t, this.writerSide);
        } finally {
            leaveWork(this.writerSide);
            // A writer that stopped consuming must not leave its reader blocked on a full channel.
            this.channel.shutdown("the writer task " + this.spec.taskId + " has ended");
            destroy(task, this.writerSide);
            end();
        }
    }

    private void configure(AbstractTaskPlugin task, LoadedPlugin plugin, com.alibaba.datax.common.util.Configuration
            slice, DirtyRecordCollector collector) {
        task.setPluginConf(plugin.descriptor().pluginConf());
        task.setPluginJobConf(slice);
        task.setTaskPluginCollector(collector);
        task.setTaskGroupId(this.spec.taskGroupId);
        task.setTaskId(this.spec.taskId);
    }

    private void fail(Throwable t, Side side) {
        if (this.failure.compareAndSet(null, t)) {
            this.failedAt = System.currentTimeMillis();
            if (!this.aborted) {
                this.log.error(t, "%s task %d (attempt %d) failed: %s", side.name, this.spec.taskId, this.attempt,
                        FailureText.describe(t));
            }
            stopOtherSide(side, "the " + side.name + " task " + this.spec.taskId + " failed");
        } else {
            this.log.debug("%s task %d (attempt %d) also ended with %s", side.name, this.spec.taskId, this.attempt, t);
        }
    }

    private void stopOtherSide(Side failed, String reason) {
        this.channel.shutdown(reason);
        interruptIfWorking(failed == this.readerSide ? this.writerSide : this.readerSide);
    }

    /** Stops the attempt because the job is failing or stopping; the tasks see SHUT_DOWN_TASK. */
    void abort(String reason) {
        this.aborted = true;
        this.channel.shutdown(reason);
        interruptIfWorking(this.readerSide);
        interruptIfWorking(this.writerSide);
    }

    private void interruptIfWorking(Side side) {
        synchronized (side) {
            if (side.working && side.thread != null && side.thread != Thread.currentThread()) {
                side.thread.interrupt();
            }
        }
    }

    private void enterWork(Side side) {
        synchronized (side) {
            side.working = true;
        }
    }

    private void leaveWork(Side side) {
        synchronized (side) {
            side.working = false;
            // An interrupt meant for plugin work must not hit destroy, which releases resources.
            Thread.interrupted();
        }
    }

    private void destroy(AbstractTaskPlugin task, Side side) {
        if (task == null) {
            return;
        }
        try {
            task.destroy();
        } catch (Throwable t) {
            this.log.warn(t, "%s task %d: destroy() failed (ignored, the task's outcome stands): %s", side.name,
                    this.spec.taskId, FailureText.describe(t));
        }
    }

    private void end() {
        this.ended.countDown();
        if (this.running.decrementAndGet() == 0) {
            this.listener.attemptEnded(this);
        }
    }

    private boolean failedOrAborted() {
        return this.failure.get() != null || this.aborted;
    }

    boolean succeeded() {
        return this.failure.get() == null && !this.aborted;
    }

    Throwable failure() {
        return this.failure.get();
    }

    /** When the attempt failed while one of its threads is still running; -1 otherwise. */
    long failedAt() {
        return this.failedAt;
    }

    boolean awaitEnd(long millis) throws InterruptedException {
        return this.ended.await(millis, TimeUnit.MILLISECONDS);
    }

    String aliveThreads() {
        StringBuilder sb = new StringBuilder();
        for (Side side : new Side[] {this.readerSide, this.writerSide}) {
            Thread thread = side.thread;
            if (thread != null && thread.isAlive()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(thread.getName());
            }
        }
        return sb.toString();
    }

    /** Whether the writer task asks to be retried (Writer.Task.supportFailOver, asked as DataX does). */
    boolean writerSupportsFailOver() {
        final Writer.Task task = this.writerTask;
        if (task == null) {
            return false;
        }
        try {
            return this.writer.call(new LoadedPlugin.PluginCall<Boolean>() {
                @Override
                public Boolean call() {
                    return task.supportFailOver();
                }
            });
        } catch (RuntimeException e) {
            this.log.warn(e, "writer task %d: supportFailOver() failed; not retrying", this.spec.taskId);
            return false;
        }
    }

    ChannelMetrics channelMetrics() {
        return this.channel.metrics();
    }
}
