package io.chpack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.chpack.bench.PluginBench.JobRun;
import io.chpack.bench.plugin.BenchRows;
import io.chpack.testkit.ClickHouseServer;
import io.chpack.testkit.maxcompute.MaxComputeEmulator;

/**
 * ClickHouse ⇄ MaxCompute through odpswriter-ext and odpsreader-ext, against testkit's MaxCompute emulator (in this
 * JVM, over loopback HTTP with signatures checked, protobuf blocks decoded and re-encoded by the SDK's own codec):
 * <ul>
 * <li>{@code clickhousereader → odpswriter-ext} (createTable, one upload session, commit in Job.post) and, as the
 * reference for the writer's own CPU, {@code clickhousereader → streamwriter} over the same table;</li>
 * <li>{@code odpsreader-ext → clickhousewriter} back into an empty copy of the source table (count and an
 * order-independent checksum of every column must equal the source's) and {@code odpsreader-ext → streamwriter}
 * (the reader alone).</li>
 * </ul>
 * Jobs run in a child JVM ({@link JobProcess}); job CPU is that process's CPU during {@code Engine.run}, the
 * emulator's is this JVM's CPU (/proc/self/stat) during the job, the server's from /proc. The emulator holds every
 * table in memory and does the service's work on the same two cores, so it bounds the absolute figures: they are
 * not MaxCompute's. Usage: {@code OdpsBench [rows=500000] [channels=1,4] [xmx=512m] [schema=narrow]}; run from the
 * repository root after {@code mvn -B -q -o -pl clickhousereader,clickhousewriter,odpswriter-ext,odpsreader-ext
 * install -DskipTests}; prints Markdown.
 */
public final class OdpsBench {
    private OdpsBench() {
    }

    /** One measured job. */
    static final class Row {
        final String label;
        final double seconds;
        final long cpuMsJob;
        final long cpuMsEmulator;
        final long cpuMsServer;
        final long peakHeap;

