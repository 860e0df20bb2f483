package io.chpack.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterMember;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DbClusterNotFoundException;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.Filter;
import software.amazon.awssdk.services.rds.model.RdsException;

/**
 * The emulator against the real AWS SDK v2: static credentials, explicit region, endpoint override, no
 * default chains and no instance metadata (169.254.169.254 must never be touched here).
 */
class RdsEmulatorTest {
    static {
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    private static final String AK = "AKIATESTEMULATOR0001";
    private static final String SK = "emulatorSecret/abcdefghijklmnopqrstuvwxyz012";
    private static RdsEmulator rds;
    private static RdsClient client;

    @BeforeAll
    static void start() {
        rds = RdsEmulator.builder().region("eu-central-1").credentials(AK, SK)
                .cluster(RdsEmulator.cluster("aurora-test").engine("aurora-mysql").databaseName("shop")
                        .iamEnabled(true)
                        .writer("aurora-test-1", "127.0.0.1", 33061)
                        .reader("aurora-test-2", "127.0.0.1", 33062)
                        .instance(RdsEmulator.instance("aurora-test-3").status("stopped").endpoint("localhost", 33063)))
                .cluster(RdsEmulator.cluster("pg-test").engine("aurora-postgresql").port(5432)
                        .writer("pg-test-a", "127.0.0.1", 54321))
                .start();
        client = client(AK, SK, rds.region());
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (rds != null) {
            rds.close();
        }
    }

    static RdsClient client(String ak, String sk, String region) {
        return RdsClient.builder().endpointOverride(rds.endpoint()).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ak, sk)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build();
    }

    @Test
    void describeClusterReturnsTopology() {
        List<DBCluster> cs = client.describeDBClusters(r -> r.dbClusterIdentifier("aurora-test")).dbClusters();
        assertEquals(1, cs.size());
        DBCluster c = cs.get(0);
        assertEquals("aurora-test", c.dbClusterIdentifier());
        assertEquals("aurora-mysql", c.engine());
        assertEquals("available", c.status());
        assertEquals("shop", c.databaseName());
        assertEquals(33061, c.port(), "default port: the writer's");
        assertEquals("127.0.0.1", c.endpoint());
        assertTrue(c.iamDatabaseAuthenticationEnabled());
        assertEquals("arn:aws:rds:eu-central-1:123456789012:cluster:aurora-test", c.dbClusterArn());
        Map<String, Boolean> members = c.dbClusterMembers().stream()
                .collect(Collectors.toMap(DBClusterMember::dbInstanceIdentifier, DBClusterMember::isClusterWriter));
        assertEquals(Map.of("aurora-test-1", true, "aurora-test-2", false, "aurora-test-3", false), members);

        List<DBCluster> all = client.describeDBClusters().dbClusters();
        assertEquals(List.of("aurora-test", "pg-test"),
                all.stream().map(DBCluster::dbClusterIdentifier).collect(Collectors.toList()));
        assertEquals("aurora-postgresql", all.get(1).engine());
        assertEquals(5432, all.get(1).port());
        assertFalse(all.get(1).iamDatabaseAuthenticationEnabled());
    }

    @Test
    void describeInstancesByClusterFilterAndById() {
        List<DBInstance> is = client.describeDBInstances(r -> r.filters(
                Filter.builder().name("db-cluster-id").values("aurora-test").build())).dbInstances();
        assertEquals(List.of("aurora-test-1:available:127.0.0.1:33061", "aurora-test-2:available:127.0.0.1:33062",
                "aurora-test-3:stopped:localhost:33063"), is.stream().map(i -> i.dbInstanceIdentifier() + ":"
                        + i.dbInstanceStatus() + ":" + i.endpoint().address() + ":" + i.endpoint().port())
                        .collect(Collectors.toList()));
        assertTrue(is.stream().allMatch(i -> "aurora-test".equals(i.dbClusterIdentifier())
                && "aurora-mysql".equals(i.engine()) && i.iamDatabaseAuthenticationEnabled()));

        DBInstance one = client.describeDBInstances(r -> r.dbInstanceIdentifier("pg-test-a")).dbInstances().get(0);
        assertEquals("pg-test", one.dbClusterIdentifier());
        assertEquals("aurora-postgresql", one.engine());
        assertEquals(54321, one.endpoint().port());
        // by ARN too, and all instances without a filter
        assertEquals(1, client.describeDBInstances(r -> r.dbInstanceIdentifier(
                "arn:aws:rds:eu-central-1:123456789012:db:aurora-test-2")).dbInstances().size());
        assertEquals(4, client.describeDBInstances().dbInstances().size());
        assertEquals(0, client.describeDBInstances(r -> r.filters(
                Filter.builder().name("db-cluster-id").values("nope").build())).dbInstances().size());
    }

