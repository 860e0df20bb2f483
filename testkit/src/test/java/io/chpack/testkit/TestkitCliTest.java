package io.chpack.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in its own JVM: servers must outlive it, and a second JVM must stop them. */
class TestkitCliTest {
    @TempDir
    Path tmp;

    private List<String> runCli(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TestkitCli.class.getName()));
        cmd.addAll(List.of(args));
        Path err = Files.createTempFile(tmp, "cli", ".err");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "CLI exit code; stdout:\n" + out + "\nstderr:\n" + Files.readString(err));
        return out.lines().toList();
    }

    private static Map<String, String> parse(List<String> lines) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String l : lines) {
            int eq = l.indexOf('=');
            if (eq > 0) {
                m.put(l.substring(0, eq), l.substring(eq + 1));
            }
        }
        return m;
    }

    @Test
    void startDetachedThenStopFromAnotherJvm() throws Exception {
        Path state = tmp.resolve("state");
        Map<String, String> env = parse(runCli("start", "memcached:2", "clickhouse", "--state-dir", state.toString()));
        // The CLI JVM has exited; its servers must still answer.
        List<String> servers = List.of(env.get("MEMCACHED_SERVERS").split(","));
        assertEquals(2, servers.size());
        assertEquals("2", env.get("MEMCACHED_COUNT"));
        int httpPort = Integer.parseInt(env.get("CLICKHOUSE_HTTP_PORT"));
        assertEquals("jdbc:clickhouse://127.0.0.1:" + httpPort + "/default", env.get("CLICKHOUSE_JDBC_URL"));
        assertTrue(ClickHouseHttp.query(env.get("CLICKHOUSE_HTTP_URL"), "default", "", "SELECT version()", Map.of())
                .startsWith("18.16"));
        List<Integer> ports = new ArrayList<>();
        for (String s : servers) {
            ports.add(Integer.parseInt(s.substring(s.indexOf(':') + 1)));
        }
        for (int port : ports) {
            assertFalse(FreePorts.isFree(port), "memcached on " + port + " outlived the CLI");
        }
        assertEquals(env, parse(Files.readAllLines(state.resolve("env"))), "env file = printed lines");
        assertTrue(Files.isDirectory(state.resolve("servers")), "scratch dirs under the state dir");

        runCli("stop", "--state-dir", state.toString());
        ports.add(httpPort);
        for (int port : ports) {
            Stopped.assertGone(-1, null, port);
        }
        assertFalse(Files.exists(state.resolve("env")));
        assertFalse(Files.exists(state.resolve("servers")), "scratch dirs deleted on stop");
    }

    /** rds starts after mariadb whatever the order, and its cluster points at that MariaDB; stop frees both. */
    @Test
    void rdsEmulatorPointsAtTheMariaDbOfTheSameCall() throws Exception {
        System.setProperty("aws.disableEc2Metadata", "true");
        Path state = tmp.resolve("state");
        Map<String, String> env = parse(runCli("start", "rds", "mariadb", "--state-dir", state.toString()));
        int rdsPort = Integer.parseInt(env.get("RDS_PORT"));
        int dbPort = Integer.parseInt(env.get("MARIADB_PORT"));
        try (software.amazon.awssdk.services.rds.RdsClient rds = software.amazon.awssdk.services.rds.RdsClient
                .builder().endpointOverride(java.net.URI.create(env.get("RDS_ENDPOINT")))
                .region(software.amazon.awssdk.regions.Region.of(env.get("RDS_REGION")))
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                                env.get("RDS_ACCESS_KEY_ID"), env.get("RDS_SECRET_ACCESS_KEY"))))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build()) {
            var cluster = rds.describeDBClusters(r -> r.dbClusterIdentifier(env.get("RDS_CLUSTER_ID")))
                    .dbClusters().get(0);
            assertEquals("aurora-mysql", cluster.engine());
            assertEquals(env.get("MARIADB_DATABASE"), cluster.databaseName());
            assertEquals(dbPort, cluster.port());
            var writer = rds.describeDBInstances(r -> r.dbInstanceIdentifier("aurora-test-1")).dbInstances().get(0);
            assertEquals("127.0.0.1", writer.endpoint().address());
            assertEquals(dbPort, writer.endpoint().port());
        }
        runCli("stop", "--state-dir", state.toString());
        Stopped.assertGone(-1, null, rdsPort);
        Stopped.assertGone(-1, null, dbPort);
    }

    /** maxcompute runs the emulator detached in its own JVM; the plain SDK creates, loads and reads a table. */
    @Test
    void maxComputeEmulatorServesTheSdkAndStops() throws Exception {
        Path state = tmp.resolve("state");
        Map<String, String> env = parse(runCli("start", "maxcompute", "--state-dir", state.toString()));
        int port = Integer.parseInt(env.get("MAXCOMPUTE_PORT"));
        assertEquals("http://127.0.0.1:" + port + "/api", env.get("MAXCOMPUTE_ENDPOINT"));
        com.aliyun.odps.Odps odps = new com.aliyun.odps.Odps(new com.aliyun.odps.account.AliyunAccount(
                env.get("MAXCOMPUTE_ACCESS_ID"), env.get("MAXCOMPUTE_ACCESS_KEY")));
        odps.setEndpoint(env.get("MAXCOMPUTE_ENDPOINT"));
        odps.setDefaultProject(env.get("MAXCOMPUTE_PROJECT"));
        com.aliyun.odps.task.SQLTask.run(odps, "CREATE TABLE cli_t (a BIGINT);").waitForSuccess(10);
        com.aliyun.odps.tunnel.TableTunnel tunnel = new com.aliyun.odps.tunnel.TableTunnel(odps);
        tunnel.setEndpoint(env.get("MAXCOMPUTE_TUNNEL_ENDPOINT"));
        var up = tunnel.createUploadSession(env.get("MAXCOMPUTE_PROJECT"), "cli_t");
        try (var w = up.openRecordWriter(0)) {
            var r = up.newRecord();
            r.setBigint(0, 42L);
            w.write(r);
        }
        up.commit(new Long[] {0L});
        var down = tunnel.createDownloadSession(env.get("MAXCOMPUTE_PROJECT"), "cli_t");
        try (var reader = down.openRecordReader(0, 1)) {
            assertEquals(42L, reader.read().getBigint(0));
        }
        runCli("stop", "--state-dir", state.toString());
        Stopped.assertGone(-1, null, port);
    }

    @Test
    void usageErrors() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(2, TestkitCli.run(new String[] {"start", "oracle", "--state-dir", tmp.toString()}, o, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown server 'oracle'"));
        assertEquals(2, TestkitCli.run(new String[] {"start", "clickhouse"}, o, e));
        assertEquals(2, TestkitCli.run(new String[] {}, o, e));
    }
}
