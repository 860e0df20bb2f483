package io.chpack.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Assertions that a server is really gone after close(): process, port, scratch dir. */
final class Stopped {
    private Stopped() {
    }

    static void assertGone(long pid, Path scratchDir, int... ports) {
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " still alive");
        for (int port : ports) {
            // The kernel may need a moment after exit before the port can be bound again.
            Wait.until("port " + port + " to be free", Duration.ofSeconds(10), () -> FreePorts.isFree(port));
            assertTrue(FreePorts.isFree(port));
        }
        if (scratchDir != null) {
            assertFalse(Files.exists(scratchDir), "scratch dir kept after a clean stop: " + scratchDir);
        }
    }
}
