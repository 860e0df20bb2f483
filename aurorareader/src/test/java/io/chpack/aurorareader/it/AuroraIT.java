package io.chpack.aurorareader.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.chpack.runner.JobResult;
import io.chpack.testkit.MariaDbServer;
import io.chpack.testkit.RdsEmulator;

/**
 * Aurora specifics against the RDS API emulator (AWS SDK v2 over HTTP, SigV4 checked) and MariaDB servers as
 * the cluster's instances: discovery, readFrom spreading, an instance that refuses connections, and IAM token
 * authentication over TLS verified by the server (PAM recomputes the SigV4 signature).
 */
class AuroraIT {
    static final String AK = RdsEmulator.DEFAULT_ACCESS_KEY_ID;
    static final String SK = RdsEmulator.DEFAULT_SECRET_ACCESS_KEY;
    static final int ROWS = 3000;
    static MariaDbServer writer;
    static MariaDbServer replica;
    static MariaDbServer iam;
    static int deadPort;
    static RdsEmulator rds;

    @BeforeAll
    static void start() throws Exception {
        writer = MariaDbServer.start();
        replica = MariaDbServer.start();
        iam = MariaDbServer.builder().iamAuth(AK, SK, RdsEmulator.DEFAULT_REGION).start();
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort(); // closed again: connections are refused
        }
        for (MariaDbServer m : new MariaDbServer[] {writer, replica, iam}) {
            m.execute("CREATE TABLE " + m.database() + ".t (id INT PRIMARY KEY, v VARCHAR(20));"
                    + "INSERT INTO " + m.database() + ".t SELECT seq, CONCAT('v', seq) FROM seq_1_to_" + ROWS + ";");
        }
        iam.createIamUser("iam_user");
        rds = RdsEmulator.builder()
                .cluster(RdsEmulator.cluster("aurora-test").engine("aurora-mysql").databaseName(writer.database())
                        .iamEnabled(true)
                        .writer("aurora-test-1", "127.0.0.1", writer.port())
                        .reader("aurora-test-2", "127.0.0.1", replica.port())
                        .reader("aurora-test-3", "127.0.0.1", deadPort))
                .cluster(RdsEmulator.cluster("aurora-iam").engine("aurora-mysql").databaseName(iam.database())
                        .iamEnabled(true)
                        .writer("aurora-iam-1", "127.0.0.1", iam.port()))
                .start();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable s : new AutoCloseable[] {rds, writer, replica, iam}) {
            try {
                if (s != null) {
                    s.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    static Map<String, Object> reader(String cluster, String readFrom, Map<String, Object> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("username", "root");
        p.put("password", writer.rootPassword());
        p.put("column", List.of("id", "v"));
        p.put("connection", List.of(Map.of("table", List.of("t"))));
        p.put("chunkRows", 200);
        p.put("connectTimeoutSeconds", 3);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("clusterId", cluster);
        a.put("region", RdsEmulator.DEFAULT_REGION);
        a.put("endpoint", rds.endpoint().toString());
        a.put("accessKeyId", AK);
        a.put("secretAccessKey", SK);
        a.put("readFrom", readFrom);
        p.put("aurora", a);
        p.putAll(extra);
        return p;
    }

    static final Map<String, Object> COUNT_ONLY = Map.of("name", "streamwriter", "parameter", Map.of("print", false));

    static long selects(MariaDbServer m) {
        String out = m.execute("SHOW GLOBAL STATUS LIKE 'Com_select'");
        return Long.parseLong(out.trim().split("\\s+")[1]);
    }

    @Test
    void replicasAreDiscoveredAndARefusingInstanceHandsItsSplitsOn() {
        long w0 = selects(writer);
        long r0 = selects(replica);
        JobResult r = ItHome.run(reader("aurora-test", "replicas", Map.of()), COUNT_ONLY, 4);
        assertTrue(r.isSuccess(), r.errorMessage());
        assertEquals(ROWS, r.totalReadRecords());
        assertEquals(4, r.taskNumber());
        assertTrue(rds.callCount("DescribeDBClusters") >= 1 && rds.callCount("DescribeDBInstances") >= 1);
        // Tasks 1 and 3 started on aurora-test-3 (refused) and moved to aurora-test-2; the writer stayed idle
        // except for nothing at all (planning also used the replica).
        assertTrue(selects(replica) - r0 >= 15, "chunks read on the replica");
        assertEquals(0, selects(writer) - w0, "readFrom replicas never reads the writer");
    }

    @Test
    void readFromAnySpreadsOverHealthyInstances() {
        rds.setInstanceStatus("aurora-test-3", "stopped"); // left out by discovery
        try {
            long w0 = selects(writer);
            long r0 = selects(replica);
            JobResult r = ItHome.run(reader("aurora-test", "any", Map.of()), COUNT_ONLY, 4);
            assertTrue(r.isSuccess(), r.errorMessage());
            assertEquals(ROWS, r.totalReadRecords());
            assertTrue(selects(writer) - w0 >= 5, "some chunks on the writer");
            assertTrue(selects(replica) - r0 >= 5, "some chunks on the replica");
        } finally {
            rds.setInstanceStatus("aurora-test-3", "available");
        }
    }

    @Test
    void aConnectionLostMidChunkContinuesOnTheNextInstanceAfterTheLastKey() {
        long replicaSelects = selects(replica);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("username", "root");
        p.put("password", writer.rootPassword());
        p.put("column", List.of("id", "v"));
        p.put("connection", List.of(Map.of("jdbcUrl", List.of(writer.jdbcUrl(), replica.jdbcUrl()), "table",
                List.of("t"))));
        p.put("chunkRows", 500);
        p.put("fetchSize", 50); // the loss hits while the driver still has rows of the chunk to fetch
        p.put("testHook", Map.of("dropConnectionAfterRows", 333));
        JobResult r = ItHome.run(p, COUNT_ONLY, 2);
        assertTrue(r.isSuccess(), r.errorMessage());
        assertEquals(ROWS, r.totalReadRecords(), "no row twice, none lost");
        assertTrue(selects(replica) > replicaSelects, "the chunks continued on the second instance");
    }

    @Test
    void readFromWriterUsesOnlyTheWriter() {
        long r0 = selects(replica);
        JobResult r = ItHome.run(reader("aurora-test", "writer", Map.of()), COUNT_ONLY, 2);
        assertTrue(r.isSuccess(), r.errorMessage());
        assertEquals(ROWS, r.totalReadRecords());
        assertEquals(0, selects(replica) - r0);
    }

    @Test
    void iamTokenAuthenticationOverTls() {
        Map<String, Object> p = reader("aurora-iam", "writer", Map.of());
        p.put("username", "iam_user");
        p.remove("password");
        @SuppressWarnings("unchecked")
        Map<String, Object> a = (Map<String, Object>) p.get("aurora");
        a.put("iamAuth", true);
        // The instance URL comes from discovery; the template adds TLS trust for the test's self-signed cert.
        p.put("connection", List.of(Map.of("jdbcUrl", List.of("jdbc:mysql://cluster:3306/" + iam.database()
                + "?sslMode=trust"), "table", List.of("t"))));
        JobResult r = ItHome.run(p, COUNT_ONLY, 2);
        assertTrue(r.isSuccess(), r.errorMessage());
        assertEquals(ROWS, r.totalReadRecords());
        assertTrue(iam.iamAuthLogText().toLowerCase().contains("accept"), iam.iamAuthLogText());

        // A token signed with the wrong secret: the server (not the client) refuses it. Without discovery, since
        // the RDS API would refuse the wrong secret first (AuroraReader-09).
        Map<String, Object> direct = new LinkedHashMap<>(p);
        direct.put("connection", List.of(Map.of("jdbcUrl", List.of(iam.jdbcUrl() + "?sslMode=trust"), "table",
                List.of("t"))));
        direct.put("aurora", Map.of("iamAuth", true, "region", RdsEmulator.DEFAULT_REGION, "accessKeyId", AK,
                "secretAccessKey", "wrong" + SK.substring(5)));
        JobResult bad = ItHome.run(direct, COUNT_ONLY, 1);
        assertFalse(bad.isSuccess());
        assertTrue(bad.errorMessage().contains("AuroraReader-02") && bad.errorMessage().contains("IAM token"),
                bad.errorMessage());
        assertFalse(bad.errorMessage().contains("X-Amz-Signature"), "the token never appears in messages");
    }

    @Test
    void iamWithoutTlsIsRefusedByTheServer() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("username", "iam_user");
        p.put("connection", List.of(Map.of("jdbcUrl", List.of(iam.jdbcUrl() + "?sslMode=disable"), "table", List.of("t"))));
        p.put("aurora", Map.of("iamAuth", true, "region", RdsEmulator.DEFAULT_REGION, "accessKeyId", AK,
                "secretAccessKey", SK));
        JobResult r = ItHome.run(p, COUNT_ONLY, 1);
        assertFalse(r.isSuccess());
        assertTrue(r.errorMessage().contains("AuroraReader-0"), r.errorMessage());
    }

    @Test
    void unknownClusterIsANamedDiscoveryError() {
        JobResult r = ItHome.run(reader("no-such-cluster", "replicas", Map.of()), COUNT_ONLY, 1);
        assertFalse(r.isSuccess());
        assertTrue(r.errorMessage().contains("AuroraReader-09") && r.errorMessage().contains("no-such-cluster"),
                r.errorMessage());
    }

    static Connection unused() {
        return null;
    }
}
