package io.chpack.runner.job;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.alibaba.datax.common.exception.DataXException;

import io.chpack.runner.ChannelMetrics;
import io.chpack.runner.RunnerErrorCode;
import io.chpack.runner.config.RunSettings;
import io.chpack.runner.log.MaskedLog;
import io.chpack.runner.plugin.LoadedPlugin;

/**
 * Runs the task pairs, at most {@code concurrency} at once, in task order, and decides what a task
 * failure means. Failover follows DataX's TaskGroupContainer: a failed task is rerun (reader AND
 * writer, fresh plugin instances, the same slices, its counters and messages reset) only when the
 * writer task's supportFailOver() is true and the attempts so far are fewer than
 * core.container.task.failOver.maxRetryTimes (default 1, so never), after retryIntervalInMsec. Any
 * other failure, or the error limit, stops every running pair and fails the job.
 */
final class TaskScheduler implements TaskPairRunner.Listener {
    private static final class Pending {
        final TaskSpec spec;
        final int attempt;
        final long notBefore;

        Pending(TaskSpec spec, int attempt, long notBefore) {
            this.spec = spec;
            this.attempt = attempt;
            this.notBefore = notBefore;
        }
    }

    private final JobRunContext context;
    private final RunSettings settings;
    private final LoadedPlugin reader;
    private final LoadedPlugin writer;
    private final MaskedLog log;
    private final Map<Integer, TaskPairRunner> running = new LinkedHashMap<Integer, TaskPairRunner>();
    private final Map<Integer, ChannelMetrics> channelMetrics = new LinkedHashMap<Integer, ChannelMetrics>();
    private int retries;

    TaskScheduler(JobRunContext context, LoadedPlugin reader, LoadedPlugin writer) {
        this.context = context;
        this.settings = context.settings();
        this.reader = reader;
        this.writer = writer;
        this.log = context.log(TaskScheduler.class);
    }

    @Override
    public void attemptEnded(TaskPairRunner attempt) {
        this.context.events().offer(attempt);
    }

    void run(List<TaskSpec> tasks, int concurrency, ProgressReporter progress) throws InterruptedException {
        LinkedList<Pending> queue = new LinkedList<Pending>();
        for (TaskSpec spec : tasks) {
            queue.add(new Pending(spec, 1, 0));
        }
        long nextReport = System.currentTimeMillis() + this.settings.reportIntervalMillis;
        try {
            while (true) {
                checkStop();
                long now = System.currentTimeMillis();
                startReady(queue, concurrency, now);
                if (queue.isEmpty() && this.running.isEmpty()) {
                    break;
                }
                long wait = Math.max(1, Math.min(nextReport - now, nextRetry(queue, concurrency, now)));
                Object event = this.context.events().poll(wait, TimeUnit.MILLISECONDS);
                while (event != null) {
                    if (event instanceof TaskPairRunner) {
                        attemptEnded((TaskPairRunner) event, queue);
                    }
                    event = this.context.events().poll();
                }
                checkStop();
                checkHung();
                now = System.currentTimeMillis();
                if (now >= nextReport) {
                    progress.report();
                    nextReport = now + this.settings.reportIntervalMillis;
                }
            }
        } catch (RuntimeException e) {
            stopAll(e);
            throw e;
        } catch (InterruptedException e) {
            stopAll(e);
            throw e;
        } catch (Error e) {
            stopAll(e);
            throw e;
        }
    }

    private void startReady(LinkedList<Pending> queue, int concurrency, long now) {
        Iterator<Pending> it = queue.iterator();
        while (it.hasNext() && this.running.size() < concurrency) {
            Pending pending = it.next();
            if (pending.notBefore > now) {
                continue;
            }
            it.remove();
            TaskPairRunner attempt = new TaskPairRunner(pending.spec, pending.attempt, this.reader, this.writer,
                    this.context.statistics().newAttempt(pending.spec.taskId), this.context, this);
            this.running.put(pending.spec.taskId, attempt);
            this.log.debug("task %d attempt %d started", pending.spec.taskId, pending.attempt);
            attempt.start();
        }
    }

