package io.chpack.runner.job;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

import io.chpack.runner.config.RunSettings;
import io.chpack.runner.log.MaskedLog;
import io.chpack.runner.security.SecretMasker;
import io.chpack.runner.stats.DirtyRecordCollector;
import io.chpack.runner.stats.DirtySampleStore;
import io.chpack.runner.stats.JobStatistics;

/**
 * State shared by everything in one job run. It is also the dirty-record listener: the record error
 * limit is checked on every dirty record, from the plugin's thread, so the job stops as soon as the
 * limit is passed instead of at the next report.
 */
final class JobRunContext implements DirtyRecordCollector.Listener {
    /** Wakes the scheduler when the job must stop. */
    static final Object STOP = new Object();

    private final RunSettings settings;
    private final SecretMasker masker;
    private final JobStatistics statistics = new JobStatistics();
    private final DirtySampleStore dirtySamples;
    private final AtomicReference<Throwable> stopCause = new AtomicReference<Throwable>();
    private final LinkedBlockingQueue<Object> events = new LinkedBlockingQueue<Object>();

    JobRunContext(RunSettings settings, SecretMasker masker) {
        this.settings = settings;
        this.masker = masker;
        this.dirtySamples = new DirtySampleStore(settings.maxDirtyNumber);
    }

    RunSettings settings() {
        return this.settings;
    }

    JobStatistics statistics() {
        return this.statistics;
    }

    DirtySampleStore dirtySamples() {
        return this.dirtySamples;
    }

    MaskedLog log(Class<?> owner) {
        return MaskedLog.of(owner, this.masker);
    }

    LinkedBlockingQueue<Object> events() {
        return this.events;
    }

    @Override
    public void dirtyRecordCollected() {
        if (this.stopCause.get() != null) {
            return;
        }
        long errors = this.statistics.errorRecords();
        if (this.settings.errorLimit.recordLimitExceeded(errors)) {
            stop(this.settings.errorLimit.recordLimitError(errors));
        }
    }

    /** Asks the scheduler to stop the job with this cause; the first cause wins. */
    void stop(Throwable cause) {
        if (this.stopCause.compareAndSet(null, cause)) {
            this.events.offer(STOP);
        }
    }

    Throwable stopCause() {
        return this.stopCause.get();
    }
}
