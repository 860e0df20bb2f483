package io.chpack.kafkareader.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.chpack.testkit.DataxHomeBuilder;

/**
 * A DataX-style home with the shaded kafkareader jar and the installed clickhousewriter jar. Jobs run in a child
 * JVM (the runner's ChpackMain, class path = this test's minus every library the plugins bundle), so the plugin's
 * own kafka-clients is the one under test and a job can be killed with SIGKILL.
 */
final class ItHome {
    private static final AtomicInteger SEQ = new AtomicInteger();
    final Path home;
    final Path work;

    ItHome() {
        try {
            Path root = Paths.get(property("chpack.it.scratch"));
            work = Files.createDirectories(root.resolve("run-" + ProcessHandle.current().pid() + "-"
                    + SEQ.incrementAndGet()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        home = DataxHomeBuilder.forModuleUnderTest(work.resolve("home"), "reader", "kafkareader")
                .confFile(Paths.get(property("chpack.it.logbackXml")))
                .plugin("writer", "clickhousewriter", Paths.get(property("chpack.it.writerPluginDir"), "plugin.json"),
                        Paths.get(property("chpack.it.writerJar")))
                .build();
    }

    static String property(String name) {
        String v = System.getProperty(name);
        if (v == null) {
            throw new IllegalStateException(name + " is not set: run the *IT tests through maven-failsafe");
        }
        return v;
    }

    /** The class path of the child: the runner and its libraries, none of the plugins' bundled libraries. */
    static String childClassPath() {
        List<String> kept = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String n = Paths.get(e).getFileName().toString();
            if (n.startsWith("kafka-clients") || n.startsWith("zstd-jni") || n.startsWith("lz4-java")
                    || n.startsWith("snappy-java") || n.startsWith("curator") || n.startsWith("zookeeper")
                    || n.startsWith("junit") || n.startsWith("opentest4j") || n.startsWith("apiguardian")
                    || e.contains("kafkareader" + File.separator + "target")) {
                continue;
            }
            kept.add(e);
        }
        return String.join(File.pathSeparator, kept);
    }

    /** A started job process and its log. */
    static final class Run {
        final Process process;
        final Path log;

        Run(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        String output() {
            try {
                return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Waits for the end; returns the exit code. */
        int await() {
            try {
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the job did not finish in 5 minutes; log " + log);
                }
                return process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL: no shutdown hooks, no post
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    Run start(String jobJson) {
        try {
            int n = SEQ.incrementAndGet();
            Path job = work.resolve("job-" + n + ".json");
            Files.write(job, jobJson.getBytes(StandardCharsets.UTF_8));
            Path log = work.resolve("job-" + n + ".log");
            List<String> cmd = new ArrayList<>();
            cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-Xmx256m");
            cmd.add("-XX:+UseSerialGC");
            cmd.add("-XX:TieredStopAtLevel=1");
            cmd.add("-Dfile.encoding=UTF-8");
            cmd.add("-Dlogback.configurationFile=" + home.resolve("conf/logback.xml"));
            cmd.add("-Dchpack.home=" + home); // as bin/chpack sets it: the run's log goes to <home>/log, not ./log
            cmd.add("-cp");
            cmd.add(childClassPath());
            cmd.add("io.chpack.runner.ChpackMain");
            cmd.add("run");
            cmd.add(job.toString());
            cmd.add("--home");
            cmd.add(home.toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new Run(p, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a job to its end. */
    Result run(String jobJson) {
        Run r = start(jobJson);
        int code = r.await();
        return new Result(code, r.output());
    }

    static final class Result {
        final int exitCode;
        final String output;

        Result(int exitCode, String output) {
            this.exitCode = exitCode;
            this.output = output;
        }

        boolean ok() {
            return exitCode == 0;
        }

        String output() {
            return output;
        }

        @Override
        public String toString() {
            String o = output.length() > 12000 ? "…" + output.substring(output.length() - 12000) : output;
            return "exit " + exitCode + "\n" + o;
        }
    }
}
