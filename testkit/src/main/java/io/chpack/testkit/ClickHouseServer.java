package io.chpack.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A single ClickHouse 18.16 server (Debian {@code clickhouse-server}) on 127.0.0.1 with a generated minimal
 * config: time zone UTC, user {@code default} without password, optional password-protected users.
 *
 * <pre>
 * try (ClickHouseServer ch = ClickHouseServer.start()) {
 *     ch.query("SELECT version()");
 *     String url = ch.jdbcUrl("default");   // jdbc:clickhouse://127.0.0.1:PORT/default
 * }
 * </pre>
 */
public final class ClickHouseServer extends ManagedServer {
    public static final String HOST = "127.0.0.1";
    static final String KIND = "clickhouse-server";

    private final Path binary;
    private final Map<String, String> users;
    private final String extraConfig;
    private final int[] fixedPorts;
    private final String label;
    private int httpPort;
    private int tcpPort;
    private int interserverPort;

    private ClickHouseServer(Builder b) {
        super(b);
        this.binary = b.binary != null ? Binaries.require(b.binary, KIND, "clickhouse-server", "builder option")
                : Binaries.find(KIND, "clickhouse-server");
        this.users = new LinkedHashMap<>(b.users);
        this.extraConfig = b.extraConfig;
        this.fixedPorts = b.fixedPorts;
        this.label = b.label;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts a server with the defaults. */
    public static ClickHouseServer start() {
        return builder().start();
    }

    @Override
    protected String kind() {
        return KIND;
    }

    @Override
    protected boolean mayRetryOnPortClash() {
        return fixedPorts == null;
    }

    @Override
    protected void configure(Path scratch) throws Exception {
        int[] p = fixedPorts != null ? fixedPorts : FreePorts.pick(3);
        httpPort = p[0];
        tcpPort = p[1];
        interserverPort = p[2];
        for (String d : List.of("data", "tmp", "user_files", "format_schemas")) {
            Files.createDirectories(scratch.resolve(d));
        }
        Files.writeString(scratch.resolve("config.xml"), configXml(scratch));
        Files.writeString(scratch.resolve("users.xml"), usersXml());
    }

    private String configXml(Path scratch) {
        // logger.console: 18.16 logs to the console only on a tty unless told; we want it in our log file.
        return "<?xml version=\"1.0\"?>\n<yandex>\n"
                + "  <logger><console>1</console><level>information</level></logger>\n"
                + "  <display_name>" + Xml.esc(label) + "</display_name>\n"
                + "  <listen_host>" + HOST + "</listen_host>\n"
                + "  <http_port>" + httpPort + "</http_port>\n"
                + "  <tcp_port>" + tcpPort + "</tcp_port>\n"
                + "  <interserver_http_port>" + interserverPort + "</interserver_http_port>\n"
                // Replicas fetch parts from this host:port; the default (the machine's FQDN) may not resolve.
                + "  <interserver_http_host>" + HOST + "</interserver_http_host>\n"
                + "  <path>" + Xml.esc(scratch.resolve("data")) + "/</path>\n"
                + "  <tmp_path>" + Xml.esc(scratch.resolve("tmp")) + "/</tmp_path>\n"
                + "  <user_files_path>" + Xml.esc(scratch.resolve("user_files")) + "/</user_files_path>\n"
                + "  <format_schema_path>" + Xml.esc(scratch.resolve("format_schemas")) + "/</format_schema_path>\n"
                + "  <users_config>users.xml</users_config>\n"
                + "  <default_profile>default</default_profile>\n"
                + "  <default_database>default</default_database>\n"
                + "  <timezone>UTC</timezone>\n"
                + "  <mark_cache_size>268435456</mark_cache_size>\n"
                + "  <max_concurrent_queries>100</max_concurrent_queries>\n"
                // On SIGTERM 18.16 waits for idle keep-alive connections to time out; without this it waits the
                // built-in 10 s per stop. 3 s is what Debian's stock config.xml sets.
                + "  <keep_alive_timeout>3</keep_alive_timeout>\n"
                + (extraConfig == null ? "" : extraConfig + "\n")
                + "</yandex>\n";
    }

    private String usersXml() {
        StringBuilder u = new StringBuilder();
        u.append("<?xml version=\"1.0\"?>\n<yandex>\n  <profiles><default></default></profiles>\n  <users>\n");
        user(u, "default", "");
        for (Map.Entry<String, String> e : users.entrySet()) {
            user(u, e.getKey(), e.getValue());
        }
        u.append("  </users>\n  <quotas><default></default></quotas>\n</yandex>\n");
        return u.toString();
    }

    private static void user(StringBuilder u, String name, String password) {
        u.append("    <").append(name).append("><password>").append(Xml.esc(password)).append("</password>")
                .append("<networks><ip>::/0</ip></networks><profile>default</profile><quota>default</quota></")
                .append(name).append(">\n");
    }

    @Override
    protected List<String> command() {
        return List.of(binary.toString(), "--config-file=" + scratchDir().resolve("config.xml"));
    }

    @Override
    protected boolean probe() throws Exception {
        // /ping proves the HTTP handler; SELECT 1 proves queries run (the default database is attached).
        return ClickHouseHttp.ping(httpUrl()) && "1".equals(query("SELECT 1").trim());
    }

    public String host() {
        return HOST;
    }

    public int httpPort() {
        return httpPort;
    }

    public int tcpPort() {
        return tcpPort;
    }

    public int interserverPort() {
        return interserverPort;
    }

    public String httpUrl() {
        return "http://" + HOST + ":" + httpPort;
    }

    /** The DataX-style URL the plugins take: {@code jdbc:clickhouse://127.0.0.1:PORT/db}. */
    public String jdbcUrl(String database) {
        return "jdbc:clickhouse://" + HOST + ":" + httpPort + "/" + database;
    }

    /** Runs SQL as {@code default}; returns the body (TabSeparated unless the SQL says FORMAT ...). */
    public String query(String sql) {
        return ClickHouseHttp.query(httpUrl(), "default", "", sql, Map.of());
    }

    /** Runs SQL with settings passed as URL parameters, e.g. {@code insert_distributed_sync=1}. */
    public String query(String sql, Map<String, String> settings) {
        return ClickHouseHttp.query(httpUrl(), "default", "", sql, settings);
    }

    /** Runs SQL as another user (auth tests). */
    public String queryAs(String user, String password, String sql) {
        return ClickHouseHttp.query(httpUrl(), user, password, sql, Map.of());
    }

    @Override
    public String toString() {
        return label + "[http " + httpPort + ", tcp " + tcpPort + "]";
    }

    public static final class Builder extends ServerOptions<Builder> {
        private Path binary;
        private final Map<String, String> users = new LinkedHashMap<>();
        private String extraConfig;
        private int[] fixedPorts;
        private String label = "chpack-clickhouse";

        private Builder() {
            startTimeout(java.time.Duration.ofSeconds(30));
        }

        /** Use this clickhouse-server binary instead of searching for it. */
        public Builder binary(Path binary) {
            this.binary = Objects.requireNonNull(binary);
            return this;
        }

        /** Adds a password-protected user (besides {@code default} without password). */
        public Builder user(String name, String password) {
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*") || "default".equals(name)) {
                throw new IllegalArgumentException("bad user name: " + name);
            }
            users.put(name, Objects.requireNonNull(password));
            return this;
        }

        /** Raw XML appended inside {@code <yandex>} of config.xml (extra settings, cluster sections). */
        public Builder extraConfig(String xml) {
            this.extraConfig = extraConfig == null ? xml : extraConfig + "\n" + xml;
            return this;
        }

        Builder fixedPorts(int http, int tcp, int interserver) {
            this.fixedPorts = new int[] {http, tcp, interserver};
            return this;
        }

        Builder label(String label) {
            this.label = label;
            return this;
        }

        public ClickHouseServer start() {
            ClickHouseServer s = new ClickHouseServer(this);
            s.startFresh();
            return s;
        }

        List<String> userNames() {
            return new ArrayList<>(users.keySet());
        }
    }
}
