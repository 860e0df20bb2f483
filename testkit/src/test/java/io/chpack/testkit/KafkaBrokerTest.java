package io.chpack.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {
    @Test
    void createTopicProduceConsumeThenStop() throws Exception {
        KafkaBroker kafka = KafkaBroker.start();
        long pid = kafka.pid();
        Path scratch = kafka.scratchDir();
        try {
            Properties common = new Properties();
            common.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            try (Admin admin = Admin.create(common)) {
                admin.createTopics(List.of(new NewTopic("chpack-events", 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
            }
            Properties pp = new Properties();
            pp.putAll(common);
            pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            pp.put(ProducerConfig.ACKS_CONFIG, "all");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(pp)) {
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>("chpack-events", "k" + i, "v" + i)).get(60, TimeUnit.SECONDS);
                }
            }
            Properties cp = new Properties();
            cp.putAll(common);
            cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            List<String> got = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cp)) {
                TopicPartition tp = new TopicPartition("chpack-events", 0);
                consumer.assign(List.of(tp));
                consumer.seekToBeginning(List.of(tp));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (got.size() < 10 && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                        got.add(r.key() + "=" + r.value());
                    }
                }
            }
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                expected.add("k" + i + "=v" + i);
            }
            assertEquals(expected, got);

            // the CLI's produce: creates the topic with 3 partitions, line i goes to partition i mod 3
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            int rc = TestkitCli.produce(new String[] {"produce", "--bootstrap", kafka.bootstrapServers(), "--topic",
                "chpack-cli", "--partitions", "3"}, new java.io.ByteArrayInputStream(
                        "l0\nl1\nl2\nl3\n\nl4\nl5\nl6\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));
            assertEquals(0, rc, err.toString());
            assertEquals("PRODUCED=7", out.toString().trim());
            java.util.Map<Integer, List<String>> byPartition = new java.util.TreeMap<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cp)) {
                List<TopicPartition> tps = List.of(new TopicPartition("chpack-cli", 0), new TopicPartition("chpack-cli", 1),
                        new TopicPartition("chpack-cli", 2));
                consumer.assign(tps);
                consumer.seekToBeginning(tps);
                int seen = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (seen < 7 && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                        byPartition.computeIfAbsent(r.partition(), k -> new ArrayList<>()).add(r.value());
                        seen++;
                    }
                }
            }
            assertEquals(java.util.Map.of(0, List.of("l0", "l3", "l6"), 1, List.of("l1", "l4"), 2, List.of("l2", "l5")),
                    byPartition);
        } finally {
            kafka.close();
        }
        Stopped.assertGone(pid, scratch, kafka.port());
    }
}
