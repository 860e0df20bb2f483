package io.chpack.runner.transport;

import java.util.ArrayList;
import java.util.List;

import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.plugin.RecordReceiver;

/** The writer's RecordReceiver: takes a buffer of records at a time; null once the reader terminated. */
public final class ChannelRecordReceiver implements RecordReceiver {
    private final BoundedChannel channel;
    private final List<Record> buffer = new ArrayList<Record>();
    private int next;
    private boolean ended;
    private volatile boolean shutdown;

    public ChannelRecordReceiver(BoundedChannel channel) {
        this.channel = channel;
    }

    @Override
    public Record getFromReader() {
        if (this.shutdown) {
            throw DataXException.asDataXException(CommonErrorCode.SHUT_DOWN_TASK,
                    "the RecordReceiver was shut down");
        }
        if (this.next >= this.buffer.size()) {
            if (this.ended || !this.channel.pullAll(this.buffer)) {
                this.ended = true;
                this.buffer.clear();
                return null;
            }
            this.next = 0;
        }
        Record record = this.buffer.get(this.next);
        // Let the record be collected as soon as the writer is done with it.
        this.buffer.set(this.next, null);
        this.next++;
        return record;
    }

    @Override
    public void shutdown() {
        this.shutdown = true;
        this.channel.shutdown("the writer's RecordReceiver was shut down");
    }
}
