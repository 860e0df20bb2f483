package io.chpack.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import com.sun.management.OperatingSystemMXBean;

import io.chpack.bench.PluginBench.JobRun;
import io.chpack.testkit.ClickHouseServer;
import io.chpack.testkit.KafkaBroker;

/**
 * kafkareader throughput, all in one run on one Kafka 4.3.1 broker and one ClickHouse 18.16 server:
 * <ul>
 * <li>baseline: a plain {@code KafkaConsumer<byte[], byte[]>} (this JVM) draining the topic into /dev/null (count
 * and discard), the same fetch settings as the reader;</li>
 * <li>kafkareader → streamwriter (print false) through the runner (child JVM, {@link JobProcess}): the reader's
 * cost over the baseline, format raw (no parsing) and json;</li>
 * <li>kafkareader json → clickhousewriter (insert, MergeTree) end to end, 1 and 4 channels; rows verified.</li>
 * </ul>
 * CPU: this JVM's process CPU for the baseline, the child's for jobs, the broker's and the server's from /proc.
 * Usage: {@code KafkaReaderBench [messages=1000000] [partitions=4] [rounds=2] [xmx=256m]}; prints a Markdown table.
 */
public final class KafkaReaderBench {
    private KafkaReaderBench() {
    }

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String xmx = args.length > 3 ? args[3] : "256m";
        // This JVM logs through the runner's logback without a configuration (DEBUG): quiet Kafka's clients.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        PluginBench bench = new PluginBench(xmx);
        installKafkaReader(bench);
        List<String> out = new ArrayList<>();
        try (KafkaBroker broker = KafkaBroker.builder().property("num.partitions", Integer.toString(partitions))
                .start(); ClickHouseServer ch = ClickHouseServer.start()) {
            String topic = "bench_orders";
            long bytes = produce(broker.bootstrapServers(), topic, partitions, n);
            System.out.printf(Locale.ROOT, "topic %s: %,d messages, %,d value bytes (%.0f per message), %d partitions%n",
                    topic, n, bytes, (double) bytes / n, partitions);
            PluginBench.query(ch, "CREATE TABLE bench_k (id UInt64, customer UInt32, amount Decimal(18, 2), "
                    + "currency String, created DateTime, tags String, part UInt32, off UInt64) "
                    + "ENGINE = MergeTree() ORDER BY id");
            String url = "jdbc:clickhouse://127.0.0.1:" + ch.httpPort() + "/default";
            Row plain = new Row("plain KafkaConsumer → /dev/null (baseline, this JVM)");
            Row raw1 = new Row("kafkareader raw → streamwriter, 1 channel");
            Row json1 = new Row("kafkareader json (8 columns) → streamwriter, 1 channel");
            Row json4 = new Row("kafkareader json → streamwriter, " + partitions + " channels");
            Row ch1 = new Row("kafkareader json → clickhousewriter, 1 channel (end to end)");
            Row chN = new Row("kafkareader json → clickhousewriter, " + partitions + " channels (end to end)");
            int job = 0;
            for (int round = 0; round < rounds; round++) {
                plain.add(baseline(broker, topic, partitions, n));
                raw1.add(job(bench, broker, ch, "raw-1", readerJob(broker, topic, "g" + (job++), "raw", 1,
                        streamWriter()), n, null));
                json1.add(job(bench, broker, ch, "json-1", readerJob(broker, topic, "g" + (job++), "json", 1,
                        streamWriter()), n, null));
                json4.add(job(bench, broker, ch, "json-" + partitions, readerJob(broker, topic, "g" + (job++), "json",
                        partitions, streamWriter()), n, null));
                PluginBench.query(ch, "TRUNCATE TABLE bench_k");
                ch1.add(job(bench, broker, ch, "ch-1", readerJob(broker, topic, "g" + (job++), "json", 1,
                        chWriter(url)), n, "bench_k"));
                PluginBench.query(ch, "TRUNCATE TABLE bench_k");
                chN.add(job(bench, broker, ch, "ch-" + partitions, readerJob(broker, topic, "g" + (job++), "json",
                        partitions, chWriter(url)), n, "bench_k"));
            }
            out.add(String.format(Locale.ROOT, "### %,d JSON messages (%.0f B), %d partitions, best of %d, %d cores, "
                    + "JDK %s, child JVM -Xmx%s", n, (double) bytes / n, partitions, rounds,
                    Runtime.getRuntime().availableProcessors(), PluginBench.javaVersion(), xmx));
            out.add("");
            out.add("| path | messages/s | MB/s (values) | × plain consumer | CPU s: consumer JVM / broker / ClickHouse "
                    + "| messages per CPU-s (× plain) |");
            out.add("|---|---:|---:|---:|---|---:|");
            for (Row r : List.of(plain, raw1, json1, json4, ch1, chN)) {
                out.add(r.line(n, bytes, plain));
            }
        }
        if (!Boolean.getBoolean("bench.keep")) {
            bench.cleanUp();
        }
        System.out.println();
        out.forEach(System.out::println);
    }

    private static void installKafkaReader(PluginBench bench) throws Exception {
        Path jar = bench.repo.resolve("kafkareader/target/kafkareader-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: mvn -B -q -o -pl kafkareader package -DskipTests");
        }
        Path dir = bench.home.resolve("plugin/reader/kafkareader");
        Files.createDirectories(dir);
        Files.copy(bench.repo.resolve("kafkareader/src/main/plugin/plugin.json"), dir.resolve("plugin.json"));
        Files.copy(jar, dir.resolve("kafkareader.jar"));
    }

    static String json(long i) {
        return "{\"id\":" + i + ",\"customer\":{\"id\":" + (i * 7919 % 100_000) + ",\"tier\":\"gold\"},\"amount\":"
                + (i % 100_000) + "." + (10 + i % 90) + ",\"currency\":\"EUR\",\"created\":\"2026-11-21 "
                + String.format(Locale.ROOT, "%02d:%02d:%02d", i / 3600 % 24, i / 60 % 60, i % 60)
                + "\",\"tags\":[\"a\",\"b" + (i % 13) + "\"],\"note\":\"benchmark message " + i + "\"}";
    }

    private static long produce(String bootstrap, String topic, int partitions, long n) throws Exception {
        Properties a = new Properties();
        a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(a)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long bytes = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (long i = 0; i < n; i++) {
                byte[] v = json(i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                bytes += v.length;
                producer.send(new ProducerRecord<>(topic, (int) (i % partitions), null, v));
            }
            producer.flush();
        }
        return bytes;
    }

    private static Sample baseline(KafkaBroker broker, String topic, int partitions, long n) throws Exception {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(4 * 1024 * 1024));
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long broker0 = PluginBench.cpuTicks(broker.pid());
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        long count = 0;
        long sink = 0;
        KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        try {
            List<TopicPartition> tps = new ArrayList<>();
            for (int i = 0; i < partitions; i++) {
                tps.add(new TopicPartition(topic, i));
            }
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> end = c.endOffsets(tps);
            long total = 0;
            for (long e : end.values()) {
                total += e;
            }
            while (count < total) {
                ConsumerRecords<byte[], byte[]> rs = c.poll(Duration.ofMillis(500));
                for (var r : rs) {
                    sink += r.value().length; // touch the value, discard it
                    count++;
                }
            }
        } finally {
            try {
                c.close(Duration.ofSeconds(5));
            } catch (NoClassDefFoundError e) {
                // kafka-clients 3.9 closes with org.slf4j.event.Level; this JVM has DataX's slf4j 1.7.10 (the plugin
                // jar relocates that reference to its own copy)
            }
        }
        Sample s = new Sample();
        s.seconds = (System.nanoTime() - t0) / 1e9;
        s.cpuMsClient = (os.getProcessCpuTime() - cpu0) / 1_000_000;
        s.cpuMsBroker = (PluginBench.cpuTicks(broker.pid()) - broker0) * 1000 / PluginBench.CLK_TCK;
        if (count != n || sink == 0) {
            throw new IllegalStateException("baseline consumed " + count + " of " + n);
        }
        System.out.printf(Locale.ROOT, "  %-12s %6.2f s  %,10.0f msg/s  cpu %5.1f s  broker %5.1f s%n", "plain",
                s.seconds, n / s.seconds, s.cpuMsClient / 1000.0, s.cpuMsBroker / 1000.0);
        return s;
    }

    private static Sample job(PluginBench bench, KafkaBroker broker, ClickHouseServer ch, String label, String job,
            long n, String table) throws Exception {
        long broker0 = PluginBench.cpuTicks(broker.pid());
        JobRun r = bench.runJob(label, job, ch.pid(), List.of());
        Sample s = new Sample();
        s.seconds = r.seconds();
        s.cpuMsClient = r.get("cpuMs");
        s.cpuMsBroker = (PluginBench.cpuTicks(broker.pid()) - broker0) * 1000 / PluginBench.CLK_TCK;
        s.cpuMsServer = table == null ? 0 : r.cpuMsServer;
        if (r.get("read") != n || r.get("errors") != 0) {
            throw new IllegalStateException(label + ": read " + r.get("read") + " of " + n + ", errors "
                    + r.get("errors"));
        }
        if (table != null && PluginBench.count(ch, table) != n) {
            throw new IllegalStateException(label + ": table has " + PluginBench.count(ch, table) + " rows, not " + n);
        }
        System.out.printf(Locale.ROOT, "  %-12s %6.2f s  %,10.0f msg/s  cpu %5.1f s  broker %5.1f s  server %5.1f s%n",
                label, s.seconds, n / s.seconds, s.cpuMsClient / 1000.0, s.cpuMsBroker / 1000.0,
                s.cpuMsServer / 1000.0);
        return s;
    }

    static String readerJob(KafkaBroker broker, String topic, String group, String format, int channels,
            String writer) {
        String columns = "raw".equals(format) ? "[\"key\", \"value\", \"partition\", \"offset\"]"
                : "[\"id\", {\"name\": \"customer\", \"path\": \"$.customer.id\"}, \"amount\", \"currency\", "
                + "\"created\", \"tags\", {\"name\": \"part\", \"meta\": \"partition\"}, "
                + "{\"name\": \"off\", \"meta\": \"offset\"}]";
        return "{\"core\": {\"container\": {\"job\": {\"reportInterval\": 600000}}},\n"
                + " \"job\": {\"setting\": {\"speed\": {\"channel\": " + channels + "}},\n"
                + "  \"content\": [{\n"
                + "   \"reader\": {\"name\": \"kafkareader\", \"parameter\": {\"bootstrapServers\": \""
                + broker.bootstrapServers() + "\", \"topic\": \"" + topic + "\", \"groupId\": \"" + group + "\", "
                + "\"format\": \"" + format + "\", \"column\": " + columns + "}},\n"
                + "   \"writer\": " + writer + "}]}}\n";
    }

    static String streamWriter() {
        return "{\"name\": \"streamwriter\", \"parameter\": {\"print\": false}}";
    }

    static String chWriter(String url) {
        return "{\"name\": \"clickhousewriter\", \"parameter\": {\"username\": \"default\", \"password\": \"\", "
                + "\"column\": [\"id\", \"customer\", \"amount\", \"currency\", \"created\", \"tags\", \"part\", "
                + "\"off\"], \"connection\": [{\"jdbcUrl\": \"" + url + "\", \"table\": [\"bench_k\"]}]}}";
    }

    static final class Sample {
        double seconds;
        long cpuMsClient;
        long cpuMsBroker;
        long cpuMsServer;

        long cpuMs() {
            return cpuMsClient + cpuMsBroker + cpuMsServer;
        }
    }

    /** Best (shortest) sample of one path. */
    static final class Row {
        final String label;
        Sample best;

        Row(String label) {
            this.label = label;
        }

        void add(Sample s) {
            if (best == null || s.seconds < best.seconds) {
                best = s;
            }
        }

        String line(long n, long bytes, Row base) {
            double mps = n / best.seconds;
            double perCpu = n * 1000.0 / Math.max(1, best.cpuMs());
            double basePerCpu = n * 1000.0 / Math.max(1, base.best.cpuMs());
            return String.format(Locale.ROOT, "| %s | %,.0f | %.1f | %.2f | %.1f / %.1f / %s | %,.0f (%.2f) |", label,
                    mps, mps * bytes / n / 1e6, mps / (n / base.best.seconds), best.cpuMsClient / 1000.0,
                    best.cpuMsBroker / 1000.0, best.cpuMsServer == 0 ? "—" : String.format(Locale.ROOT, "%.1f",
                            best.cpuMsServer / 1000.0), perCpu, perCpu / basePerCpu);
        }
    }
}
