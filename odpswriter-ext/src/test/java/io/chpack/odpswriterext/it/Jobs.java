package io.chpack.odpswriterext.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.alibaba.fastjson2.JSON;
import com.aliyun.odps.Odps;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.account.AliyunAccount;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.data.RecordReader;
import com.aliyun.odps.tunnel.TableTunnel;

import io.chpack.runner.Engine;
import io.chpack.runner.JobResult;
import io.chpack.testkit.maxcompute.MaxComputeEmulator;

/** Runs clickhousereader → odpswriter-ext jobs through the runner Engine; reads MaxCompute back with the SDK. */
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
                    "content", List.of(Map.of("reader", reader, "writer", Map.of("name", "odpswriter-ext",
                            "parameter", writer)))));
            Path f = dir.resolve("job.json");
            Files.writeString(f, JSON.toJSONString(job));
            return new Engine(ItHome.get()).run(f, Collections.emptyMap());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** clickhousereader over a table, or over a query when {@code table} starts with SELECT. */
    static Map<String, Object> chReader(String jdbcUrl, String table, List<String> columns) {
        Map<String, Object> conn = new LinkedHashMap<>();
        conn.put("jdbcUrl", List.of(jdbcUrl));
        if (table.regionMatches(true, 0, "SELECT", 0, 6)) {
            conn.put("querySql", List.of(table));
        } else {
            conn.put("table", List.of(table));
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("username", "default");
        p.put("password", "");
        p.put("column", columns);
        p.put("connection", List.of(conn));
        p.put("timeZone", "UTC");
        return Map.of("name", "clickhousereader", "parameter", p);
    }

    static Map<String, Object> writer(MaxComputeEmulator mc, String table, String partition, List<String> columns,
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
        p.put("timeZone", "UTC");
        for (int i = 0; i < kv.length; i += 2) {
            p.put((String) kv[i], kv[i + 1]);
        }
        return p;
    }

    static Odps odps(MaxComputeEmulator mc) {
        Odps o = new Odps(new AliyunAccount(mc.accessId(), mc.accessKey()));
        o.setEndpoint(mc.endpoint());
        o.setDefaultProject(mc.defaultProject());
        return o;
    }

    /** Every committed row of the table (partition spec or null) through a tunnel download session. */
    static List<Record> download(MaxComputeEmulator mc, String table, String spec) throws Exception {
        TableTunnel tunnel = new TableTunnel(odps(mc));
        tunnel.setEndpoint(mc.tunnelEndpoint());
        TableTunnel.DownloadSession s = spec == null ? tunnel.createDownloadSession(mc.defaultProject(), table)
                : tunnel.createDownloadSession(mc.defaultProject(), table, new PartitionSpec(spec));
        List<Record> out = new ArrayList<>();
        if (s.getRecordCount() == 0) {
            return out;
        }
        try (RecordReader r = s.openRecordReader(0, s.getRecordCount())) {
            for (Record rec; (rec = r.read()) != null;) {
                out.add(rec);
            }
        }
        return out;
    }

    static String dirtyMessages(JobResult r) {
        StringBuilder sb = new StringBuilder();
        r.dirtySamples().forEach(d -> sb.append(d.message()).append(" | ").append(d.exception()).append('\n'));
        return sb.toString();
    }
}
