package io.chpack.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One memcached (Debian {@code memcached}) on 127.0.0.1, TCP only, in the foreground so we own its pid. */
public final class MemcachedServer extends ManagedServer {
    public static final String HOST = "127.0.0.1";
    static final String KIND = "memcached";

    private final Path binary;
    private final int memoryMb;
    private final List<String> extraArgs;
    private int port;

    private MemcachedServer(Builder b) {
        super(b);
        this.binary = b.binary != null ? Binaries.require(b.binary, KIND, "memcached", "builder option")
                : Binaries.find(KIND, "memcached");
        this.memoryMb = b.memoryMb;
        this.extraArgs = List.copyOf(b.extraArgs);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static MemcachedServer start() {
        return builder().start();
    }

    @Override
    protected String kind() {
        return KIND;
    }

    @Override
    protected void configure(Path scratch) {
        port = FreePorts.pick();
    }

    @Override
    protected List<String> command() {
        // -u root: memcached refuses to run as root without being told which user to be. -U 0: no UDP.
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "-u", "root", "-l", HOST, "-p",
                Integer.toString(port), "-U", "0", "-m", Integer.toString(memoryMb), "-c", "256"));
        cmd.addAll(extraArgs);
        return cmd;
    }

    @Override
    protected boolean probe() throws Exception {
        return command("version").startsWith("VERSION ");
    }

    /** Sends one text-protocol command line and returns the first response line. */
    public String command(String line) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, port), 1000);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String answer = in.readLine();
            if (answer == null) {
                throw new IOException("memcached closed the connection");
            }
            return answer;
        }
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** {@code 127.0.0.1:PORT} */
    public String address() {
        return HOST + ":" + port;
    }

    public static final class Builder extends ServerOptions<Builder> {
        private Path binary;
        private int memoryMb = 64;
        private final List<String> extraArgs = new ArrayList<>();

        private Builder() {
            startTimeout(java.time.Duration.ofSeconds(20));
        }

        public Builder binary(Path memcached) {
            this.binary = Objects.requireNonNull(memcached);
            return this;
        }

        public Builder memoryMb(int mb) {
            this.memoryMb = mb;
            return this;
        }

        /** Extra memcached options, e.g. {@code -I 2m}. */
        public Builder extraArgs(String... args) {
            extraArgs.addAll(List.of(args));
            return this;
        }

        public MemcachedServer start() {
            MemcachedServer s = new MemcachedServer(this);
            s.startFresh();
            return s;
        }
    }
}
