package io.chpack.kafkareader.conn;

import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import io.chpack.kafkareader.KafkaReaderErrorCode;
import io.chpack.kafkareader.config.KafkaReaderConfig;

/**
 * Builds consumers: the reader's defaults, then the user's {@code properties} (SASL, SSL, fetch tuning, anything
 * else), except the keys the reader owns. Offsets are never committed automatically; partitions are assigned, never
 * subscribed; {@code auto.offset.reset} is {@code none} (a planned offset that is gone is an error, not a silent
 * jump). The class loader of the plugin is made the context loader while the consumer is built, so class-name
 * properties (login modules, callback handlers) resolve inside the plugin.
 */
public final class ConsumerFactory {
    private ConsumerFactory() {
    }

    public static KafkaConsumer<byte[], byte[]> create(KafkaReaderConfig c, String groupId, String clientId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(4 * 1024 * 1024));
        p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(c.requestTimeoutMs));
        p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.min(c.requestTimeoutMs, 30000)));
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, c.isolationLevel);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        for (Map.Entry<String, String> e : c.properties.entrySet()) {
            if (e.getValue() != null) {
                p.put(e.getKey(), e.getValue());
            }
        }
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, c.bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        if (groupId != null) {
            p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(ConsumerFactory.class.getClassLoader());
        try {
            return new KafkaConsumer<byte[], byte[]>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        } catch (RuntimeException e) {
            // e.g. "No resolvable bootstrap urls given in bootstrap.servers", a bad property value
            String msg = String.valueOf(e.getMessage());
            boolean config = e instanceof org.apache.kafka.common.config.ConfigException
                    && !msg.contains("bootstrap");
            throw KafkaErrors.wrap(e, config ? KafkaReaderErrorCode.CONFIG_ERROR : KafkaReaderErrorCode.BROKER_UNREACHABLE,
                    "cannot create a Kafka consumer for " + c.bootstrapServers);
        } finally {
            t.setContextClassLoader(before);
        }
    }
}
