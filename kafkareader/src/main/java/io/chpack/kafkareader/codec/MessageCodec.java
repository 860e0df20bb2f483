package io.chpack.kafkareader.codec;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.alibaba.datax.common.element.Column;

/** Turns one Kafka message into the columns of one row. */
public interface MessageCodec {
    /**
     * @param out receives exactly one column per configured column, in order
     * @return false when the message carries no row (a tombstone, a Debezium truncate): it is skipped
     * @throws DirtyMessageException when the message cannot become a row
     */
    boolean decode(ConsumerRecord<byte[], byte[]> message, Column[] out) throws DirtyMessageException;
}
