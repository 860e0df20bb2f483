package io.chpack.kafkareader.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.chpack.testkit.Wait;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/** Test-side Kafka access: topics, producing, reading a group's committed offsets. */
final class Kafka implements AutoCloseable {
    final String bootstrap;
    final Admin admin;
    final KafkaProducer<String, String> producer;

    Kafka(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties a = new Properties();
        a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        admin = Admin.create(a);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // Not idempotent: on a freshly created topic the 4.3 broker answered an idempotent producer's first batches
        // with NOT_LEADER then OUT_OF_ORDER_SEQUENCE_NUMBER forever. One request in flight keeps the order.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private final List<Future<RecordMetadata>> pending = new ArrayList<>();

    /** Creates the topic and waits until every partition has a leader. */
    void createTopic(String name, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        Wait.until("leaders of " + name, Duration.ofSeconds(60), () -> {
            try {
                TopicDescription d = admin.describeTopics(List.of(name)).allTopicNames().get().get(name);
                return d.partitions().size() == partitions
                        && d.partitions().stream().allMatch(i -> i.leader() != null && !i.leader().isEmpty());
            } catch (ExecutionException e) {
                return false;
            }
        });
    }

    void send(String topic, int partition, String key, String value) {
        pending.add(producer.send(new ProducerRecord<>(topic, partition, key, value)));
    }

    void send(ProducerRecord<String, String> r) {
        pending.add(producer.send(r));
    }

    /** Waits until every message sent so far is acknowledged; a failed send fails the test. */
    void flush() {
        producer.flush();
        try {
            for (Future<RecordMetadata> f : pending) {
                f.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("a test message was not acknowledged: " + e, e);
        } finally {
            pending.clear();
        }
    }

    Map<TopicPartition, OffsetAndMetadata> committed(String group) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> m = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                .get();
        return m == null ? Collections.emptyMap() : new HashMap<>(m);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