    @Test
    void notFoundAndBadParametersAreTheServiceErrors() {
        DbClusterNotFoundException c = assertThrows(DbClusterNotFoundException.class,
                () -> client.describeDBClusters(r -> r.dbClusterIdentifier("missing")));
        assertEquals(404, c.statusCode());
        assertEquals("DBClusterNotFoundFault", c.awsErrorDetails().errorCode());
        assertTrue(c.getMessage().contains("DBCluster missing not found"), c.getMessage());
        assertTrue(c.requestId() != null && !c.requestId().isEmpty());
        DbInstanceNotFoundException i = assertThrows(DbInstanceNotFoundException.class,
                () -> client.describeDBInstances(r -> r.dbInstanceIdentifier("missing-1")));
        assertEquals("DBInstanceNotFound", i.awsErrorDetails().errorCode());
        RdsException mr = assertThrows(RdsException.class,
                () -> client.describeDBInstances(r -> r.maxRecords(5)));
        assertEquals(400, mr.statusCode());
        assertEquals("InvalidParameterValue", mr.awsErrorDetails().errorCode());
        RdsException f = assertThrows(RdsException.class, () -> client.describeDBInstances(r -> r.filters(
                Filter.builder().name("bogus").values("x").build())));
        assertEquals("InvalidParameterValue", f.awsErrorDetails().errorCode());
    }

    @Test
    void paginationWithMarkers() {
        RdsEmulator.ClusterSpec big = RdsEmulator.cluster("big").engine("aurora-postgresql");
        for (int n = 1; n <= 45; n++) {
            big.instance(RdsEmulator.instance(String.format("big-%02d", n)).writer(n == 1).endpoint("127.0.0.1", 5000 + n));
        }
        rds.addCluster(big);
        try {
            rds.clearCalls();
            List<String> ids = new ArrayList<>();
            client.describeDBInstancesPaginator(r -> r.maxRecords(20).filters(
                    Filter.builder().name("db-cluster-id").values("big").build()))
                    .forEach(page -> {
                        assertTrue(page.dbInstances().size() <= 20);
                        page.dbInstances().forEach(i -> ids.add(i.dbInstanceIdentifier()));
                    });
            assertEquals(45, ids.size());
            assertEquals("big-01", ids.get(0));
            assertEquals("big-45", ids.get(44));
            assertEquals(3, rds.callCount("DescribeDBInstances"), "three pages: 20 + 20 + 5");
            List<RdsEmulator.Call> calls = rds.calls();
            assertNull(calls.get(0).params().get("Marker"));
            assertEquals("20", calls.get(0).params().get("MaxRecords"));
            assertEquals("big", calls.get(0).params().get("Filters.Filter.1.Values.Value.1"));
            assertTrue(calls.get(1).params().get("Marker") != null);

            var first = client.describeDBClusters(r -> r.maxRecords(20));
            assertNull(first.marker(), "3 clusters fit one page");
            assertEquals(3, first.dbClusters().size());
        } finally {
            rds.removeCluster("big");
        }
    }

