package io.chpack.memcachedwriter.it;

import static io.chpack.memcachedwriter.it.Jobs.row;
import static io.chpack.memcachedwriter.it.Jobs.rows;
import static io.chpack.memcachedwriter.it.Jobs.run;
import static io.chpack.memcachedwriter.it.Jobs.writer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.chpack.runner.JobResult;
import io.chpack.testkit.MemcachedServer;
import io.chpack.testkit.Wait;
import net.spy.memcached.AddrUtil;
import net.spy.memcached.ConnectionFactoryBuilder;
import net.spy.memcached.MemcachedClient;
import net.spy.memcached.auth.AuthDescriptor;
import net.spy.memcached.auth.PlainCallbackHandler;

/**
 * SASL against a real memcached started with {@code -S} (Cyrus SASL PLAIN over a sasldb): the stock ocswriter
 * keys {@code username}/{@code password} authenticate every connection; a wrong password fails the job with a
 * named error within the operation timeout and the password appears nowhere in what the job reports or logs.
 */
class SaslIT {
    private static final String USER = "chpack";
    private static final String PASSWORD = "s3cret-Pw-9731";
    private static MemcachedServer server;

    @BeforeAll
    static void start() {
        server = MemcachedServer.builder().sasl(USER, PASSWORD).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static List<List<String>> items(int n) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(row("long:" + i, "string:value " + i));
        }
        return rows;
    }

    private static MemcachedClient authenticatedClient() throws Exception {
        MemcachedClient c = new MemcachedClient(new ConnectionFactoryBuilder()
                .setProtocol(ConnectionFactoryBuilder.Protocol.BINARY).setDaemon(true)
                .setAuthDescriptor(new AuthDescriptor(new String[] {"PLAIN"}, new PlainCallbackHandler(USER, PASSWORD)))
                .build(), AddrUtil.getAddresses(server.address()));
        Wait.until("the authenticated client connecting", Duration.ofSeconds(20), () -> c.getAvailableServers().size() == 1);
        return c;
    }

    @Test
    void theServerRequiresAuthentication() throws Exception {
        assertTrue(server.sasl());
        assertEquals("PLAIN", server.saslMechanisms().trim());
        // the text protocol is off under -S: an unauthenticated plain command gets no stored value back
        String answer;
        try {
            answer = server.command("set probe 0 0 1\r\nx");
        } catch (java.io.IOException closed) {
            answer = "closed: " + closed.getMessage();
        }
        assertFalse(answer.startsWith("STORED"), answer);
    }

    @Test
    void usernameAndPasswordAuthenticateTheWrites() throws Exception {
        JobResult r = run(rows(items(500)), writer(List.of(server), "column", List.of("id", "v"), "key", "sasl:{id}",
                "writeFormat", "raw", "rawColumn", "v", "protocol", "binary", "username", USER, "password", PASSWORD), 2, 0);
        assertTrue(r.isSuccess(), r.errorMessage());
        assertEquals(500, r.writeSucceedRecords());
        MemcachedClient app = authenticatedClient();
        try {
            for (int i = 0; i < 500; i += 37) {
                assertEquals("value " + i, new String((byte[]) app.get("sasl:" + i,
                        new net.spy.memcached.transcoders.Transcoder<byte[]>() {
                            public boolean asyncDecode(net.spy.memcached.CachedData d) { return false; }
                            public net.spy.memcached.CachedData encode(byte[] o) { throw new UnsupportedOperationException(); }
                            public byte[] decode(net.spy.memcached.CachedData d) { return d.getData(); }
                            public int getMaxSize() { return Integer.MAX_VALUE; }
                        }), StandardCharsets.UTF_8), "sasl:" + i);
            }
        } finally {
            app.shutdown();
        }
    }

    @Test
    void aWrongPasswordFailsTheJobWithoutShowingIt() throws Exception {
        String wrong = "wrong-Pw-5521";
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8);
        JobResult r;
        System.setOut(tee);
        System.setErr(tee);
        try {
            r = run(rows(items(20)), writer(List.of(server), "column", List.of("id", "v"), "key", "bad:{id}",
                    "writeFormat", "raw", "rawColumn", "v", "protocol", "binary", "username", USER, "password", wrong,
                    "opTimeoutMs", 2000), 1, 0);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        out.print(log);
        assertFalse(r.isSuccess(), "a job with a wrong SASL password succeeded");
        String message = String.valueOf(r.errorMessage());
        assertTrue(message.contains("MemcachedWriter-07") && message.contains("user '" + USER + "'")
                && message.contains(server.address()), message);
        assertFalse(message.contains(wrong), "the password leaked into the error: " + message);
        assertFalse(log.contains(wrong), "the password leaked into the log");
        MemcachedClient app = authenticatedClient();
        try {
            assertNull(app.get("bad:0"), "nothing may be stored without authentication");
        } finally {
            app.shutdown();
        }
    }
}
