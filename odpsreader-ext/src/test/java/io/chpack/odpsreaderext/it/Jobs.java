package io.chpack.odpsreaderext.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.alibaba.fastjson2.JSON;

import io.chpack.runner.Engine;
import io.chpack.runner.JobResult;
import io.chpack.testkit.maxcompute.MaxComputeEmulator;

/** Runs jobs through the runner Engine against the IT home. */
final class Jobs {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private Jobs() {
    }

    static JobResult run(Map<String, Object> reader, Map<String, Object> writer, int channels, int errorLimit) {
        try {
            Path dir = ItHome.moduleDir().resolve("target/it-jobs/job-" + ProcessHandle.current().pid() + "-"
                    + SEQ.incrementAndGet());
            Files.createDirectories(dir);
            Map<String, Object> job = Map.of("job", Map.of(
                    "setting", Map.of("speed", Map.of("channel", channels), "errorLimit", Map.of("record", errorLimit)),
                    "content", List.of(Map.of("reader", reader, "writer", writer))));
            Path f = dir.resolve("job.json");
            Files.writeString(f, JSON.toJSONString(job));
            return new Engine(ItHome.get()).run(f, Collections.emptyMap());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> odpsReader(MaxComputeEmulator mc, String table, List<String> partitions,
            List<String> columns, Object... kv) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("odpsServer", mc.endpoint());
        p.put("tunnelServer", mc.tunnelEndpoint());
        p.put("project", mc.defaultProject());
        p.put("accessId", mc.accessId());
        p.put("accessKey", mc.accessKey());
        p.put("table", table);
        p.put("partition", partitions);
        p.put("column", columns);
        for (int i = 0; i < kv.length; i += 2) {
            p.put((String) kv[i], kv[i + 1]);
        }
        return Map.of("name", "odpsreader-ext", "parameter", p);
    }

    static Map<String, Object> odpsWriter(MaxComputeEmulator mc, String table, String partition, List<String> columns,
            Object... kv) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("odpsServer", mc.endpoint());
        p.put("tunnelServer", mc.tunnelEndpoint());
        p.put("project", mc.defaultProject());
        p.put("accessId", mc.accessId());
        p.put("accessKey", mc.accessKey());
        p.put("table", table);
        p.put("partition", partition);
        p.put("column", columns);
        for (int i = 0; i < kv.length; i += 2) {
            p.put((String) kv[i], kv[i + 1]);
        }
        return Map.of("name", "odpswriter-ext", "parameter", p);
    }

    static Map<String, Object> chReader(String jdbcUrl, String table, List<String> columns) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("username", "default");
        p.put("password", "");
        p.put("column", columns);
        p.put("connection", List.of(Map.of("jdbcUrl", List.of(jdbcUrl), "table", List.of(table))));
        return Map.of("name", "clickhousereader", "parameter", p);
    }

    static Map<String, Object> chWriter(String jdbcUrl, String table, List<String> columns) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("username", "default");
        p.put("password", "");
        p.put("column", columns);
        p.put("connection", List.of(Map.of("jdbcUrl", jdbcUrl, "table", List.of(table))));
        return Map.of("name", "clickhousewriter", "parameter", p);
    }

    static String dirtyMessages(JobResult r) {
        StringBuilder sb = new StringBuilder();
        r.dirtySamples().forEach(d -> sb.append(d.message()).append(" | ").append(d.exception()).append('\n'));
        return sb.toString();
    }
}
