package io.chpack.kafkareader.task;

import java.util.Map;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.Record;

/**
 * The engine's record plus record meta ({@code getMeta()}/{@code setMeta(Map)}, the members DataX added to
 * Record in 2022). Older engines and the chpack runner have no record meta, so the reader wraps the engine's own
 * record (sizes and columns stay the engine's) and the writer finds {@code getMeta()} by reflection. The record
 * travels through the channel unchanged, in both engines.
 */
public final class KafkaRecord implements Record {
    private final Record delegate;
    private Map<String, String> meta;

    public KafkaRecord(Record delegate, Map<String, String> meta) {
        this.delegate = delegate;
        this.meta = meta;
    }

    public Map<String, String> getMeta() {
        return meta;
    }

    public void setMeta(Map<String, String> meta) {
        this.meta = meta;
    }

    @Override
    public void addColumn(Column column) {
        delegate.addColumn(column);
    }

    @Override
    public void setColumn(int i, Column column) {
        delegate.setColumn(i, column);
    }

    @Override
    public Column getColumn(int i) {
        return delegate.getColumn(i);
    }

    @Override
    public int getColumnNumber() {
        return delegate.getColumnNumber();
    }

    @Override
    public int getByteSize() {
        return delegate.getByteSize();
    }

    @Override
    public int getMemorySize() {
        return delegate.getMemorySize() + 8;
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
