package io.chpack.clickhousewriter.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import io.chpack.runner.Engine;
import io.chpack.runner.JobResult;

/**
 * A DataX-style home in a temporary directory with the shipped core.json and the real, shaded clickhousewriter
 * jar (failsafe passes its path), so jobs run through the engine exactly as users run them.
 */
final class WriterHome {
    final Path home;
    private int jobs;

    WriterHome(Path dir) {
        try {
            home = dir.resolve("home");
            Files.createDirectories(home.resolve("conf"));
            Files.copy(Paths.get(property("chpack.it.coreJson")), home.resolve("conf/core.json"));
            Path plugin = home.resolve("plugin/writer/clickhousewriter");
            Files.createDirectories(plugin.resolve("libs"));
            Path pluginDir = Paths.get(property("chpack.it.pluginDir"));
            Files.copy(pluginDir.resolve("plugin.json"), plugin.resolve("plugin.json"));
            Files.copy(Paths.get(property("chpack.it.pluginJar")), plugin.resolve("clickhousewriter.jar"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String property(String name) {
        String v = System.getProperty(name);
        if (v == null) {
            throw new IllegalStateException(name + " is not set: run the *IT tests through maven-failsafe");
        }
        return v;
    }

    JobResult run(String jobJson) {
        return run(jobJson, Map.of());
    }

    JobResult run(String jobJson, Map<String, String> vars) {
        try {
            Path job = home.getParent().resolve("job-" + (++jobs) + ".json");
            Files.writeString(job, jobJson);
            return new Engine(home).run(job, vars);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
