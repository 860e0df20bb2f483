package io.chpack.kafkareader.task;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.element.StringColumn;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.plugin.TaskPluginCollector;

import io.chpack.kafkareader.KafkaReaderErrorCode;
import io.chpack.kafkareader.codec.Codecs;
import io.chpack.kafkareader.codec.DirtyMessageException;
import io.chpack.kafkareader.codec.MessageCodec;
import io.chpack.kafkareader.config.KafkaReaderConfig;
import io.chpack.kafkareader.conn.ConsumerFactory;
import io.chpack.kafkareader.conn.KafkaErrors;
import io.chpack.kafkareader.plan.BlockKeys;
import io.chpack.kafkareader.plan.PartitionRange;

/**
 * One task: its partitions one after another (topic/partition order), each from its planned start to its planned
 * end, never beyond. Messages become rows through the codec; an unparsable message becomes a dirty record naming
 * topic, partition and offset. With blockKeys, every row carries its window's block key as record meta.
 */
public final class KafkaTaskReader {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaTaskReader.class);

    private final KafkaReaderConfig config;
    private final List<PartitionRange> ranges;
    private final int taskIndex;
    private final MessageCodec codec;
    private final Column[] columns;
    long messages;
    long rows;
    long dirty;
    long skipped;
    long bytes;

    public KafkaTaskReader(KafkaReaderConfig config, List<PartitionRange> ranges, int taskIndex) {
        this.config = config;
        this.ranges = ranges;
        this.taskIndex = taskIndex;
        this.codec = Codecs.create(config);
        this.columns = new Column[config.columns.size()];
    }

    public void read(RecordSender sender, TaskPluginCollector collector) {
        long started = System.nanoTime();
        boolean any = false;
        for (PartitionRange r : ranges) {
            any |= r.size() > 0;
        }
        if (!any) {
            LOG.info("kafkareader task {}: nothing to read", taskIndex);
            return;
        }
        KafkaConsumer<byte[], byte[]> consumer = ConsumerFactory.create(config, null,
                "chpack-kafkareader-task-" + taskIndex);
        try {
            for (PartitionRange r : ranges) {
                if (r.size() > 0) {
                    readRange(consumer, r, sender, collector);
                }
            }
        } finally {
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debug("closing the consumer: {}", e.toString());
            }
        }
        sender.flush();
        double secs = (System.nanoTime() - started) / 1e9;
        String summary = String.format("%d messages, %d rows, %d dirty, %d skipped, %d bytes in %.1f s", messages, rows,
                dirty, skipped, bytes, secs);
        LOG.info("kafkareader task {} {}: {}", taskIndex, ranges, summary);
        collector.collectMessage("kafkareader.task", "task " + taskIndex + " " + summary);
    }

    private void readRange(KafkaConsumer<byte[], byte[]> consumer, PartitionRange r, RecordSender sender,
            TaskPluginCollector collector) {
        TopicPartition tp = new TopicPartition(r.topic, r.partition);
        BlockKeys keys = config.blockKeys ? new BlockKeys(r, config.blockRows) : null;
        Duration poll = Duration.ofMillis(config.pollTimeoutMs);
        try {
            consumer.assign(Collections.singletonList(tp));
            consumer.seek(tp, r.start);
            long lastProgress = System.nanoTime();
            long next = r.start;
            while (true) {
                long position = consumer.position(tp);
                if (position >= r.end) {
                    break;
                }
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(poll);
                if (batch.isEmpty()) {
                    if (consumer.position(tp) > position) {
                        lastProgress = System.nanoTime(); // skipped transaction markers or compacted offsets
                    } else if ((System.nanoTime() - lastProgress) / 1_000_000L > config.idleTimeoutMs) {
                        throw DataXException.asDataXException(KafkaReaderErrorCode.STALLED, r.tp() + " is at offset "
                                + position + " of [" + r.start + ", " + r.end + ") and got no message for "
                                + config.idleTimeoutMs + " ms (parameter.idleTimeoutMs); brokers "
                                + config.bootstrapServers);
                    }
                    continue;
                }
                lastProgress = System.nanoTime();
                for (ConsumerRecord<byte[], byte[]> m : batch.records(tp)) {
                    if (m.offset() >= r.end) {
                        break;
                    }
                    if (m.offset() < next) {
                        continue; // never twice, whatever the consumer does
                    }
                    next = m.offset() + 1;
                    handle(m, keys, sender, collector);
                }
            }
        } catch (DataXException e) {
            throw e;
        } catch (RuntimeException e) {
            throw KafkaErrors.wrap(e, KafkaReaderErrorCode.READ_FAILED, "reading " + r);
        } finally {
            consumer.assign(Collections.<TopicPartition>emptyList());
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> m, BlockKeys keys, RecordSender sender,
            TaskPluginCollector collector) {
        messages++;
        bytes += m.serializedValueSize() > 0 ? m.serializedValueSize() : 0;
        boolean row;
        try {
            row = codec.decode(m, columns);
        } catch (DirtyMessageException e) {
            dirty++;
            collector.collectDirtyRecord(dirtyRecord(sender, m), e,
                    m.topic() + "/" + m.partition() + "@" + m.offset() + ": " + e.getMessage());
            return;
        }
        if (!row) {
            skipped++;
            return;
        }
        Record record = sender.createRecord();
        for (Column c : columns) {
            record.addColumn(c);
        }
        if (keys != null) {
            record = new KafkaRecord(record, keys.metaFor(m.offset()));
        }
        sender.sendToWriter(record);
        rows++;
    }

    /** topic, partition, offset and (the start of) the value as text. */
    private static Record dirtyRecord(RecordSender sender, ConsumerRecord<byte[], byte[]> m) {
        Record d = sender.createRecord();
        d.addColumn(new StringColumn(m.topic()));
        d.addColumn(new LongColumn(Long.valueOf(m.partition())));
        d.addColumn(new LongColumn(Long.valueOf(m.offset())));
        String v = null;
        if (m.value() != null) {
            int n = Math.min(m.value().length, 512);
            v = new String(m.value(), 0, n, StandardCharsets.UTF_8) + (n < m.value().length ? "…" : "");
        }
        d.addColumn(new StringColumn(v));
        return d;
    }
}
