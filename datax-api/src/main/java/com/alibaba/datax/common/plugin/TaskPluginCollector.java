package com.alibaba.datax.common.plugin;

import com.alibaba.datax.common.element.Record;

/**
 * Where a task reports dirty records (counted against the job's errorLimit) and free-form messages for
 * its Job.
 */
public abstract class TaskPluginCollector implements PluginCollector {

    public abstract void collectDirtyRecord(final Record dirtyRecord, final Throwable t,
                                            final String errorMessage);

    public void collectDirtyRecord(final Record dirtyRecord, final String errorMessage) {
        this.collectDirtyRecord(dirtyRecord, null, errorMessage);
    }

    public void collectDirtyRecord(final Record dirtyRecord, final Throwable t) {
        this.collectDirtyRecord(dirtyRecord, t, "");
    }

    /** Values sent under the same key accumulate in a list. */
    public abstract void collectMessage(final String key, final String value);
}