    private long nextRetry(List<Pending> queue, int concurrency, long now) {
        long wait = this.settings.sleepIntervalMillis;
        if (this.running.size() < concurrency) {
            for (Pending pending : queue) {
                wait = Math.min(wait, pending.notBefore - now);
            }
        }
        return wait;
    }

    private void attemptEnded(TaskPairRunner attempt, List<Pending> queue) {
        this.running.remove(attempt.taskId());
        this.channelMetrics.put(attempt.taskId(), attempt.channelMetrics());
        if (attempt.succeeded()) {
            this.context.statistics().taskFinished();
            this.log.debug("task %d finished", attempt.taskId());
            return;
        }
        Throwable failure = attempt.failure();
        if (failure == null) {
            // Aborted without failing itself: the stop cause is reported by checkStop.
            return;
        }
        if (attempt.attempt() < this.settings.failOverMaxRetryTimes && attempt.writerSupportsFailOver()) {
            this.retries++;
            this.log.warn("task %d attempt %d failed and its writer supports failover: retrying it (attempt %d of %d) "
                            + "in %d ms; cause: %s", attempt.taskId(), attempt.attempt(), attempt.attempt() + 1,
                    this.settings.failOverMaxRetryTimes, this.settings.failOverRetryIntervalMillis,
                    FailureText.describe(failure));
            // The retry starts from scratch, so the failed attempt's records must not count.
            this.context.statistics().newAttempt(attempt.taskId());
            queue.add(new Pending(attempt.spec(), attempt.attempt() + 1,
                    System.currentTimeMillis() + this.settings.failOverRetryIntervalMillis));
            return;
        }
        this.context.stop(failure);
    }

    private void checkStop() {
        Throwable cause = this.context.stopCause();
        if (cause == null) {
            return;
        }
        if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        throw DataXException.asDataXException(RunnerErrorCode.PLUGIN_RUNTIME_ERROR, cause.toString(), cause);
    }

    /** A failed attempt whose other side ignores the shutdown must not hold the job forever. */
    private void checkHung() {
        long now = System.currentTimeMillis();
        for (TaskPairRunner attempt : this.running.values()) {
            long failedAt = attempt.failedAt();
            if (failedAt > 0 && now - failedAt > this.settings.failOverMaxWaitMillis) {
                this.context.stop(attempt.failure());
                this.log.error("task %d failed %d ms ago but its threads [%s] have not stopped (%s)", attempt.taskId(),
                        now - failedAt, attempt.aliveThreads(), RunSettings.FAILOVER_MAX_WAIT);
                checkStop();
            }
        }
    }

    /** Stops every running pair and waits (up to maxWaitInMsec) for their threads to end. */
    private void stopAll(Throwable cause) {
        if (this.running.isEmpty()) {
            return;
        }
        String reason = "the job is stopping: " + FailureText.describe(cause);
        List<TaskPairRunner> attempts = new ArrayList<TaskPairRunner>(this.running.values());
        for (TaskPairRunner attempt : attempts) {
            attempt.abort(reason);
        }
        long deadline = System.currentTimeMillis() + this.settings.failOverMaxWaitMillis;
        for (TaskPairRunner attempt : attempts) {
            boolean ended;
            try {
                ended = attempt.awaitEnd(Math.max(0, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ended = false;
            }
            this.channelMetrics.put(attempt.taskId(), attempt.channelMetrics());
            if (!ended) {
                this.log.warn("task %d did not stop within %d ms (%s); its threads [%s] are abandoned",
                        attempt.taskId(), this.settings.failOverMaxWaitMillis, RunSettings.FAILOVER_MAX_WAIT,
                        attempt.aliveThreads());
            }
        }
        this.running.clear();
    }

    List<ChannelMetrics> channelMetrics() {
        List<ChannelMetrics> metrics = new ArrayList<ChannelMetrics>(this.channelMetrics.values());
        for (TaskPairRunner attempt : this.running.values()) {
            metrics.add(attempt.channelMetrics());
        }
        return metrics;
    }

    int retries() {
        return this.retries;
    }
}
