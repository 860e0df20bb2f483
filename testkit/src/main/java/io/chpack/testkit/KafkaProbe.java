package io.chpack.testkit;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Kafka readiness without kafka-clients on the testkit classpath: a raw Metadata v4 request (the oldest
 * version Kafka 4 still serves; non-flexible encoding) must list at least one broker, which holds only once
 * the KRaft broker has registered and opened its listener.
 */
final class KafkaProbe {
    private static final short METADATA = 3;
    private static final short VERSION = 4;

    private KafkaProbe() {
    }

    /** Number of brokers the metadata response lists. */
    static int brokerCount(String host, int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            s.setSoTimeout(3000);
            byte[] client = "chpack-testkit".getBytes(StandardCharsets.UTF_8);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            int size = 2 + 2 + 4 + 2 + client.length + 4 + 1;
            out.writeInt(size);
            out.writeShort(METADATA);
            out.writeShort(VERSION);
            out.writeInt(42); // correlation id
            out.writeShort(client.length);
            out.write(client);
            out.writeInt(-1); // topics: null = all
            out.writeByte(0); // allow_auto_topic_creation = false
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            int len = in.readInt();
            if (len < 12) {
                throw new IOException("short metadata response (" + len + " bytes)");
            }
            if (in.readInt() != 42) {
                throw new IOException("unexpected correlation id");
            }
            in.readInt(); // throttle_time_ms
            return in.readInt(); // brokers array length
        }
    }
}