        Row(String label, JobRun r, long cpuMsEmulator) {
            this.label = label;
            this.seconds = r.seconds();
            this.cpuMsJob = r.get("cpuMs");
            this.cpuMsEmulator = cpuMsEmulator;
            this.cpuMsServer = r.cpuMsServer;
            this.peakHeap = r.get("liveHeap");
        }
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 500_000L;
        int[] channels = Arrays.stream((args.length > 1 ? args[1] : "1,4").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        String xmx = args.length > 2 ? args[2] : "512m";
        BenchRows.Schema schema = BenchRows.schema(args.length > 3 ? args[3] : "narrow");
        PluginBench bench = new PluginBench(xmx);
        bench.install("writer", "odpswriter-ext");
        bench.install("reader", "odpsreader-ext");
        List<String> out = new ArrayList<>();
        try (ClickHouseServer server = ClickHouseServer.start();
                MaxComputeEmulator mc = MaxComputeEmulator.builder().start()) {
            String src = "bench_o_" + schema.name;
            PluginBench.query(server, schema.ddl(src));
            String url = "jdbc:clickhouse://127.0.0.1:" + server.httpPort() + "/default";
            JobRun load = bench.runJob("fill", WriterThroughputBench.writerJob(schema, src, url, rows, 2, false, false),
                    server.pid(), List.of());
            if (load.get("written") != rows || PluginBench.count(server, src) != rows) {
                throw new IllegalStateException("filling " + src + " wrote " + load.get("written") + " rows");
            }
            PluginBench.query(server, "OPTIMIZE TABLE " + src + " FINAL");
            long bytes = Long.parseLong(PluginBench.query(server, "SELECT sum(data_uncompressed_bytes) FROM system.parts "
                    + "WHERE active AND table = '" + src + "'").trim());
            String want = PluginBench.fingerprint(server, src, schema);
            String zone = PluginBench.query(server, "SELECT timezone()").trim();
            String cols = columns(schema);

            // warm-up (JIT of the emulator in this JVM, page cache of the server)
            bench.runJob("warm-up", job(chReader(url, src, cols, 2), odpsWriter(mc, "bench_warm", cols), 2), server.pid(),
                    List.of());

            List<Row> results = new ArrayList<>();
            for (int ch : channels) {
                String table = "bench_" + schema.name + "_" + ch;
                results.add(run(bench, server, "clickhousereader → streamwriter, " + ch + " ch (reference)",
                        job(chReader(url, src, cols, ch), "{\"name\": \"streamwriter\", \"parameter\": {\"print\": false}}", ch),
                        rows));
                Row w = run(bench, server, "clickhousereader → **odpswriter-ext**, " + ch + " ch",
                        job(chReader(url, src, cols, ch), odpsWriter(mc, table, cols), ch), rows);
                results.add(w);
                if (mc.rows(table).size() != rows) {
                    throw new IllegalStateException(table + " holds " + mc.rows(table).size() + " rows, not " + rows);
                }
            }
            String mid = "bench_" + schema.name + "_" + channels[0];
            for (int ch : channels) {
                String dst = "bench_back_" + schema.name + "_" + ch;
                PluginBench.query(server, schema.ddl(dst));
                results.add(run(bench, server, "**odpsreader-ext** → streamwriter, " + ch + " ch",
                        job(odpsReader(mc, mid, cols, ch, rows, zone), "{\"name\": \"streamwriter\", \"parameter\": "
                                + "{\"print\": false}}", ch), rows));
                results.add(run(bench, server, "**odpsreader-ext** → clickhousewriter, " + ch + " ch",
                        job(odpsReader(mc, mid, cols, ch, rows, zone), chWriter(url, dst, cols), ch), rows));
                String got = PluginBench.fingerprint(server, dst, schema);
                if (!got.equals(want)) {
                    throw new IllegalStateException(dst + " differs from the source: " + got + " vs " + want);
                }
                PluginBench.query(server, "DROP TABLE " + dst);
            }
            out.add(String.format(Locale.ROOT, "### %s: %d columns, %,d rows, %.1f uncompressed ClickHouse bytes/row, "
                    + "%d cores, JDK %s, child JVM -Xmx%s", schema.name, schema.columns.length, rows,
                    (double) bytes / rows, Runtime.getRuntime().availableProcessors(), PluginBench.javaVersion(), xmx));
            out.add("");
            out.add("| job | wall s | rows/s | MB/s | job CPU s | job CPU µs/row | emulator CPU s | server CPU s | "
                    + "live heap MiB |");
            out.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (Row r : results) {
                out.add(String.format(Locale.ROOT, "| %s | %.2f | %,.0f | %s | %.1f | %.2f | %.1f | %.1f | %s |", r.label,
                        r.seconds, rows / r.seconds, PluginBench.mb(bytes / r.seconds), r.cpuMsJob / 1000.0,
                        r.cpuMsJob * 1000.0 / rows, r.cpuMsEmulator / 1000.0, r.cpuMsServer / 1000.0,
                        PluginBench.mib(r.peakHeap)));
            }
            out.add("");
            out.add("Writer CPU per row (odpswriter-ext job − reference job, same channels): " + perRow(results, channels,
                    rows));
        } finally {
            if (!Boolean.getBoolean("bench.keep")) {
                bench.cleanUp();
            }
        }
        System.out.println();
        out.forEach(System.out::println);
    }

