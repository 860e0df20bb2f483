package io.chpack.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * MariaDB 10.11 (Debian {@code mariadb-server}, standing in for Aurora MySQL) with what a binlog reader
 * needs: ROW binlog with FULL row image, utf8mb4 (else non-ASCII text is garbled in the binlog), server-id.
 * Root gets a password and may connect over TCP from 127.0.0.1; one database is created.
 *
 * <p>With {@link Builder#iamAuth} it also accepts Amazon RDS IAM authentication tokens the way Aurora does:
 * TLS (self-signed certificate from {@code openssl}), {@code auth_pam} with {@code pam-use-cleartext-plugin=ON},
 * a PAM service {@code /etc/pam.d/chpack-iam-<port>} (removed on close) whose {@code pam_exec} step runs the
 * testkit script {@code check_rds_iam_token.py}, which verifies the token (endpoint, Action=connect, DBUser,
 * expiry, SigV4 signature for service {@code rds-db} recomputed with the configured secret). Users made by
 * {@link #createIamUser} log in with the token as password, over TLS only ({@code REQUIRE SSL}).
 */
public final class MariaDbServer extends ManagedServer {
    public static final String HOST = "127.0.0.1";
    static final String KIND = "mariadb";
    /** unix socket paths longer than this do not fit sockaddr_un. */
    private static final int MAX_SOCKET_PATH = 100;

    private final Path installDb;
    private final Path mariadbd;
    private final Path client;
    private final String rootPassword;
    private final String database;
    private final int serverId;
    private final List<String> extraArgs;
    private final boolean tls;
    private final IamAuth iam;
    private final Path python;
    private final Path openssl;
    private final Set<String> iamEndpoints = new LinkedHashSet<>();
    private int port;
    private Path socket;
    private Path pamFile;
    private Thread pamCleanup;

    private MariaDbServer(Builder b) {
        super(b);
        this.installDb = Binaries.find("mariadb-install-db", "mariadb-server");
        this.mariadbd = b.binary != null ? Binaries.require(b.binary, "mariadbd", "mariadb-server", "builder option")
                : Binaries.find("mariadbd", "mariadb-server");
        this.client = Binaries.find("mariadb", "mariadb-client");
        this.rootPassword = b.rootPassword;
        this.database = b.database;
        this.serverId = b.serverId;
        this.extraArgs = List.copyOf(b.extraArgs);
        this.iam = b.iam;
        this.tls = b.tls || b.iam != null;
        this.openssl = tls ? Binaries.find("openssl", "openssl") : null;
        // The system python first: pam_exec runs it with an almost empty environment (no pyenv shims).
        this.python = iam != null ? Binaries.find("python3", "python3", "/usr/bin") : null;
        if (iam != null && !Files.isDirectory(PAM_DIR)) {
            throw new MissingBinaryException(PAM_DIR + " not found: IAM authentication needs PAM (libpam-modules)");
        }
    }

    /** Where PAM service files live; writing there needs root. */
    static final Path PAM_DIR = Path.of("/etc/pam.d");

    /** Access key, secret and region whose IAM tokens the server accepts. */
    private record IamAuth(String accessKeyId, String secretAccessKey, String region) {
    }

    public static Builder builder() {
        return new Builder();
    }

    public static MariaDbServer start() {
        return builder().start();
    }

    @Override
    protected String kind() {
        return KIND;
    }

    private Path dataDir() {
        return scratchDir().resolve("data");
    }

    @Override
    protected void initialize(Path scratch) throws Exception {
        Files.createDirectories(dataDir());
        Path sock = scratch.resolve("mysqld.sock");
        if (sock.toString().length() > MAX_SOCKET_PATH) {
            sock = Files.createTempDirectory(Path.of("/tmp"), "chpack-my-").resolve("mysqld.sock");
        }
        socket = sock;
        OneShot.run(KIND, List.of(installDb.toString(), "--no-defaults", "--datadir=" + dataDir(), "--user=root",
                "--auth-root-authentication-method=normal", "--skip-test-db"), scratch, logFile(), Map.of(),
                Duration.ofSeconds(120));
        if (tls) {
            Path dir = Files.createDirectories(scratch.resolve("tls"));
            OneShot.run(KIND, List.of(openssl.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days",
                    "30", "-subj", "/CN=" + HOST, "-addext", "subjectAltName=IP:" + HOST + ",DNS:localhost",
                    "-keyout", dir.resolve("server-key.pem").toString(), "-out",
                    dir.resolve("server-cert.pem").toString()), scratch, logFile(), Map.of(), Duration.ofSeconds(60));
        }
        if (iam != null) {
            Path dir = Files.createDirectories(scratch.resolve("iam"));
            try (InputStream in = MariaDbServer.class.getResourceAsStream(IAM_SCRIPT)) {
                if (in == null) {
                    throw new IllegalStateException("testkit resource " + IAM_SCRIPT + " missing");
                }
                Files.copy(in, dir.resolve(IAM_SCRIPT));
            }
        }
    }

    private static final String IAM_SCRIPT = "check_rds_iam_token.py";

    @Override
    protected void configure(Path scratch) throws IOException {
        port = FreePorts.pick();
        if (iam != null) {
            synchronized (this) {
                iamEndpoints.clear();
                iamEndpoints.add(HOST + ":" + port);
                iamEndpoints.add("localhost:" + port);
            }
            writeIamConfig();
            writePamFile();
        }
    }

    /** Writes the PAM service for the current port (a retry on a new port replaces the old file). */
    private synchronized void writePamFile() throws IOException {
        deletePamFile();
        Path dir = scratchDir().resolve("iam");
        pamFile = PAM_DIR.resolve(iamPamService());
        String line = "auth required pam_exec.so expose_authtok quiet " + python + " -I " + dir.resolve(IAM_SCRIPT)
                + " " + dir.resolve("iam.json");
        if ((python.toString() + dir).matches(".*\\s.*")) {
            throw new IllegalStateException("PAM arguments cannot contain whitespace: " + python + ", " + dir);
        }
        Files.writeString(pamFile, "# chpack testkit: RDS IAM token check for MariaDB on port " + port
                + " (removed when the server is closed)\n" + line + "\naccount required pam_permit.so\n");
        if (pamCleanup == null && !detached()) {
            pamCleanup = new Thread(this::deletePamFile, "chpack-pam-cleanup");
            Runtime.getRuntime().addShutdownHook(pamCleanup);
        }
    }

    private synchronized void writeIamConfig() throws IOException {
        StringBuilder endpoints = new StringBuilder();
        for (String e : iamEndpoints) {
            endpoints.append(endpoints.length() == 0 ? "" : ", ").append(json(e));
        }
        Path dir = scratchDir().resolve("iam");
        Path tmp = dir.resolve("iam.json.tmp");
        Files.writeString(tmp, "{\"access_key\": " + json(iam.accessKeyId()) + ", \"secret\": "
                + json(iam.secretAccessKey()) + ", \"region\": " + json(iam.region()) + ", \"endpoints\": ["
                + endpoints + "], \"log\": " + json(dir.resolve("iam-auth.log").toString()) + "}\n");
        Files.move(tmp, dir.resolve("iam.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private synchronized void deletePamFile() {
        if (pamFile != null) {
            try {
                Files.deleteIfExists(pamFile);
            } catch (IOException ignored) {
                // best effort: a stale service file only names a script that no longer exists
            }
            pamFile = null;
        }
    }

    @Override
    protected List<String> command() {
        List<String> cmd = new ArrayList<>(List.of(mariadbd.toString(), "--no-defaults", "--datadir=" + dataDir(),
                "--user=root", "--bind-address=" + HOST, "--port=" + port, "--socket=" + socket,
                "--pid-file=" + scratchDir().resolve("mariadbd.pid"), "--server-id=" + serverId,
                "--log-bin=" + dataDir().resolve("mysql-bin"), "--binlog-format=ROW", "--binlog-row-image=FULL",
                "--character-set-server=utf8mb4", "--collation-server=utf8mb4_general_ci",
                "--innodb-buffer-pool-size=64M", "--skip-name-resolve"));
        if (tls) {
            cmd.add("--ssl-cert=" + tlsCertificate());
            cmd.add("--ssl-key=" + scratchDir().resolve("tls").resolve("server-key.pem"));
        }
        if (iam != null) {
            cmd.add("--plugin-load-add=auth_pam");
            cmd.add("--pam-use-cleartext-plugin=ON");
        }
        cmd.addAll(extraArgs);
        return cmd;
    }

    @Override
    protected boolean probe() throws Exception {
        return MySqlProbe.handshake(HOST, port);
    }

    @Override
    protected void afterFirstStart() {
        // With "normal" root authentication install-db makes root@localhost, @127.0.0.1, @::1 and @<hostname>,
        // all without password. Every one of them gets the password (a TCP login from 127.0.0.1 matches
        // root@127.0.0.1 before root@%), and root@% lets any loopback client in.
        String pw = sqlString(rootPassword);
        String hosts = client("SELECT host FROM mysql.user WHERE user = 'root'");
        StringBuilder sql = new StringBuilder();
        sql.append("CREATE USER IF NOT EXISTS 'root'@'%' IDENTIFIED BY ").append(pw).append(';')
                .append("GRANT ALL PRIVILEGES ON *.* TO 'root'@'%' WITH GRANT OPTION;")
                .append("CREATE DATABASE IF NOT EXISTS `").append(database.replace("`", "``"))
                .append("` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;");
        for (String host : hosts.split("\n")) {
            // root@<hostname> is ignored (and cannot be altered) under --skip-name-resolve: only IPs and localhost.
            if (host.trim().matches("localhost|[0-9a-fA-F.:%]+")) {
                sql.append("ALTER USER 'root'@").append(sqlString(host.trim())).append(" IDENTIFIED BY ").append(pw)
                        .append(';');
            }
        }
        sql.append("FLUSH PRIVILEGES;");
        client(sql.toString());
    }

    @Override
    public synchronized void close() {
        try {
            super.close();
        } finally {
            if (!detached()) {
                deletePamFile();
                if (pamCleanup != null) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(pamCleanup);
                    } catch (IllegalStateException ignored) {
                        // already shutting down: the hook runs anyway
                    }
                    pamCleanup = null;
                }
            }
        }
    }

    /**
     * Runs SQL as root (through the mariadb client over the unix socket, in the created database); returns the
     * tab-separated rows without header. An SQL error throws {@link IllegalStateException} with the client's text.
     */
    public String execute(String sql) {
        List<String> cmd = List.of(client.toString(), "--no-defaults", "--protocol=socket", "--socket=" + socket,
                "--user=root", "--database=" + database, "--batch", "--skip-column-names", "-e", sql);
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().put("MYSQL_PWD", rootPassword);
            Process p = pb.start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("mariadb client did not finish within 60 s: " + sql);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("SQL failed on MariaDB port " + port + ": " + out.trim() + "\nSQL: "
                        + sql);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + client, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Creates {@code user}@{@code %} authenticated by IAM token ({@code IDENTIFIED VIA pam}, {@code REQUIRE SSL})
     * with all privileges on the created database.
     */
    public void createIamUser(String user) {
        createIamUser(user, "ALL PRIVILEGES ON `" + database.replace("`", "``") + "`.*");
    }

    /** Same with own grants, e.g. {@code "SELECT, RELOAD, REPLICATION SLAVE, REPLICATION CLIENT ON *.*"}. */
    public void createIamUser(String user, String privilegesOn) {
        if (iam == null) {
            throw new IllegalStateException("this MariaDB was started without iamAuth(...)");
        }
        String u = sqlString(user) + "@'%'";
        execute("CREATE USER " + u + " IDENTIFIED VIA pam USING " + sqlString(iamPamService()) + " REQUIRE SSL;"
                + "GRANT " + privilegesOn + " TO " + u + ";FLUSH PRIVILEGES;");
    }

    /**
     * Also accept tokens generated for {@code host:port} (e.g. an emulated instance endpoint that names this
     * server differently). {@code 127.0.0.1:<port>} and {@code localhost:<port>} are always accepted.
     */
    public void allowIamEndpoint(String host, int tokenPort) {
        requireIam();
        synchronized (this) {
            iamEndpoints.add(host + ":" + tokenPort);
        }
        try {
            writeIamConfig();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void requireIam() {
        if (iam == null) {
            throw new IllegalStateException("this MariaDB was started without iamAuth(...)");
        }
    }

    /** Whether IAM token authentication is set up. */
    public boolean iamEnabled() {
        return iam != null;
    }

    public boolean tlsEnabled() {
        return tls;
    }

    /** The server's self-signed certificate (PEM), e.g. for {@code sslMode=verify-ca&serverSslCert=...}. */
    public Path tlsCertificate() {
        if (!tls) {
            throw new IllegalStateException("this MariaDB was started without TLS");
        }
        return scratchDir().resolve("tls").resolve("server-cert.pem");
    }

    /** The PAM service IAM users are bound to: {@code chpack-iam-<port>}. */
    public String iamPamService() {
        requireIam();
        return "chpack-iam-" + port;
    }

    /** The token checker's decisions, one line each: {@code <time> ACCEPT|REFUSE <user>[: reason]}. */
    public Path iamAuthLog() {
        requireIam();
        return scratchDir().resolve("iam").resolve("iam-auth.log");
    }

    /** The token checker's log so far ("" when nothing was checked yet). */
    public String iamAuthLogText() {
        try {
            return Files.exists(iamAuthLog()) ? Files.readString(iamAuthLog()) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs SQL through the mariadb client over the unix socket as root (before the password is set). */
    private String client(String sql) {
        return OneShot.capture(KIND, List.of(client.toString(), "--no-defaults", "--protocol=socket",
                "--socket=" + socket, "--user=root", "--batch", "--skip-column-names", "-e", sql), scratchDir(),
                logFile(), Map.of(), Duration.ofSeconds(60));
    }

    private static String sqlString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public String user() {
        return "root";
    }

    public String rootPassword() {
        return rootPassword;
    }

    /** The database created at start. */
    public String database() {
        return database;
    }

    public Path socket() {
        return socket;
    }

    /** {@code jdbc:mysql://127.0.0.1:PORT/<created database>} */
    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    public String jdbcUrl(String db) {
        return "jdbc:mysql://" + HOST + ":" + port + "/" + db;
    }

    public static final class Builder extends ServerOptions<Builder> {
        private Path binary;
        private String rootPassword = "chpack";
        private String database = "chpack";
        private int serverId = 1;
        private final List<String> extraArgs = new ArrayList<>();
        private boolean tls;
        private IamAuth iam;

        private Builder() {
        }

        /** TLS with a self-signed certificate for 127.0.0.1/localhost ({@link #tlsCertificate()}). */
        public Builder tls() {
            this.tls = true;
            return this;
        }

        /**
         * Accept RDS IAM auth tokens signed with this key for users made by {@link #createIamUser} (implies TLS;
         * needs root for {@code /etc/pam.d}). The token must name this server's endpoint
         * ({@code 127.0.0.1:<port>} or {@code localhost:<port>}, more via {@link #allowIamEndpoint}).
         */
        public Builder iamAuth(String accessKeyId, String secretAccessKey, String region) {
            this.iam = new IamAuth(Objects.requireNonNull(accessKeyId), Objects.requireNonNull(secretAccessKey),
                    Objects.requireNonNull(region));
            return this;
        }

        public Builder rootPassword(String password) {
            this.rootPassword = Objects.requireNonNull(password);
            return this;
        }

        public Builder database(String name) {
            this.database = Objects.requireNonNull(name);
            return this;
        }

        public Builder serverId(int id) {
            this.serverId = id;
            return this;
        }

        /** The mariadbd binary to run instead of the one found on the system. */
        public Builder binary(Path mariadbd) {
            this.binary = Objects.requireNonNull(mariadbd);
            return this;
        }

        /** Extra mariadbd options, e.g. {@code --max-connections=50}. */
        public Builder extraArgs(String... args) {
            extraArgs.addAll(List.of(args));
            return this;
        }

        public MariaDbServer start() {
            MariaDbServer s = new MariaDbServer(this);
            try {
                s.startFresh();
            } catch (RuntimeException e) {
                s.deletePamFile();
                throw e;
            }
            return s;
        }
    }
}
