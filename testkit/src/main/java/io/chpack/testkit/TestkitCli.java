package io.chpack.testkit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Command line for shell scripts (scripts/demo): starts servers detached, so they outlive this JVM, and
 * stops them later from the state directory.
 *
 * <pre>
 * java -cp "testkit/target/testkit-*.jar:testkit/target/lib/*" io.chpack.testkit.TestkitCli \
 *     start clickhouse mariadb memcached:3 --state-dir target/demo
 * . target/demo/env                # CLICKHOUSE_HTTP_PORT=..., MARIADB_JDBC_URL=..., ...
 * java -cp ... io.chpack.testkit.TestkitCli stop --state-dir target/demo
 * </pre>
 * Exit code 0 on success, 1 when a server fails (the ones this call started are stopped again), 2 on usage errors.
 */
public final class TestkitCli {
    private static final String USAGE = "usage:\n"
            + "  TestkitCli start <server>... --state-dir DIR   servers: clickhouse cluster zookeeper kafka mariadb "
            + "postgres memcached[:N] rds maxcompute\n"
            + "  TestkitCli stop --state-dir DIR [--keep]      stop everything recorded in DIR (--keep: keep scratch dirs)\n"
            + "Prints KEY=VALUE lines and writes them to DIR/env; server logs are under DIR/servers/.\n"
            + "rds: RDS API emulator, cluster aurora-test whose writer/reader point at the mariadb (else postgres) "
            + "started by the same call.\n"
            + "maxcompute: MaxCompute REST + Table Tunnel emulator (project chpack_test) for the ODPS SDK.\n"
            + "  TestkitCli produce --bootstrap HOST:PORT --topic T [--partitions N]   stdin lines -> messages "
            + "(line i to partition i mod N; the topic is created with N partitions, default 3, when missing)";

