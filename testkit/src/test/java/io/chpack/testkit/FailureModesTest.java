package io.chpack.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clear failures: missing binaries name the fix, failed starts show the command and the log tail. */
class FailureModesTest {
    @Test
    void missingBinaryViaBuilderOption() {
        MissingBinaryException e = assertThrows(MissingBinaryException.class,
                () -> ClickHouseServer.builder().binary(Path.of("/nonexistent/clickhouse-server")).start());
        assertTrue(e.getMessage().startsWith("clickhouse-server not found at /nonexistent/clickhouse-server"),
                e.getMessage());
        assertTrue(e.getMessage().contains("run scripts/setup first"), e.getMessage());
    }

    @Test
    void missingBinaryViaSystemProperty() {
        String key = TestkitSettings.BIN_PREFIX + "memcached";
        System.setProperty(key, "/nonexistent/memcached");
        try {
            MissingBinaryException e = assertThrows(MissingBinaryException.class, MemcachedServer::start);
            assertTrue(e.getMessage().contains("memcached not found at /nonexistent/memcached"), e.getMessage());
            assertTrue(e.getMessage().contains("-D" + key), e.getMessage());
            assertTrue(e.getMessage().contains("scripts/setup"), e.getMessage());
        } finally {
            System.clearProperty(key);
        }
    }

    @Test
    void missingBinaryOnPath() {
        MissingBinaryException e = assertThrows(MissingBinaryException.class,
                () -> Binaries.search("no-such-server-xyz", "no-such-package", "/nonexistent/bin", List.of()));
        assertTrue(e.getMessage().startsWith("no-such-server-xyz not found: run scripts/setup first"), e.getMessage());
        assertTrue(e.getMessage().contains("no-such-package"), e.getMessage());
        assertTrue(e.getMessage().contains("/nonexistent/bin"), e.getMessage());
    }

    @Test
    void serverThatExitsReportsCommandAndLogTailAndKeepsScratch() {
        ServerStartException e = assertThrows(ServerStartException.class,
                () -> MemcachedServer.builder().extraArgs("-t", "0").start());
        String m = e.getMessage();
        assertTrue(m.startsWith("memcached failed to start: process exited"), m);
        assertTrue(m.contains("command: ") && m.contains("memcached -u root -l 127.0.0.1"), m);
        assertTrue(m.contains("Number of threads must be greater than 0"), "log tail in message: " + m);
        assertTrue(e.logTail().contains("Number of threads must be greater than 0"));
        assertTrue(m.contains("lines of " + e.logFile() + "):\n"), m);
        assertTrue(Files.exists(e.logFile()), "scratch dir with the log is kept after a failure: " + e.logFile());
        ScratchDirs.deleteTree(e.logFile().getParent());
    }

    @Test
    void clickHouseWithBrokenConfigReportsItsOwnError() {
        // Two <listen_host> entries, one not an address: 18.16 refuses to start and logs why.
        ServerStartException e = assertThrows(ServerStartException.class,
                () -> ClickHouseServer.builder().extraConfig("<listen_host>not-an-address.invalid</listen_host>")
                        .start());
        assertTrue(e.getMessage().contains("clickhouse-server failed to start"), e.getMessage());
        assertFalse(e.logTail().isBlank());
        assertTrue(e.getMessage().contains("--config-file="), e.getMessage());
        assertTrue(Files.exists(e.logFile()));
        ScratchDirs.deleteTree(e.logFile().getParent());
    }
}