    private static String perRow(List<Row> results, int[] channels, long rows) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < channels.length; i++) {
            Row ref = results.get(2 * i);
            Row w = results.get(2 * i + 1);
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f µs (%d ch)",
                    (w.cpuMsJob - ref.cpuMsJob) * 1000.0 / rows, channels[i]));
        }
        return sb.toString();
    }

    private static Row run(PluginBench bench, ClickHouseServer server, String label, String job, long rows)
            throws IOException, InterruptedException {
        long emu0 = selfCpuMs();
        JobRun r = bench.runJob(label.replaceAll("[^A-Za-z0-9]+", "-"), job, server.pid(), List.of());
        long emu = selfCpuMs() - emu0;
        if (r.get("written") != rows || r.get("errors") != 0) {
            throw new IllegalStateException(label + ": wrote " + r.get("written") + " of " + rows + ", " + r.get("errors")
                    + " dirty");
        }
        Row row = new Row(label, r, emu);
        System.out.printf(Locale.ROOT, "  %-58s %6.2f s %,10.0f rows/s  job cpu %5.1f s  emulator %5.1f s  server %5.1f s%n",
                label, row.seconds, rows / row.seconds, row.cpuMsJob / 1000.0, emu / 1000.0, row.cpuMsServer / 1000.0);
        return row;
    }

    /** This JVM's utime + stime in ms. */
    private static long selfCpuMs() throws IOException {
        String stat = Files.readString(Paths.get("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / PluginBench.CLK_TCK;
    }

    private static String columns(BenchRows.Schema schema) {
        StringBuilder cols = new StringBuilder();
        for (String[] c : schema.columns) {
            cols.append(cols.length() == 0 ? "" : ", ").append('"').append(c[0]).append('"');
        }
        return cols.toString();
    }

    private static String job(String reader, String writer, int channels) {
        return "{\"core\": {\"container\": {\"job\": {\"reportInterval\": 600000}}},\n"
                + " \"job\": {\"setting\": {\"speed\": {\"channel\": " + channels + "}, \"errorLimit\": "
                + "{\"record\": 0}},\n"
                + "  \"content\": [{\"reader\": " + reader + ",\n   \"writer\": " + writer + "}]}}\n";
    }

    /** clickhousereader cut into exactly {@code channels} splits. */
    private static String chReader(String url, String table, String cols, int channels) {
        return "{\"name\": \"clickhousereader\", \"parameter\": {\"username\": \"default\", \"password\": \"\", "
                + "\"column\": [" + cols + "], \"connection\": [{\"jdbcUrl\": [\"" + url + "\"], \"table\": [\"" + table
                + "\"]}], \"minSplitRows\": 1000, \"splitMode\": \"" + (channels == 1 ? "none" : "range") + "\"}}";
    }

    private static String odpsWriter(MaxComputeEmulator mc, String table, String cols) {
        return "{\"name\": \"odpswriter-ext\", \"parameter\": {\"odpsServer\": \"" + mc.endpoint() + "\", "
                + "\"tunnelServer\": \"" + mc.tunnelEndpoint() + "\", \"project\": \"" + mc.defaultProject() + "\", "
                + "\"accessId\": \"" + mc.accessId() + "\", \"accessKey\": \"" + mc.accessKey() + "\", \"table\": \""
                + table + "\", \"column\": [\"*\"], \"createTable\": true}}";
    }

    private static String odpsReader(MaxComputeEmulator mc, String table, String cols, int channels, long rows,
            String zone) {
        return "{\"name\": \"odpsreader-ext\", \"parameter\": {\"odpsServer\": \"" + mc.endpoint() + "\", "
                + "\"tunnelServer\": \"" + mc.tunnelEndpoint() + "\", \"project\": \"" + mc.defaultProject() + "\", "
                + "\"accessId\": \"" + mc.accessId() + "\", \"accessKey\": \"" + mc.accessKey() + "\", \"table\": \""
                + table + "\", \"column\": [" + cols + "], \"timeZone\": \"" + zone + "\", \"minSplitRecords\": "
                + Math.max(1, rows / channels) + "}}";
    }

    private static String chWriter(String url, String table, String cols) {
        return "{\"name\": \"clickhousewriter\", \"parameter\": {\"username\": \"default\", \"password\": \"\", "
                + "\"column\": [" + cols + "], \"connection\": [{\"jdbcUrl\": \"" + url + "\", \"table\": [\"" + table
                + "\"]}]}}";
    }
}
