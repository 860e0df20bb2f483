package io.chpack.kafkareader.codec;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.alibaba.datax.common.element.Column;

import io.chpack.kafkareader.config.ColumnSpec;

/** format raw: only message attributes (key, value, headers, topic, partition, offset, timestamp, ...). */
final class RawCodec implements MessageCodec {
    private final List<ColumnSpec> columns;
    private final Values values;

    RawCodec(List<ColumnSpec> columns, Values values) {
        this.columns = columns;
        this.values = values;
    }

    @Override
    public boolean decode(ConsumerRecord<byte[], byte[]> m, Column[] out) throws DirtyMessageException {
        for (int i = 0; i < out.length; i++) {
            out[i] = values.meta(columns.get(i), m);
        }
        return true;
    }
}
