package io.chpack.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsUtilities;

/**
 * IAM database authentication against a real MariaDB: tokens from the SDK v2's {@code RdsUtilities}
 * (a local SigV4 presign, service rds-db), checked by the server's PAM script; TLS required as on Aurora.
 */
class MariaDbIamTest {
    static {
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    private static final String AK = "AKIAIAMTESTKEY000001";
    private static final String SK = "iamTestSecret/0123456789abcdefghijklmnopqrs";
    private static final String REGION = "us-east-1";
    private static MariaDbServer db;

    @BeforeAll
    static void start() {
        db = MariaDbServer.builder().iamAuth(AK, SK, REGION).start();
        db.createIamUser("iam_user");
        db.createIamUser("other_user");
        db.execute("CREATE TABLE t (id INT PRIMARY KEY); INSERT INTO t VALUES (1), (2);");
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            Path pam = MariaDbServer.PAM_DIR.resolve(db.iamPamService());
            assertTrue(Files.exists(pam), "PAM service file while running");
            db.close();
            assertFalse(Files.exists(pam), "PAM service file removed on close");
        }
    }

    private static String token(String host, int port, String user, String secret) {
        RdsUtilities u = RdsUtilities.builder().region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(AK, secret)))
                .build();
        return u.generateAuthenticationToken(b -> b.hostname(host).port(port).username(user));
    }

    private static String token(String user) {
        return token(MariaDbServer.HOST, db.port(), user, SK);
    }

    /** What RdsUtilities does, with a clock of our choosing (RdsUtilities has no public clock). */
    private static String tokenSignedAt(Clock clock, String user) {
        SdkHttpFullRequest req = SdkHttpFullRequest.builder().method(SdkHttpMethod.GET).protocol("https")
                .host(MariaDbServer.HOST).port(db.port()).encodedPath("/")
                .putRawQueryParameter("DBUser", user).putRawQueryParameter("Action", "connect").build();
        String uri = AwsV4HttpSigner.create().sign(r -> r.identity(AwsCredentialsIdentity.create(AK, SK)).request(req)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "rds-db")
                .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(15))
                .putProperty(HttpSigner.SIGNING_CLOCK, clock)).request().getUri().toString();
        return uri.substring("https://".length());
    }

    private static Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://" + MariaDbServer.HOST + ":" + db.port() + "/"
                + db.database() + "?sslMode=trust", user, password);
    }

    private static String lastLogLine() {
        String[] lines = db.iamAuthLogText().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void sdkTokenLogsInOverTls() throws Exception {
        String token = token("iam_user");
        assertTrue(token.startsWith("127.0.0.1:" + db.port() + "/?"), token);
        try (Connection c = connect("iam_user", token); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT CURRENT_USER(), COUNT(*) FROM t")) {
                assertTrue(rs.next());
                assertEquals("iam_user@%", rs.getString(1));
                assertEquals(2, rs.getInt(2));
            }
            try (ResultSet rs = st.executeQuery("SHOW STATUS LIKE 'Ssl_version'")) {
                assertTrue(rs.next());
                assertTrue(rs.getString(2).startsWith("TLS"), rs.getString(2));
            }
        }
        assertTrue(lastLogLine().contains("ACCEPT iam_user"), lastLogLine());
        // The same token works again within its 15 minutes, also through jdbc:mysql (permitMysqlScheme).
        try (Connection c = DriverManager.getConnection(db.jdbcUrl() + "?permitMysqlScheme&sslMode=trust",
                "iam_user", token)) {
            assertTrue(c.isValid(5));
        }
        // A token signed 10 minutes ago is still valid; localhost:<port> is an accepted endpoint name.
        try (Connection c = connect("iam_user", tokenSignedAt(Clock.offset(Clock.systemUTC(),
                Duration.ofMinutes(-10)), "iam_user"))) {
            assertTrue(c.isValid(5));
        }
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://localhost:" + db.port() + "/"
                + db.database() + "?sslMode=trust", "iam_user", token("localhost", db.port(), "iam_user", SK))) {
            assertTrue(c.isValid(5));
        }
        // Root keeps its password login.
        try (Connection c = connect("root", db.rootPassword())) {
            assertTrue(c.isValid(5));
        }
    }

    @Test
    void tamperedTokenIsRefused() {
        String token = token("iam_user");
        int at = token.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length();
        char ch = token.charAt(at) == 'a' ? 'b' : 'a';
        String tampered = token.substring(0, at) + ch + token.substring(at + 1);
        assertThrows(SQLException.class, () -> connect("iam_user", tampered).close());
        assertTrue(lastLogLine().contains("REFUSE iam_user: signature does not match"), lastLogLine());
        // Changing a signed parameter (the date) breaks the signature as well.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("X-Amz-Date=\\d{8}T\\d{5}(\\d)Z").matcher(token);
        assertTrue(m.find(), token);
        String redated = token.substring(0, m.start(1)) + (m.group(1).equals("0") ? "1" : "0")
                + token.substring(m.end(1));
        assertThrows(SQLException.class, () -> connect("iam_user", redated).close());
        assertTrue(lastLogLine().contains("signature does not match"), lastLogLine());
    }

    @Test
    void wrongSecretIsRefused() {
        assertThrows(SQLException.class,
                () -> connect("iam_user", token(MariaDbServer.HOST, db.port(), "iam_user", SK + "x")).close());
        assertTrue(lastLogLine().contains("REFUSE iam_user: signature does not match"), lastLogLine());
    }

    @Test
    void expiredTokenIsRefused() {
        String old = tokenSignedAt(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-16)), "iam_user");
        assertThrows(SQLException.class, () -> connect("iam_user", old).close());
        assertTrue(lastLogLine().contains("REFUSE iam_user: token expired"), lastLogLine());
    }

    @Test
    void tokenForAnotherUserOrEndpointIsRefused() {
        assertThrows(SQLException.class, () -> connect("other_user", token("iam_user")).close());
        assertTrue(lastLogLine().contains("REFUSE other_user: DBUser 'iam_user' is not the login user"),
                lastLogLine());
        assertThrows(SQLException.class,
                () -> connect("iam_user", token("10.0.0.7", db.port(), "iam_user", SK)).close());
        assertTrue(lastLogLine().contains("token is for 10.0.0.7:"), lastLogLine());
        // ... unless that endpoint is declared (an emulated instance that names this server differently).
        db.allowIamEndpoint("aurora-test-2.chpack.internal", 3306);
        String t = token("aurora-test-2.chpack.internal", 3306, "iam_user", SK);
        assertThrows(SQLException.class, () -> connect("iam_user", t.replace("internal:3306/", "internal:3307/")).close());
        try (Connection c = connect("iam_user", t)) {
            assertTrue(c.isValid(5));
        } catch (SQLException e) {
            throw new AssertionError(lastLogLine(), e);
        }
    }

    @Test
    void withoutTlsIsRefused() {
        String token = token("iam_user");
        assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:mariadb://" + MariaDbServer.HOST
                + ":" + db.port() + "/" + db.database() + "?sslMode=disable", "iam_user", token).close());
        // The server insists too (REQUIRE SSL), not only the driver's refusal to send a cleartext password.
        assertTrue(db.execute("SHOW CREATE USER iam_user").contains("REQUIRE SSL"));
    }
}
