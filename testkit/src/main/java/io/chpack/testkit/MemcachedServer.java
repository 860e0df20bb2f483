package io.chpack.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One memcached (Debian {@code memcached}) on 127.0.0.1, TCP only, in the foreground so we own its pid.
 * With {@link Builder#sasl} it runs with {@code -S}: binary protocol only, SASL PLAIN checked by Cyrus SASL
 * against a sasldb written by {@code saslpasswd2} (Debian {@code sasl2-bin}) in the scratch directory.
 */
public final class MemcachedServer extends ManagedServer {
    public static final String HOST = "127.0.0.1";
    static final String KIND = "memcached";

    private final Path binary;
    private final int memoryMb;
    private final List<String> extraArgs;
    private final String saslUser;
    private final String saslPassword;
    private Path saslConfDir;
    private int port;

    private MemcachedServer(Builder b) {
        super(b);
        this.binary = b.binary != null ? Binaries.require(b.binary, KIND, "memcached", "builder option")
                : Binaries.find(KIND, "memcached");
        this.memoryMb = b.memoryMb;
        this.extraArgs = List.copyOf(b.extraArgs);
        this.saslUser = b.saslUser;
        this.saslPassword = b.saslPassword;
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
    protected void configure(Path scratch) throws IOException, InterruptedException {
        port = FreePorts.pick();
        if (saslUser != null) {
            saslConfDir = scratch.resolve("sasl");
            Files.createDirectories(saslConfDir);
            Path db = saslConfDir.resolve("sasldb2");
            Files.deleteIfExists(db);
            // The realm is left to saslpasswd2 (this host's name), the same default memcached's server uses.
            Path saslpasswd2 = Binaries.find("saslpasswd2", "sasl2-bin", "/usr/sbin");
            Process p = new ProcessBuilder(saslpasswd2.toString(), "-p", "-c", "-a", "memcached", "-f",
                    db.toString(), saslUser).redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(saslPassword.getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) {
                throw new IOException("saslpasswd2 failed for user " + saslUser + ": " + out);
            }
            Files.write(saslConfDir.resolve("memcached.conf"),
                    ("mech_list: plain\nsasldb_path: " + db + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    protected java.util.Map<String, String> environment() {
        java.util.Map<String, String> env = new java.util.HashMap<>(super.environment());
        if (saslConfDir != null) {
            env.put("SASL_CONF_PATH", saslConfDir.toString());
        }
        return env;
    }

    @Override
    protected List<String> command() {
        // -u root: memcached refuses to run as root without being told which user to be. -U 0: no UDP.
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "-u", "root", "-l", HOST, "-p",
                Integer.toString(port), "-U", "0", "-m", Integer.toString(memoryMb), "-c", "256"));
        if (saslUser != null) {
            cmd.add("-S");
        }
        cmd.addAll(extraArgs);
        return cmd;
    }

    @Override
    protected boolean probe() throws Exception {
        if (saslUser != null) {
            return saslMechanisms().contains("PLAIN"); // the text protocol is off under -S
        }
        return command("version").startsWith("VERSION ");
    }

    /** The binary protocol's SASL mechanism list (answered without authentication). */
    public String saslMechanisms() throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, port), 1000);
            s.setSoTimeout(2000);
            byte[] request = new byte[24];
            request[0] = (byte) 0x80; // request magic
            request[1] = 0x20; // SASL list mechanisms
            s.getOutputStream().write(request);
            s.getOutputStream().flush();
            java.io.DataInputStream in = new java.io.DataInputStream(s.getInputStream());
            byte[] header = new byte[24];
            in.readFully(header);
            int bodyLength = java.nio.ByteBuffer.wrap(header, 8, 4).getInt();
            byte[] body = new byte[bodyLength];
            in.readFully(body);
            return new String(body, StandardCharsets.US_ASCII);
        }
    }

    /** Whether this server requires SASL authentication. */
    public boolean sasl() {
        return saslUser != null;
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
        private String saslUser;
        private String saslPassword;

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

        /** Require SASL PLAIN authentication as this user (memcached {@code -S}; needs Debian's sasl2-bin). */
        public Builder sasl(String user, String password) {
            this.saslUser = Objects.requireNonNull(user);
            this.saslPassword = Objects.requireNonNull(password);
            return this;
        }

        public MemcachedServer start() {
            MemcachedServer s = new MemcachedServer(this);
            s.startFresh();
            return s;
        }
    }
}
