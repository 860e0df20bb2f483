package io.chpack.runner.stats;

import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.plugin.TaskPluginCollector;

import io.chpack.runner.DirtyRecordSample;
import io.chpack.runner.log.MaskedLog;
import io.chpack.runner.transport.ColumnText;

/**
 * The TaskPluginCollector a task plugin gets: counts dirty records and bytes for its side of the
 * task, keeps and prints the first few with their reason, and tells the job so that
 * job.setting.errorLimit.record can stop the job while it runs. It never throws into the plugin:
 * stopping is the engine's decision, as in DataX.
 */
public final class DirtyRecordCollector extends TaskPluginCollector {
    /** Told of every dirty record, from the plugin's thread. */
    public interface Listener {
        void dirtyRecordCollected();
    }

    private final boolean readerSide;
    private final TaskCounters counters;
    private final DirtySampleStore store;
    private final Listener listener;
    private final MaskedLog log;
    private boolean stackTraceLogged;

    public DirtyRecordCollector(boolean readerSide, TaskCounters counters, DirtySampleStore store,
                                Listener listener, MaskedLog log) {
        this.readerSide = readerSide;
        this.counters = counters;
        this.store = store;
        this.listener = listener;
        this.log = log;
    }

    @Override
    public void collectDirtyRecord(Record dirtyRecord, Throwable t, String errorMessage) {
        if (dirtyRecord == null) {
            this.log.warn("%s task %d reported a dirty record that is null; not counted (message: %s)",
                    side(), this.counters.taskId(), errorMessage);
            return;
        }
        if (this.readerSide) {
            this.counters.readerDirty(dirtyRecord.getByteSize());
        } else {
            this.counters.writerDirty(dirtyRecord.getByteSize());
        }
        if (this.store.hasRoom()) {
            keep(dirtyRecord, t, errorMessage);
        }
        this.listener.dirtyRecordCollected();
    }

    private void keep(Record dirtyRecord, Throwable t, String errorMessage) {
        String exception = "";
        if (t != null) {
            exception = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        }
        DirtyRecordSample sample = new DirtyRecordSample(side(), this.counters.taskId(),
                mask(errorMessage == null ? "" : errorMessage), mask(exception),
                mask(ColumnText.record(dirtyRecord)));
        long number = this.store.offer(sample);
        if (number == 0) {
            return;
        }
        if (t != null && !this.stackTraceLogged) {
            this.stackTraceLogged = true;
            this.log.error(t, "Dirty record #%d %s", number, sample);
        } else {
            this.log.error("Dirty record #%d %s", number, sample);
        }
    }

    private String mask(String text) {
        return this.log.masker().mask(text);
    }

    private String side() {
        return this.readerSide ? "reader" : "writer";
    }

    @Override
    public void collectMessage(String key, String value) {
        this.counters.addMessage(key, value);
    }
}
