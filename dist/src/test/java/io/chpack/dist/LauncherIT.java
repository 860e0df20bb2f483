package io.chpack.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembled home works as a user runs it: bin/chpack from a shell, exit codes, what it prints. */
class LauncherIT {
    @TempDir
    Path dir;

    @Test
    void demoJobRunsAndReportsWhatItMoved() throws Exception {
        Path home = AssembledHome.home();
        Result run = chpack("run", home.resolve("job/demo.json").toString(), "-p", "-Drows=2500");
        assertEquals(0, run.exitCode, run.output);
        assertTrue(run.output.contains("SUCCEEDED"), run.output);
        // 2 channels, 2 reader slices of 2500 rows each.
        assertEquals("5000", summaryValue(run.output, "Total records read"), run.output);
        assertEquals("0", summaryValue(run.output, "Total read/write failures"), run.output);
    }

    @Test
    void pluginLoadsFromItsDirectoryAndAnUnreachableServerFailsWithoutLeakingThePassword() throws Exception {
        // Port 1 on loopback: nothing listens there, so the plugin's own connection error must surface.
        Path job = writeJob("clickhousewriter", "{\"username\":\"default\",\"password\":\"pw-Zq81-secret\","
                + "\"column\":[\"*\"],\"connection\":[{\"jdbcUrl\":\"jdbc:clickhouse://127.0.0.1:1/db\",\"table\":[\"t\"]}],"
                + "\"maxRetries\":0,\"connectTimeoutMs\":2000}");
        Result run = chpack("run", job.toString());
        assertEquals(1, run.exitCode, run.output);
        assertTrue(run.output.contains("127.0.0.1:1"), "error does not name the server:\n" + run.output);
        assertTrue(run.output.contains("io.chpack.clickhousewriter"), "not raised by the plugin:\n" + run.output);
        assertFalse(run.output.contains("pw-Zq81-secret"), "password printed:\n" + run.output);
    }

    @Test
    void unknownPluginNamesItselfAndWhereItWasLookedFor() throws Exception {
        Path job = writeJob("nosuchwriter", "{}");
        Result run = chpack("run", job.toString());
        assertEquals(1, run.exitCode, run.output);
        assertTrue(run.output.contains("nosuchwriter"), run.output);
        assertTrue(run.output.contains(AssembledHome.home().resolve("plugin").resolve("writer").toString()), run.output);
    }

    private Path writeJob(String writer, String writerParameter) throws IOException {
        String text = "{\"job\":{\"setting\":{\"speed\":{\"channel\":1}},\"content\":[{"
                + "\"reader\":{\"name\":\"streamreader\",\"parameter\":{\"sliceRecordCount\":10,"
                + "\"column\":[{\"type\":\"long\",\"value\":\"1\"}]}},"
                + "\"writer\":{\"name\":\"" + writer + "\",\"parameter\":" + writerParameter + "}}]}}";
        Path job = this.dir.resolve(writer + ".json");
        Files.writeString(job, text);
        return job;
    }

    private static String summaryValue(String output, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + "\\s*:\\s*(\\S+)").matcher(output);
        assertTrue(m.find(), "no '" + label + "' in summary:\n" + output);
        return m.group(1);
    }

    private record Result(int exitCode, String output) {
    }

    private Result chpack(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(AssembledHome.home().resolve("bin/chpack").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CHPACK_JVM", "-Xms64m -Xmx256m");
        Path log = this.dir.resolve("chpack-" + System.nanoTime() + ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/chpack did not finish in 120 s:\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
