package io.chpack.common.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClickHouseFailureTest {
    @ParameterizedTest
    @CsvSource({
        "252, true", "242, true", "241, true", "319, true", "999, true", "202, true", "203, true", "209, true",
        "210, true", "216, true", "285, true", "159, true", "3, true", "32, true", "425, true",
        "62, false", "60, false", "193, false", "516, false", "47, false", "16, false", "115, false", "53, false",
    })
    void serverCodesComeFromTheTextAnywhereInTheChain(int code, boolean expectTransient) {
        RuntimeException e = new RuntimeException("wrapped", new IllegalStateException("Code: " + code
                + ", e.displayText() = DB::Exception: boom, e.what() = DB::Exception"));
        ClickHouseFailure f = ClickHouseFailure.of(e, 500);
        assertEquals(code, f.code);
        assertEquals(expectTransient, f.isTransient);
        assertFalse(f.neverSent);
        String m = f.message("insert into t", "h:1", 500);
        assertTrue(m.startsWith("insert into t on h:1 failed with server code " + code + " (HTTP 500): "), m);
        assertTrue(m.contains("DB::Exception: boom") && !m.contains("e.what()"), m);
    }

    @Test
    void networkFailures() {
        ClickHouseFailure refused = ClickHouseFailure.of(new RuntimeException(new ConnectException("Connection refused")), 0);
        assertTrue(refused.isTransient && refused.neverSent);
        ClickHouseFailure reset = ClickHouseFailure.of(new RuntimeException(new SocketException("Connection reset")), 0);
        assertTrue(reset.isTransient && !reset.neverSent);
        ClickHouseFailure timeout = ClickHouseFailure.of(new SocketTimeoutException("Read timed out"), 0);
        assertTrue(timeout.isTransient && !timeout.neverSent);
        ClickHouseFailure pipe = ClickHouseFailure.of(new IOException("Broken pipe"), 0);
        assertTrue(pipe.isTransient);
        ClickHouseFailure host = ClickHouseFailure.of(new UnknownHostException("nohost.invalid"), 0);
        assertTrue(!host.isTransient && host.neverSent);
        assertTrue(host.reason.contains("nohost.invalid"), host.reason);
    }

    @Test
    void tlsFailuresAreFatalAndNeverSent() {
        ClickHouseFailure tls = ClickHouseFailure.of(new RuntimeException(
                new SSLHandshakeException("Unsupported or unrecognized SSL message")), 0);
        assertFalse(tls.isTransient, "a failed TLS handshake fails again: no retry");
        assertTrue(tls.neverSent);
        assertTrue(tls.reason.startsWith("TLS failure: SSLHandshakeException: Unsupported"), tls.reason);
    }

    @Test
    void httpStatusWithoutCode() {
        assertTrue(ClickHouseFailure.of(new RuntimeException("bad gateway"), 502).isTransient);
        assertFalse(ClickHouseFailure.of(new RuntimeException("forbidden"), 403).isTransient);
    }

    @Test
    void aCyclicCauseChainEnds() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        ClickHouseFailure f = ClickHouseFailure.of(a, 0);
        assertEquals(0, f.code);
        assertFalse(f.isTransient);
    }
}
