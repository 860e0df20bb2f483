package io.chpack.runner.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import com.alibaba.datax.common.util.Configuration;

import io.chpack.runner.Engine;
import io.chpack.runner.JobResult;

/**
 * A DataX-style home in a temporary directory: the shipped conf/core.json and the two test plugins,
 * plus a job under construction whose reader and writer record their lifecycle in one events file.
 */
public final class TestHome {
    public final Path home;
    public final Path events;
    private final Configuration job = Configuration.newDefault();

    public TestHome(Path dir) {
        try {
            this.home = dir.resolve("home");
            this.events = dir.resolve("events.txt");
            Files.createDirectories(this.home.resolve("conf"));
            Files.copy(PluginJars.moduleDir().resolve("src/main/home/conf/core.json"),
                    this.home.resolve("conf/core.json"));
            PluginJars jars = PluginJars.get();
            Path reader = this.home.resolve("plugin/reader/genreader");
            Files.createDirectories(reader.resolve("libs"));
            Files.copy(jars.readerJar, reader.resolve("genreader.jar"));
            Files.copy(jars.readerVersionJar, reader.resolve("libs/version.jar"));
            Files.writeString(reader.resolve("plugin.json"), "{\"name\": \"genreader\", "
                    + "\"class\": \"io.chpack.testplugins.GenReader\", \"description\": \"test generator\", "
                    + "\"developer\": \"chpack\"}");
            Path writer = this.home.resolve("plugin/writer/collectwriter");
            Files.createDirectories(writer.resolve("libs"));
            Files.copy(jars.writerJar, writer.resolve("collectwriter.jar"));
            Files.copy(jars.writerVersionJar, writer.resolve("libs/version.jar"));
            Files.copy(jars.fakeLang3Jar, writer.resolve("libs/fake-commons-lang3.jar"));
            Files.writeString(writer.resolve("plugin.json"), "{\"name\": \"collectwriter\", "
                    + "\"class\": \"io.chpack.testplugins.CollectWriter\", \"description\": \"test collector\", "
                    + "\"developer\": \"chpack\"}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.job.set("job.setting.speed.channel", 1);
        this.job.set("job.content[0].reader.name", "genreader");
        this.job.set("job.content[0].reader.parameter.eventsFile", this.events.toString());
        this.job.set("job.content[0].reader.parameter.records", 100);
        this.job.set("job.content[0].writer.name", "collectwriter");
        this.job.set("job.content[0].writer.parameter.eventsFile", this.events.toString());
    }

    /** Sets a key of the job, e.g. {@code set("job.setting.speed.channel", 3)}. */
    public TestHome set(String path, Object value) {
        this.job.set(path, value);
        return this;
    }

    public TestHome reader(String key, Object value) {
        return set("job.content[0].reader.parameter." + key, value);
    }

    public TestHome writer(String key, Object value) {
        return set("job.content[0].writer.parameter." + key, value);
    }

    public TestHome remove(String path) {
        this.job.remove(path);
        return this;
    }

    public Path writeJob() {
        return writeJob(this.job.beautify());
    }

    public Path writeJob(String text) {
        try {
            Path file = this.home.getParent().resolve("job.json");
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JobResult run() {
        return new Engine(this.home).run(writeJob());
    }

    public List<String> events() {
        try {
            return Files.exists(this.events) ? Files.readAllLines(this.events) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Events whose text starts with the prefix. */
    public List<String> events(String prefix) {
        return events().stream().filter(e -> e.startsWith(prefix)).collect(Collectors.toList());
    }

    /** The job-level events (no task events), first word only, in order. */
    public List<String> jobEvents() {
        return events().stream().filter(e -> e.contains(".job.")).map(e -> e.split(" ")[0])
                .collect(Collectors.toList());
    }
}