    @Test
    void wrongSecretUnknownKeyAndWrongRegionAreRefused() {
        try (RdsClient bad = client(AK, SK + "x", rds.region())) {
            RdsException e = assertThrows(RdsException.class, bad::describeDBClusters);
            assertEquals(403, e.statusCode());
            assertEquals("SignatureDoesNotMatch", e.awsErrorDetails().errorCode());
        }
        try (RdsClient bad = client("AKIAUNKNOWN000000000", SK, rds.region())) {
            RdsException e = assertThrows(RdsException.class, bad::describeDBClusters);
            assertEquals(403, e.statusCode());
            assertEquals("InvalidClientTokenId", e.awsErrorDetails().errorCode());
        }
        try (RdsClient bad = client(AK, SK, "us-west-2")) {
            RdsException e = assertThrows(RdsException.class, bad::describeDBClusters);
            assertEquals("SignatureDoesNotMatch", e.awsErrorDetails().errorCode());
            assertTrue(e.getMessage().contains("region"), e.getMessage());
        }
    }

    /** Raw requests signed with the SDK's own SigV4 signer: what the SDK's model cannot send. */
    @Test
    void rawRequestsUnknownActionUnsignedAndTamperedBody() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String body = "Action=StartDBCluster&Version=2014-10-31&DBClusterIdentifier=aurora-test";
        HttpResponse<String> r = http.send(signed(body, body), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("<Code>InvalidAction</Code>"), r.body());
        assertTrue(r.body().startsWith("<ErrorResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"));

        // The body is part of the signature: same headers, different payload → refused.
        r = http.send(signed(body, body.replace("StartDBCluster", "DescribeDBClusters")),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("<Code>SignatureDoesNotMatch</Code>"), r.body());

        String ok = "Action=DescribeDBClusters&Version=2014-10-31";
        r = http.send(signed(ok, ok), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("<DBClusterIdentifier>aurora-test</DBClusterIdentifier>"));

        HttpRequest unsigned = HttpRequest.newBuilder(rds.endpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(ok)).build();
        r = http.send(unsigned, HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("<Code>MissingAuthenticationToken</Code>"), r.body());
    }

    private static HttpRequest signed(String signedBody, String sentBody) {
        URI uri = rds.endpoint().resolve("/");
        SdkHttpFullRequest req = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(uri)
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .contentStreamProvider(() -> new java.io.ByteArrayInputStream(
                        signedBody.getBytes(StandardCharsets.UTF_8)))
                .build();
        SignedRequest s = AwsV4HttpSigner.create().sign(r -> r.identity(AwsCredentialsIdentity.create(AK, SK))
                .request(req).payload(req.contentStreamProvider().get())
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "rds")
                .putProperty(AwsV4HttpSigner.REGION_NAME, rds.region()));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString(sentBody));
        s.request().forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> b.header(name, v));
            }
        });
        return b.build();
    }

    @Test
    void mutatorsSimulateFailoverAndTrouble() {
        rds.addCluster(RdsEmulator.cluster("fo").writer("fo-1", "127.0.0.1", 1001).reader("fo-2", "127.0.0.1", 1002));
        try {
            rds.failover("fo", "fo-2");
            rds.setInstanceStatus("fo-1", "rebooting");
            rds.addInstance("fo", RdsEmulator.instance("fo-3").endpoint("127.0.0.1", 1003));
            DBCluster c = client.describeDBClusters(r -> r.dbClusterIdentifier("fo")).dbClusters().get(0);
            assertEquals(Map.of("fo-1", false, "fo-2", true, "fo-3", false), c.dbClusterMembers().stream()
                    .collect(Collectors.toMap(DBClusterMember::dbInstanceIdentifier, DBClusterMember::isClusterWriter)));
            assertEquals(1002, c.port(), "cluster port follows the writer");
            assertEquals("rebooting", client.describeDBInstances(r -> r.dbInstanceIdentifier("fo-1")).dbInstances()
                    .get(0).dbInstanceStatus());
            rds.removeInstance("fo-1");
            assertThrows(DbInstanceNotFoundException.class,
                    () -> client.describeDBInstances(r -> r.dbInstanceIdentifier("fo-1")));
            rds.setInstanceEndpoint("fo-3", "localhost", 2003);
            assertEquals("localhost", client.describeDBInstances(r -> r.dbInstanceIdentifier("fo-3")).dbInstances()
                    .get(0).endpoint().address());
            assertThrows(IllegalArgumentException.class,
                    () -> rds.addInstance("fo", RdsEmulator.instance("fo-2")), "duplicate id");
        } finally {
            rds.removeCluster("fo");
        }
    }
}
