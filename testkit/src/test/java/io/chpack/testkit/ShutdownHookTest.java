package io.chpack.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A JVM that exits without close() still takes its (attached) servers down with it. */
class ShutdownHookTest {
    @Test
    void serversDieWithTheJvm() throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "-D" + TestkitSettings.ROOT + "=" + TestkitSettings.scratchRoot(),
                OrphanProbeMain.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        String[] f = out.lines().reduce((a, b) -> b).orElse("").split(" ");
        long pid = Long.parseLong(f[0]);
        int port = Integer.parseInt(f[1]);
        // The hook ran before the JVM exited: the memcached must already be gone and its port free.
        Stopped.assertGone(pid, null, port);
        ScratchDirs.deleteTree(Path.of(f[2]));
    }
}
