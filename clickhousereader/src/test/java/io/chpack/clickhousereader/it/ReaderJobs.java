package io.chpack.clickhousereader.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.alibaba.fastjson2.JSON;
import io.chpack.runner.Engine;
import io.chpack.runner.JobResult;

/** Runs clickhousereader → capturewriter jobs through the runner Engine and reads back what was delivered. */
public final class ReaderJobs {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private ReaderJobs() {
    }

    /** A finished job: its result and the delivered rows per writer slice. */
    public static final class Run {
        public final JobResult result;
        public final List<List<Row>> slices;

        Run(JobResult result, List<List<Row>> slices) {
            this.result = result;
            this.slices = slices;
        }

        public List<Row> rows() {
            List<Row> all = new ArrayList<>();
            slices.forEach(all::addAll);
            return all;
        }

        public String error() {
            return result.errorMessage();
        }
    }

    /** One delivered record: DataX Column type names and raw values (null for NULL). */
    public static final class Row {
        public final List<String> types;
        public final List<String> values;

        Row(List<String> types, List<String> values) {
            this.types = types;
            this.values = values;
        }
    }

    /** Runs a job whose reader parameter is {@code reader} (a Map tree); channel = channels. */
    public static Run run(Map<String, Object> reader, int channels) {
        try {
            Path dir = ItHome.moduleDir().resolve("target/it-jobs/job-" + ProcessHandle.current().pid() + "-"
                    + SEQ.incrementAndGet());
            if (Files.exists(dir)) {
                try (Stream<Path> old = Files.list(dir)) {
                    for (Path f : old.toList()) {
                        Files.delete(f);
                    }
                }
            }
            Files.createDirectories(dir);
            Map<String, Object> writer = new LinkedHashMap<>();
            writer.put("name", "capturewriter");
            writer.put("parameter", Map.of("dir", dir.toString()));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", "clickhousereader");
            r.put("parameter", reader);
            Map<String, Object> job = Map.of("job", Map.of(
                    "setting", Map.of("speed", Map.of("channel", channels), "errorLimit", Map.of("record", 0)),
                    "content", List.of(Map.of("reader", r, "writer", writer))));
            Path jobFile = dir.resolve("job.json");
            Files.writeString(jobFile, JSON.toJSONString(job));
            JobResult result = new Engine(ItHome.get()).run(jobFile, Collections.emptyMap());
            List<List<Row>> slices = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                    List<Row> rows = new ArrayList<>();
                    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                        rows.add(parseLine(line));
                    }
                    slices.add(rows);
                }
            }
            return new Run(result, slices);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Row parseLine(String line) {
        List<String> types = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String cell : line.split("\t", -1)) {
            int colon = cell.indexOf(':');
            types.add(cell.substring(0, colon));
            String v = cell.substring(colon + 1);
            values.add(v.equals("\\N") ? null : unescape(v));
        }
        return new Row(types, values);
    }

    /** ClickHouse TabSeparated output → rows of unescaped values (\N → null). */
    public static List<List<String>> parseTsv(String body) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : body.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> row = new ArrayList<>();
            for (String cell : line.split("\t", -1)) {
                row.add(cell.equals("\\N") ? null : unescape(cell));
            }
            rows.add(row);
        }
        return rows;
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 't': b.append('\t'); break;
                    case 'n': b.append('\n'); break;
                    case 'r': b.append('\r'); break;
                    case 'b': b.append('\b'); break;
                    case 'f': b.append('\f'); break;
                    case '0': b.append('\0'); break;
                    default: b.append(n);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Float text in one canonical form: plain decimal without trailing zeros; nan, inf, -inf. */
    public static String number(String v) {
        if (v == null) {
            return null;
        }
        switch (v) {
            case "NaN": case "nan": case "-nan": return "nan";
            case "Infinity": case "inf": return "inf";
            case "-Infinity": case "-inf": return "-inf";
            default:
                BigDecimal d = new BigDecimal(v);
                return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
    }

    /**
     * Asserts the delivered rows equal the expected rows as multisets: count, an order-independent checksum
     * (sum of 64-bit hashes of each row's canonical text) and, on mismatch, the first differing rows.
     */
    public static void assertSameRows(List<List<String>> expected, List<List<String>> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": row count");
        long he = 0;
        long ha = 0;
        for (List<String> r : expected) {
            he += hash(r);
        }
        for (List<String> r : actual) {
            ha += hash(r);
        }
        if (he != ha) {
            Map<String, Integer> diff = new TreeMap<>();
            expected.forEach(r -> diff.merge(key(r), 1, Integer::sum));
            actual.forEach(r -> diff.merge(key(r), -1, Integer::sum));
            StringBuilder b = new StringBuilder(what + ": rows differ (+ expected only, - delivered only):\n");
            int shown = 0;
            for (Map.Entry<String, Integer> e : diff.entrySet()) {
                if (e.getValue() != 0 && shown++ < 20) {
                    b.append(e.getValue() > 0 ? "+ " : "- ").append(e.getKey()).append('\n');
                }
            }
            throw new AssertionError(b.toString());
        }
    }

    private static String key(List<String> r) {
        StringBuilder b = new StringBuilder();
        for (String v : r) {
            b.append(v == null ? "\\N" : v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")).append(" | ");
        }
        return b.toString();
    }

    /** FNV-1a 64 over the canonical row text. */
    static long hash(List<String> r) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key(r).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return h;
    }

    public static List<List<String>> values(List<Row> rows) {
        List<List<String>> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(r.values);
        }
        return out;
    }

    /** A reader parameter for one server and tables or queries. */
    public static Map<String, Object> reader(String jdbcUrl, List<String> columns, String mode, List<String> items) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("username", "default");
        p.put("password", "");
        p.put("column", columns);
        p.put("connection", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("jdbcUrl", List.of(jdbcUrl), mode, items)))));
        return p;
    }
}
