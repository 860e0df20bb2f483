package io.chpack.testkit;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A standalone ZooKeeper ({@code org.apache.zookeeper.server.ZooKeeperServerMain}) in its own JVM, jars from
 * testkit-servers. The {@code srvr} four-letter command is whitelisted; it is also the readiness probe.
 */
public final class ZooKeeperServer extends ManagedServer {
    public static final String HOST = "127.0.0.1";
    static final String KIND = "zookeeper";

    private final Path lib;
    private int port;

    private ZooKeeperServer(Builder b) {
        super(b);
        this.lib = JavaLauncher.serversLib("zookeeper-", "ZooKeeper");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static ZooKeeperServer start() {
        return builder().start();
    }

    @Override
    protected String kind() {
        return KIND;
    }

    @Override
    protected void initialize(Path scratch) throws Exception {
        Files.createDirectories(scratch.resolve("data"));
        JavaLauncher.writeLog4j(scratch);
    }

    @Override
    protected void configure(Path scratch) throws Exception {
        port = FreePorts.pick();
        // Short tickTime: sessions of killed ClickHouse nodes expire fast (failure tests).
        Files.writeString(scratch.resolve("zoo.cfg"), "tickTime=500\n"
                + "initLimit=10\nsyncLimit=5\n"
                + "dataDir=" + scratch.resolve("data") + "\n"
                + "clientPort=" + port + "\n"
                + "clientPortAddress=" + HOST + "\n"
                + "maxClientCnxns=0\n"
                + "admin.enableServer=false\n"
                + "4lw.commands.whitelist=srvr,ruok,stat\n");
    }

    @Override
    protected List<String> command() {
        return JavaLauncher.command(lib, scratchDir().resolve("log4j2.properties"),
                List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                "org.apache.zookeeper.server.ZooKeeperServerMain",
                List.of(scratchDir().resolve("zoo.cfg").toString()));
    }

    @Override
    protected boolean probe() throws Exception {
        return srvr().contains("Mode: standalone");
    }

    /** The {@code srvr} four-letter command's answer (version, mode, node count). */
    public String srvr() throws java.io.IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, port), 1000);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write("srvr".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:PORT}, the connect string for clients. */
    public String connectString() {
        return HOST + ":" + port;
    }

    public static final class Builder extends ServerOptions<Builder> {
        private Builder() {
        }

        public ZooKeeperServer start() {
            ZooKeeperServer s = new ZooKeeperServer(this);
            s.startFresh();
            return s;
        }
    }
}