    private TestkitCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("produce")) {
            return produce(args, System.in, out, err);
        }
        List<String> servers = new ArrayList<>();
        Path stateDir = null;
        boolean keep = TestkitSettings.keepScratch();
        String command = args.length > 0 ? args[0] : "";
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--state-dir") && i + 1 < args.length) {
                stateDir = Path.of(args[++i]);
            } else if (args[i].startsWith("--state-dir=")) {
                stateDir = Path.of(args[i].substring("--state-dir=".length()));
            } else if (args[i].equals("--keep")) {
                keep = true;
            } else if (args[i].startsWith("--")) {
                err.println("unknown option " + args[i] + "\n" + USAGE);
                return 2;
            } else {
                servers.add(args[i]);
            }
        }
        if (stateDir == null || !(command.equals("start") || command.equals("stop"))
                || (command.equals("start") && servers.isEmpty())) {
            err.println(USAGE);
            return 2;
        }
        CliState state = new CliState(stateDir);
        try {
            if (command.equals("stop")) {
                for (String line : state.stopAll(keep)) {
                    err.println("[testkit] " + line);
                }
                return 0;
            }
            return start(servers, state, out, err);
        } catch (Exception e) {
            err.println("[testkit] " + e.getMessage());
            return 1;
        }
    }

    static int produce(String[] args, java.io.InputStream in, PrintStream out, PrintStream err) {
        String bootstrap = null;
        String topic = null;
        int partitions = 3;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--bootstrap") && i + 1 < args.length) {
                bootstrap = args[++i];
            } else if (args[i].equals("--topic") && i + 1 < args.length) {
                topic = args[++i];
            } else if (args[i].equals("--partitions") && i + 1 < args.length && args[i + 1].matches("[1-9][0-9]{0,3}")) {
                partitions = Integer.parseInt(args[++i]);
            } else {
                err.println("unknown or incomplete option " + args[i] + "\n" + USAGE);
                return 2;
            }
        }
        if (bootstrap == null || topic == null) {
            err.println("produce needs --bootstrap and --topic\n" + USAGE);
            return 2;
        }
        try {
            long n = KafkaProduce.produce(bootstrap, topic, partitions, in);
            out.println("PRODUCED=" + n);
            return 0;
        } catch (Exception e) {
            err.println("[testkit] " + e.getMessage());
            return 1;
        }
    }

    private static int start(List<String> servers, CliState state, PrintStream out, PrintStream err)
            throws Exception {
        for (String s : servers) {
            if (!isKnown(s)) {
                err.println("unknown server '" + s + "'\n" + USAGE);
                return 2;
            }
        }
        List<AutoCloseable> startedNow = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TESTKIT_STATE_DIR", state.dir().toString());
        // rds last: its default topology points at the databases this call starts.
        List<String> ordered = new ArrayList<>(servers);
        if (ordered.remove("rds")) {
            ordered.add("rds");
        }
        try {
            for (String s : ordered) {
                err.println("[testkit] starting " + s);
                startOne(s, state, env, startedNow);
            }
        } catch (RuntimeException e) {
            err.println("[testkit] " + e.getMessage());
            // Stop what this call started; their pids are in the state file too, a later stop skips them.
            for (AutoCloseable c : startedNow) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // best effort: the error above is the one to report
                }
            }
            return 1;
        }
        state.writeEnv(env);
        env.forEach((k, v) -> out.println(k + "=" + v));
        return 0;
    }

    private static boolean isKnown(String s) {
        return s.matches("clickhouse|cluster|zookeeper|kafka|mariadb|postgres|memcached(:[1-9][0-9]?)?|rds|maxcompute");
    }

    private static void startOne(String spec, CliState state, Map<String, String> env, List<AutoCloseable> started)
            throws Exception {
        Path root = state.scratchRoot();
        switch (spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec) {
            case "clickhouse": {
                ClickHouseServer ch = ClickHouseServer.builder().scratchRoot(root).detached(true).start();
                started.add(ch);
                record(state, ch);
                env.put("CLICKHOUSE_HOST", ch.host());
                env.put("CLICKHOUSE_HTTP_PORT", Integer.toString(ch.httpPort()));
                env.put("CLICKHOUSE_TCP_PORT", Integer.toString(ch.tcpPort()));
                env.put("CLICKHOUSE_HTTP_URL", ch.httpUrl());
                env.put("CLICKHOUSE_JDBC_URL", ch.jdbcUrl("default"));
                env.put("CLICKHOUSE_USER", "default");
                env.put("CLICKHOUSE_PASSWORD", "");
                env.put("CLICKHOUSE_LOG", ch.logFile().toString());
                return;
            }
            case "cluster": {
                ClickHouseCluster c = ClickHouseCluster.builder().scratchRoot(root).detached(true).start();
                started.add(c);
                state.recordDir(c.scratchDir());
                state.recordProcess(c.zookeeper());
                StringJoiner urls = new StringJoiner(",");
                int i = 1;
                for (ClickHouseCluster.Node n : c.nodes()) {
                    state.recordProcess(n.server());
                    String p = "CLUSTER_NODE" + i++ + "_";
                    env.put(p + "SHARD", Integer.toString(n.shard()));
                    env.put(p + "REPLICA", Integer.toString(n.replica()));
                    env.put(p + "HTTP_PORT", Integer.toString(n.httpPort()));
                    env.put(p + "TCP_PORT", Integer.toString(n.tcpPort()));
                    env.put(p + "HTTP_URL", n.httpUrl());
                    env.put(p + "JDBC_URL", n.jdbcUrl("default"));
                    urls.add(n.httpUrl());
                }
                env.put("CLUSTER_NAME", c.clusterName());
                env.put("CLUSTER_HTTP_URLS", urls.toString());
                env.put("CLUSTER_JDBC_URL", c.node(1, 1).jdbcUrl("default"));
                env.put("CLUSTER_ZOOKEEPER", c.zookeeper().connectString());
                env.put("CLUSTER_SCRATCH_DIR", c.scratchDir().toString());
                return;
            }
            case "zookeeper": {
                ZooKeeperServer zk = ZooKeeperServer.builder().scratchRoot(root).detached(true).start();
                started.add(zk);
                record(state, zk);
                env.put("ZOOKEEPER_PORT", Integer.toString(zk.port()));
                env.put("ZOOKEEPER_CONNECT", zk.connectString());
                env.put("ZOOKEEPER_LOG", zk.logFile().toString());
                return;
            }
            case "kafka": {
                KafkaBroker k = KafkaBroker.builder().scratchRoot(root).detached(true).start();
                started.add(k);
                record(state, k);
                env.put("KAFKA_PORT", Integer.toString(k.port()));
                env.put("KAFKA_BOOTSTRAP_SERVERS", k.bootstrapServers());
                env.put("KAFKA_LOG", k.logFile().toString());
                return;
            }
            case "mariadb": {
                MariaDbServer m = MariaDbServer.builder().scratchRoot(root).detached(true).start();
                started.add(m);
                record(state, m);
                env.put("MARIADB_HOST", m.host());
                env.put("MARIADB_PORT", Integer.toString(m.port()));
                env.put("MARIADB_USER", m.user());
                env.put("MARIADB_PASSWORD", m.rootPassword());
                env.put("MARIADB_DATABASE", m.database());
                env.put("MARIADB_JDBC_URL", m.jdbcUrl());
                env.put("MARIADB_SOCKET", m.socket().toString());
                env.put("MARIADB_LOG", m.logFile().toString());
                return;
            }
            case "postgres": {
                PostgresServer pg = PostgresServer.builder().scratchRoot(root).detached(true).start();
                started.add(pg);
                record(state, pg);
                env.put("POSTGRES_HOST", pg.host());
                env.put("POSTGRES_PORT", Integer.toString(pg.port()));
                env.put("POSTGRES_USER", pg.user());
                env.put("POSTGRES_PASSWORD", pg.password());
                env.put("POSTGRES_DATABASE", pg.database());
                env.put("POSTGRES_JDBC_URL", pg.jdbcUrl());
                env.put("POSTGRES_LOG", pg.logFile().toString());
                return;
            }
            case "memcached": {
                int n = spec.contains(":") ? Integer.parseInt(spec.substring(spec.indexOf(':') + 1)) : 1;
                MemcachedServers ms = MemcachedServers.start(n,
                        () -> MemcachedServer.builder().scratchRoot(root).detached(true));
                started.add(ms);
                StringJoiner ports = new StringJoiner(",");
                for (MemcachedServer m : ms.servers()) {
                    record(state, m);
                    ports.add(Integer.toString(m.port()));
                }
                env.put("MEMCACHED_COUNT", Integer.toString(n));
                env.put("MEMCACHED_PORTS", ports.toString());
                env.put("MEMCACHED_SERVERS", ms.addresses());
                return;
            }
            case "rds": {
                String cluster = "aurora-test";
                List<String> topology = new ArrayList<>(List.of("--region", RdsEmulator.DEFAULT_REGION,
                        "--credentials", RdsEmulator.DEFAULT_ACCESS_KEY_ID + ":" + RdsEmulator.DEFAULT_SECRET_ACCESS_KEY));
                if (env.containsKey("MARIADB_PORT")) {
                    topology.addAll(List.of("--cluster", cluster + ":aurora-mysql:" + env.get("MARIADB_DATABASE"),
                            "--writer", cluster + "-1=127.0.0.1:" + env.get("MARIADB_PORT"),
                            "--reader", cluster + "-2=localhost:" + env.get("MARIADB_PORT")));
                } else if (env.containsKey("POSTGRES_PORT")) {
                    topology.addAll(List.of("--cluster", cluster + ":aurora-postgresql:" + env.get("POSTGRES_DATABASE"),
                            "--writer", cluster + "-1=127.0.0.1:" + env.get("POSTGRES_PORT"),
                            "--reader", cluster + "-2=localhost:" + env.get("POSTGRES_PORT")));
                } else {
                    topology.addAll(List.of("--cluster", cluster + ":aurora-mysql"));
                }
                RdsEmulatorProcess rds = RdsEmulatorProcess.start(
                        new RdsEmulatorProcess.Options().scratchRoot(root).detached(true), topology);
                started.add(rds);
                record(state, rds);
                env.put("RDS_ENDPOINT", rds.endpoint());
                env.put("RDS_PORT", Integer.toString(rds.port()));
                env.put("RDS_REGION", RdsEmulator.DEFAULT_REGION);
                env.put("RDS_ACCESS_KEY_ID", RdsEmulator.DEFAULT_ACCESS_KEY_ID);
                env.put("RDS_SECRET_ACCESS_KEY", RdsEmulator.DEFAULT_SECRET_ACCESS_KEY);
                env.put("RDS_CLUSTER_ID", cluster);
                env.put("RDS_LOG", rds.logFile().toString());
                return;
            }
            case "maxcompute": {
                MaxComputeEmulatorProcess mc = MaxComputeEmulatorProcess.start(
                        new MaxComputeEmulatorProcess.Options().scratchRoot(root).detached(true));
                started.add(mc);
                record(state, mc);
                env.put("MAXCOMPUTE_ENDPOINT", mc.endpoint());
                env.put("MAXCOMPUTE_TUNNEL_ENDPOINT", mc.tunnelEndpoint());
                env.put("MAXCOMPUTE_PORT", Integer.toString(mc.port()));
                env.put("MAXCOMPUTE_PROJECT", MaxComputeEmulatorProcess.PROJECT);
                env.put("MAXCOMPUTE_ACCESS_ID", MaxComputeEmulatorProcess.ACCESS_ID);
                env.put("MAXCOMPUTE_ACCESS_KEY", MaxComputeEmulatorProcess.ACCESS_KEY);
                env.put("MAXCOMPUTE_LOG", mc.logFile().toString());
                return;
            }
            default:
                throw new IllegalArgumentException("unknown server " + spec);
        }
    }

    private static void record(CliState state, ManagedServer s) throws Exception {
        state.recordDir(s.scratchDir());
        state.recordProcess(s);
    }
}
