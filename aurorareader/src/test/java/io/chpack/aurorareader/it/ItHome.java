package io.chpack.aurorareader.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.alibaba.fastjson2.JSON;
import io.chpack.runner.Engine;
import io.chpack.runner.JobResult;
import io.chpack.testkit.DataxHomeBuilder;

/**
 * A temporary DataX home with the shaded aurorareader jar and the installed clickhousewriter jar; runs jobs
 * through the runner Engine (plugins loaded by their own class loaders, as DataX would).
 */
public final class ItHome {
    private static Path home;
    private static final AtomicInteger SEQ = new AtomicInteger();

    private ItHome() {
    }

    public static synchronized Path get() {
        if (home == null) {
            home = DataxHomeBuilder.forModuleUnderTest(moduleDir().resolve("target/it-home"), "reader", "aurorareader")
                    .plugin("writer", "clickhousewriter",
                            Paths.get(System.getProperty("chpack.it.writerPluginDir"), "plugin.json"),
                            Paths.get(System.getProperty("chpack.it.writerJar")))
                    .build();
        }
        return home;
    }

    static Path moduleDir() {
        String basedir = System.getProperty("basedir");
        return basedir != null ? Paths.get(basedir) : Paths.get("").toAbsolutePath();
    }

    public static Path scratch(String name) throws IOException {
        Path d = moduleDir().resolve("target/it-scratch/" + name + "-" + ProcessHandle.current().pid() + "-"
                + SEQ.incrementAndGet());
        Files.createDirectories(d);
        return d;
    }

    /** Runs reader → writer with channel channels; returns the engine's result. */
    public static JobResult run(Map<String, Object> reader, Map<String, Object> writer, int channels) {
        try {
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("job", Map.of(
                    "setting", Map.of("speed", Map.of("channel", channels), "errorLimit", Map.of("record", 0)),
                    "content", List.of(Map.of("reader", Map.of("name", "aurorareader", "parameter", reader),
                            "writer", writer))));
            Path f = scratch("job").resolve("job.json");
            Files.writeString(f, JSON.toJSONString(job));
            return new Engine(get()).run(f, Collections.emptyMap());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> clickhouseWriter(String jdbcUrl, String table, Map<String, Object> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("username", "default");
        p.put("password", "");
        p.put("column", List.of("*"));
        p.put("connection", List.of(Map.of("jdbcUrl", jdbcUrl, "table", List.of(table))));
        p.putAll(extra);
        return Map.of("name", "clickhousewriter", "parameter", p);
    }
}
