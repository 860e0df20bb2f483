package com.alibaba.datax.common.plugin;

import com.alibaba.datax.common.element.Record;

/** A reader task's outlet into the channel. */
public interface RecordSender {

    Record createRecord();

    void sendToWriter(Record record);

    void flush();

    /** Signals end of data; the engine calls it after startRead returns. */
    void terminate();

    void shutdown();
}
