package io.chpack.runner.transport;

import java.util.ArrayList;
import java.util.List;

import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.plugin.TaskPluginCollector;

import io.chpack.runner.RunnerErrorCode;

/**
 * The reader's RecordSender: buffers records (core.transport.exchanger.bufferSize, never more than
 * the channel's record or memory capacity) and pushes them in batches, like DataX's
 * BufferedRecordExchanger. A record larger than the channel's byte capacity can never be queued, so
 * it becomes a dirty record of the reader, as in DataX.
 */
public final class ChannelRecordSender implements RecordSender {
    private final BoundedChannel channel;
    private final TaskPluginCollector readerCollector;
    private final int bufferLimit;
    private final List<Record> buffer;
    private long bufferMemory;
    private volatile boolean shutdown;

    public ChannelRecordSender(BoundedChannel channel, int bufferSize, TaskPluginCollector readerCollector) {
        this.channel = channel;
        this.readerCollector = readerCollector;
        this.bufferLimit = Math.max(1, Math.min(bufferSize, channel.capacity()));
        this.buffer = new ArrayList<Record>(this.bufferLimit);
    }

    @Override
    public Record createRecord() {
        return new RunnerRecord();
    }

    @Override
    public void sendToWriter(Record record) {
        checkNotShutdown();
        if (record == null) {
            throw DataXException.asDataXException(RunnerErrorCode.PLUGIN_RUNTIME_ERROR,
                    "RecordSender.sendToWriter was called with null");
        }
        int memory = record.getMemorySize();
        if (memory > this.channel.byteCapacity()) {
            this.readerCollector.collectDirtyRecord(record, new IllegalArgumentException(String.format(
                    "the record needs %d bytes of memory, more than the channel holds "
                            + "(core.transport.channel.byteCapacity = %d)", memory, this.channel.byteCapacity())));
            return;
        }
        if (this.buffer.size() >= this.bufferLimit || this.bufferMemory + memory > this.channel.byteCapacity()) {
            flush();
        }
        this.buffer.add(record);
        this.bufferMemory += memory;
    }

    @Override
    public void flush() {
        checkNotShutdown();
        this.channel.pushAll(this.buffer);
        this.buffer.clear();
        this.bufferMemory = 0;
    }

    @Override
    public void terminate() {
        flush();
        this.channel.terminate();
    }

    @Override
    public void shutdown() {
        this.shutdown = true;
        this.buffer.clear();
        this.channel.shutdown("the reader's RecordSender was shut down");
    }

    private void checkNotShutdown() {
        if (this.shutdown) {
            throw DataXException.asDataXException(CommonErrorCode.SHUT_DOWN_TASK,
                    "the RecordSender was shut down");
        }
    }
}
