package io.chpack.aurorareader.cdc;

import com.alibaba.datax.common.element.Record;

/**
 * Where a {@link ChangeSource} puts its records; in a task {@code recordSender::createRecord} and
 * {@code recordSender::sendToWriter} (see {@link #of(com.alibaba.datax.common.plugin.RecordSender)}).
 * Called from the thread that called {@link ChangeSource#read}.
 */
public interface ChangeSink {
    Record newRecord();

    void send(Record record);

    static ChangeSink of(final com.alibaba.datax.common.plugin.RecordSender sender) {
        return new ChangeSink() {
            @Override
            public Record newRecord() {
                return sender.createRecord();
            }

            @Override
            public void send(Record record) {
                sender.sendToWriter(record);
            }
        };
    }
}
