package io.chpack.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * MariaDB 10.11 (Debian {@code mariadb-server}, standing in for Aurora MySQL) with what a binlog reader
 * needs: ROW binlog with FULL row image, utf8mb4 (else non-ASCII text is garbled in the binlog), server-id.
 * Root gets a password and may connect over TCP from 127.0.0.1; one database is created.
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
    private int port;
    private Path socket;

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
    }

    @Override
    protected void configure(Path scratch) {
        port = FreePorts.pick();
    }

    @Override
    protected List<String> command() {
        List<String> cmd = new ArrayList<>(List.of(mariadbd.toString(), "--no-defaults", "--datadir=" + dataDir(),
                "--user=root", "--bind-address=" + HOST, "--port=" + port, "--socket=" + socket,
                "--pid-file=" + scratchDir().resolve("mariadbd.pid"), "--server-id=" + serverId,
                "--log-bin=" + dataDir().resolve("mysql-bin"), "--binlog-format=ROW", "--binlog-row-image=FULL",
                "--character-set-server=utf8mb4", "--collation-server=utf8mb4_general_ci",
                "--innodb-buffer-pool-size=64M", "--skip-name-resolve"));
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

        private Builder() {
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
            s.startFresh();
            return s;
        }
    }
}
