package io.chpack.testkit;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A single-node Kafka (KRaft, combined broker+controller) in its own JVM, jars from testkit-servers:
 * {@code kafka.tools.StorageTool format} once, then {@code kafka.Kafka server.properties}.
 */
public final class KafkaBroker extends ManagedServer {
    public static final String HOST = "127.0.0.1";
    static final String KIND = "kafka";

    private final Path lib;
    private final Map<String, String> extraProperties;
    private int port;
    private int controllerPort;

    private KafkaBroker(Builder b) {
        super(b);
        this.lib = JavaLauncher.serversLib("kafka_2.13-", "Kafka");
        this.extraProperties = Map.copyOf(b.extraProperties);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static KafkaBroker start() {
        return builder().start();
    }

    @Override
    protected String kind() {
        return KIND;
    }

    @Override
    protected void initialize(Path scratch) throws Exception {
        JavaLauncher.writeLog4j(scratch);
    }

    @Override
    protected void configure(Path scratch) throws Exception {
        int[] p = FreePorts.pick(2);
        port = p[0];
        controllerPort = p[1];
        Path data = scratch.resolve("data");
        // A port-clash retry re-formats: the storage remembers nothing port-specific, but start clean anyway.
        ScratchDirs.deleteTree(data);
        StringBuilder props = new StringBuilder()
                .append("process.roles=broker,controller\n")
                .append("node.id=1\n")
                .append("controller.quorum.voters=1@").append(HOST).append(':').append(controllerPort).append('\n')
                .append("listeners=PLAINTEXT://").append(HOST).append(':').append(port)
                .append(",CONTROLLER://").append(HOST).append(':').append(controllerPort).append('\n')
                .append("advertised.listeners=PLAINTEXT://").append(HOST).append(':').append(port).append('\n')
                .append("controller.listener.names=CONTROLLER\n")
                .append("inter.broker.listener.name=PLAINTEXT\n")
                .append("listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT\n")
                .append("log.dirs=").append(data).append('\n')
                .append("num.partitions=1\n")
                // One node: every internal topic must make do with one replica.
                .append("offsets.topic.replication.factor=1\n")
                .append("offsets.topic.num.partitions=4\n")
                .append("transaction.state.log.replication.factor=1\n")
                .append("transaction.state.log.min.isr=1\n")
                .append("share.coordinator.state.topic.replication.factor=1\n")
                .append("share.coordinator.state.topic.min.isr=1\n")
                .append("group.initial.rebalance.delay.ms=0\n")
                .append("auto.create.topics.enable=true\n");
        for (Map.Entry<String, String> e : extraProperties.entrySet()) {
            props.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        Path cfg = scratch.resolve("server.properties");
        Files.writeString(cfg, props.toString());
        OneShot.run(KIND, JavaLauncher.command(lib, scratch.resolve("log4j2.properties"), jvmOptions(),
                "kafka.tools.StorageTool", List.of("format", "-t", clusterId(), "-c", cfg.toString())),
                scratch, logFile(), Map.of(), Duration.ofSeconds(60));
    }

    private static List<String> jvmOptions() {
        return List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-Djava.awt.headless=true");
    }

    /** A random Kafka cluster id: 16 bytes, URL-safe base64 without padding (what Uuid.randomUuid() prints). */
    private static String clusterId() {
        ByteBuffer b = ByteBuffer.allocate(16);
        SecureRandom r = new SecureRandom();
        b.putLong(r.nextLong()).putLong(r.nextLong());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    @Override
    protected List<String> command() {
        return JavaLauncher.command(lib, scratchDir().resolve("log4j2.properties"), jvmOptions(), "kafka.Kafka",
                List.of(scratchDir().resolve("server.properties").toString()));
    }

    @Override
    protected boolean probe() throws Exception {
        return KafkaProbe.brokerCount(HOST, port) > 0;
    }

    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:PORT} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public static final class Builder extends ServerOptions<Builder> {
        private final Map<String, String> extraProperties = new java.util.LinkedHashMap<>();

        private Builder() {
            startTimeout(Duration.ofSeconds(90));
        }

        /** Extra broker property for server.properties. */
        public Builder property(String key, String value) {
            extraProperties.put(key, value);
            return this;
        }

        public KafkaBroker start() {
            KafkaBroker k = new KafkaBroker(this);
            k.startFresh();
            return k;
        }
    }
}
