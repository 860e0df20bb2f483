package com.alibaba.datax.common.plugin;

import com.alibaba.datax.common.element.Record;

/** A writer task's inlet from the channel. */
public interface RecordReceiver {

    /** @return the next record, or null once the reader has terminated and the channel is drained */
    Record getFromReader();

    void shutdown();
}
