package io.chpack.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * PostgreSQL 15 (Debian {@code postgresql}, standing in for Aurora PostgreSQL) with {@code wal_level=logical}
 * and replication slots. PostgreSQL refuses to run as root, so initdb and the server run as the
 * {@code postgres} OS user, and the data directory must be owned by it and reachable: the scratch dir goes
 * under a root every user can traverse (java.io.tmpdir when the configured one is not).
 * Authentication is {@code trust}: user {@code postgres}, any password.
 */
public final class PostgresServer extends ManagedServer {
    public static final String HOST = "127.0.0.1";
    static final String KIND = "postgres";
    static final String OS_USER = "postgres";
    private static final String[] PG_DIRS = {"/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin",
        "/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/14/bin"};

    private final Path initdb;
    private final Path postgres;
    private final Path psql;
    private final String database;
    private final List<String> extraSettings;
    private int port;

    private PostgresServer(Builder b) {
        super(b);
        this.initdb = Binaries.find("initdb", "postgresql", PG_DIRS);
        this.postgres = b.binary != null ? Binaries.require(b.binary, "postgres", "postgresql", "builder option")
                : Binaries.find("postgres", "postgresql", PG_DIRS);
        this.psql = Binaries.find("psql", "postgresql-client", PG_DIRS);
        this.database = b.database;
        this.extraSettings = List.copyOf(b.extraSettings);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static PostgresServer start() {
        return builder().start();
    }

    @Override
    protected String kind() {
        return KIND;
    }

    @Override
    protected Path scratchRoot() {
        Path configured = super.scratchRoot();
        return traversableByAll(configured) ? configured
                : Paths.get(System.getProperty("java.io.tmpdir"), "chpack-testkit-pg").toAbsolutePath();
    }

    /** Every existing ancestor must let "others" traverse it, or the postgres user cannot reach its data. */
    private static boolean traversableByAll(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (!Files.exists(p)) {
                continue; // created later with the default (traversable) mode
            }
            try {
                if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return true;
    }

    private Path dataDir() {
        return scratchDir().resolve("data");
    }

    @Override
    protected void initialize(Path scratch) throws Exception {
        // createTempDirectory made the scratch dir 0700; postgres must traverse it (but not write it).
        Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = Files.createDirectories(dataDir());
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        UserPrincipalLookupService users = data.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal owner;
        GroupPrincipal group;
        try {
            owner = users.lookupPrincipalByName(OS_USER);
            group = users.lookupPrincipalByGroupName(OS_USER);
        } catch (IOException e) {
            throw new MissingBinaryException("OS user 'postgres' not found: run scripts/setup first (the Debian "
                    + "package postgresql creates it)");
        }
        PosixFileAttributeView view = Files.getFileAttributeView(data, PosixFileAttributeView.class);
        view.setOwner(owner);
        view.setGroup(group);
        OneShot.run(KIND, asPostgres(List.of(initdb.toString(), "-D", data.toString(), "-U", OS_USER, "-A", "trust",
                "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")), scratch, logFile(), Map.of(), Duration.ofSeconds(120));
    }

    /**
     * Runs a command as the postgres user. setpriv (util-linux) execs in place, unlike runuser, so the pid we
     * hold is the postmaster's and our stop signal reaches it directly.
     */
    private static List<String> asPostgres(List<String> command) {
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=" + OS_USER, "--regid=" + OS_USER,
                "--init-groups", "--"));
        cmd.addAll(command);
        return cmd;
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("HOME", scratchDir().toString(), "LC_ALL", "C.UTF-8");
    }

    @Override
    protected void configure(Path scratch) {
        port = FreePorts.pick();
    }

    @Override
    protected List<String> command() {
        List<String> cmd = new ArrayList<>(List.of(postgres.toString(), "-D", dataDir().toString(),
                "-c", "listen_addresses=" + HOST, "-p", Integer.toString(port),
                // No unix socket: clients use TCP, and long scratch paths would not fit sockaddr_un anyway.
                "-c", "unix_socket_directories=",
                "-c", "wal_level=logical", "-c", "max_replication_slots=8", "-c", "max_wal_senders=8",
                "-c", "shared_buffers=32MB", "-c", "fsync=off", "-c", "logging_collector=off"));
        for (String s : extraSettings) {
            cmd.add("-c");
            cmd.add(s);
        }
        return asPostgres(cmd);
    }

    /** SIGINT = PostgreSQL's "fast" shutdown; SIGTERM ("smart") would wait for every client to leave. */
    @Override
    protected String stopSignal() {
        return "INT";
    }

    @Override
    protected boolean probe() throws Exception {
        return PostgresProbe.readyForQuery(HOST, port, OS_USER, "postgres");
    }

    @Override
    protected void afterFirstStart() {
        OneShot.run(KIND, List.of(psql.toString(), "-X", "-v", "ON_ERROR_STOP=1", "-h", HOST, "-p",
                Integer.toString(port), "-U", OS_USER, "-d", "postgres", "-c",
                "CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\" ENCODING 'UTF8'"),
                scratchDir(), logFile(), Map.of("PGCONNECT_TIMEOUT", "5"), Duration.ofSeconds(60));
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public String user() {
        return OS_USER;
    }

    /** Trust authentication: any password is accepted. */
    public String password() {
        return "";
    }

    public String database() {
        return database;
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/<created database>} */
    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    public String jdbcUrl(String db) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + db;
    }

    public static final class Builder extends ServerOptions<Builder> {
        private Path binary;
        private String database = "chpack";
        private final List<String> extraSettings = new ArrayList<>();

        private Builder() {
        }

        public Builder database(String name) {
            this.database = Objects.requireNonNull(name);
            return this;
        }

        /** The postgres server binary to run instead of the one found on the system. */
        public Builder binary(Path postgresBinary) {
            this.binary = Objects.requireNonNull(postgresBinary);
            return this;
        }

        /** Extra server setting as {@code name=value} (passed as {@code -c}). */
        public Builder setting(String nameEqualsValue) {
            extraSettings.add(nameEqualsValue);
            return this;
        }

        public PostgresServer start() {
            PostgresServer s = new PostgresServer(this);
            s.startFresh();
            return s;
        }
    }

}
