package io.chpack.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.chpack.bench.PluginBench.ClientRun;
import io.chpack.bench.PluginBench.JobRun;
import io.chpack.bench.plugin.BenchRows;
import io.chpack.testkit.ClickHouseServer;

/**
 * clickhousewriter against {@code clickhouse-client}, on one ClickHouse server and the same rows:
 * <ul>
 * <li>baseline: {@code clickhouse-client --query "INSERT INTO t FORMAT RowBinary" < file}, the file holding
 * exactly the rows the jobs write (exported with {@code SELECT … FORMAT RowBinary} after a first job run);</li>
 * <li>benchgenreader → clickhousewriter through the engine (child JVM, see {@link JobProcess}) with 1 and 2
 * channels, LZ4 request compression on (the default) and off;</li>
 * <li>for the breakdown: benchgenreader → streamwriter (generation and engine only) and → clickhousewriter
 * with {@code dryRun} (adds conversion and encoding, no HTTP).</li>
 * </ul>
 * The table is truncated before every run and row count plus an order-independent checksum are verified after
 * it. Usage: {@code WriterThroughputBench [rows=5000000] [schemas=narrow,wide] [rounds=1] [xmx=256m]};
 * prints Markdown tables.
 */
public final class WriterThroughputBench {
    private WriterThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        List<String> schemas = Arrays.asList((args.length > 1 ? args[1] : "narrow,wide").split(","));
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        String xmx = args.length > 3 ? args[3] : "256m";
        PluginBench bench = new PluginBench(xmx);
        List<String> out = new ArrayList<>();
        try (ClickHouseServer server = ClickHouseServer.start()) {
            for (String name : schemas) {
                out.addAll(runSchema(bench, server, BenchRows.schema(name), rows, rounds));
            }
        }
        if (!Boolean.getBoolean("bench.keep")) {
            bench.cleanUp();
        }
        System.out.println();
        out.forEach(System.out::println);
    }

    private static List<String> runSchema(PluginBench bench, ClickHouseServer server, BenchRows.Schema schema,
            long rows, int rounds) throws Exception {
        String table = "bench_w_" + schema.name;
        PluginBench.query(server, "DROP TABLE IF EXISTS " + table);
        PluginBench.query(server, schema.ddl(table));
        String url = "jdbc:clickhouse://127.0.0.1:" + server.httpPort() + "/default";

        // Load once through the writer, then export exactly these rows for the client.
        run(bench, server, "load-" + schema.name, writerJob(schema, table, url, rows, 2, true, false), table, schema,
                rows, null, List.of());
        String reference = PluginBench.fingerprint(server, table, schema);
        Path file = bench.work.resolve(schema.name + ".rowbinary");
        PluginBench.client(server, "SELECT " + schema.columnList() + " FROM " + table + " FORMAT RowBinary", null,
                file);
        long bytes = Files.size(file);
        System.out.printf(Locale.ROOT, "%s: %,d rows, %,d RowBinary bytes (%.1f per row), reference %s%n", schema.name,
                rows, bytes, (double) bytes / rows, reference);

        Result client = new Result("clickhouse-client `INSERT … FORMAT RowBinary` < file (baseline)");
        Result gen = new Result("benchgenreader → streamwriter (generation + engine only), 1 ch");
        Result dry = new Result("→ clickhousewriter dryRun (+ conversion/encoding, no HTTP), 1 ch");
        Variant[] variants = {
            new Variant("→ clickhousewriter, 1 channel (defaults: LZ4 on)", "w1", 1, true, true),
            new Variant("→ clickhousewriter, 2 channels", "w2", 2, true, true),
            new Variant("→ clickhousewriter, 1 channel, LZ4 off", "w1-nolz4", 1, false, true),
            new Variant("→ clickhousewriter, 1 channel, send on the task thread (before AsyncBlockSink)", "w1-sync", 1,
                    true, false),
        };
        for (int round = 0; round < rounds; round++) {
            truncate(server, table);
            ClientRun c = PluginBench.client(server, "INSERT INTO " + table + " FORMAT RowBinary", file, null);
            verify(server, table, schema, reference, "client");
            client.add(c.seconds, c.cpuMsClient, c.cpuMsServer, 0, 0);
            System.out.printf(Locale.ROOT, "  %-16s %6.2f s  %,10.0f rows/s  cpu %5.1f s  server %5.1f s%n", "client",
                    c.seconds, rows / c.seconds, c.cpuMsClient / 1000.0, c.cpuMsServer / 1000.0);

            truncate(server, table);
            gen.add(run(bench, server, schema.name + "-gen", genJob(schema, rows), null, schema, rows, null, List.of()));
            dry.add(run(bench, server, schema.name + "-dry", writerJob(schema, table, url, rows, 1, true, true), null,
                    schema, rows, null, List.of()));
            if (PluginBench.count(server, table) != 0) {
                throw new IllegalStateException("dryRun wrote rows");
            }
            for (Variant v : variants) {
                truncate(server, table);
                v.result.add(run(bench, server, schema.name + "-" + v.tag, writerJob(schema, table, url, rows,
                        v.channels, v.lz4, false), table, schema, rows, reference, v.async ? List.of()
                                : List.of("-Dchpack.clickhousewriter.asyncSend=false")));
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "### %s: %d columns, %,d rows, %.1f RowBinary bytes/row, best of %d, "
                + "%d cores, JDK %s, child JVM -Xmx%s", schema.name, schema.columns.length, rows, (double) bytes / rows,
                rounds, Runtime.getRuntime().availableProcessors(), PluginBench.javaVersion(), bench.xmx));
        lines.add("");
        lines.add(Result.HEADER);
        lines.add(Result.RULE);
        double base = rows / client.seconds;
        double baseCpu = client.rowsPerCpuSecond(rows);
        lines.add(client.line(rows, bytes, base, baseCpu));
        for (Variant v : variants) {
            lines.add(v.result.line(rows, bytes, base, baseCpu));
        }
        lines.add(gen.line(rows, bytes, base, baseCpu));
        lines.add(dry.line(rows, bytes, base, baseCpu));
        lines.add("");
        PluginBench.query(server, "DROP TABLE IF EXISTS " + table);
        return lines;
    }

    private static void truncate(ClickHouseServer server, String table) {
        PluginBench.query(server, "TRUNCATE TABLE " + table);
    }

    private static void verify(ClickHouseServer server, String table, BenchRows.Schema schema, String reference,
            String what) {
        String got = PluginBench.fingerprint(server, table, schema);
        if (!got.equals(reference)) {
            throw new IllegalStateException(what + ": table holds " + got + ", expected " + reference);
        }
    }

    private static JobRun run(PluginBench bench, ClickHouseServer server, String label, String job, String table,
            BenchRows.Schema schema, long rows, String reference, List<String> jvmArgs) throws Exception {
        JobRun r = bench.runJob(label, job, server.pid(), jvmArgs);
        if (r.get("written") != rows || r.get("errors") != 0) {
            throw new IllegalStateException(label + ": wrote " + r.get("written") + " of " + rows + " rows, "
                    + r.get("errors") + " errors");
        }
        if (table != null) {
            if (PluginBench.count(server, table) != rows) {
                throw new IllegalStateException(label + ": table has " + PluginBench.count(server, table) + " rows");
            }
            if (reference != null) {
                verify(server, table, schema, reference, label);
            }
        }
        System.out.printf(Locale.ROOT, "  %-16s %6.2f s  %,10.0f rows/s  cpu %5.1f s  server %5.1f s  heap %s/%s MiB%n",
                label, r.seconds(), rows / r.seconds(), r.get("cpuMs") / 1000.0, r.cpuMsServer / 1000.0,
                PluginBench.mib(r.get("peakHeap")), PluginBench.mib(r.get("liveHeap")));
        return r;
    }

    static String writerJob(BenchRows.Schema schema, String table, String url, long rows, int channels, boolean lz4,
            boolean dryRun) {
        StringBuilder cols = new StringBuilder();
        for (String[] c : schema.columns) {
            cols.append(cols.length() == 0 ? "" : ", ").append('"').append(c[0]).append('"');
        }
        return "{\"core\": {\"container\": {\"job\": {\"reportInterval\": 600000}}},\n"
                + " \"job\": {\"setting\": {\"speed\": {\"channel\": " + channels + "}},\n"
                + "  \"content\": [{\n"
                + "   \"reader\": {\"name\": \"benchgenreader\", \"parameter\": {\"rows\": " + rows + ", \"schema\": \""
                + schema.name + "\"}},\n"
                + "   \"writer\": {\"name\": \"clickhousewriter\", \"parameter\": {\"username\": \"default\", "
                + "\"password\": \"\", \"column\": [" + cols + "], \"connection\": [{\"jdbcUrl\": \"" + url
                + "\", \"table\": [\"" + table + "\"]}], \"compression\": " + lz4 + ", \"dryRun\": " + dryRun
                + "}}}]}}\n";
    }

    static String genJob(BenchRows.Schema schema, long rows) {
        return "{\"core\": {\"container\": {\"job\": {\"reportInterval\": 600000}}},\n"
                + " \"job\": {\"setting\": {\"speed\": {\"channel\": 1}},\n"
                + "  \"content\": [{\n"
                + "   \"reader\": {\"name\": \"benchgenreader\", \"parameter\": {\"rows\": " + rows + ", \"schema\": \""
                + schema.name + "\"}},\n"
                + "   \"writer\": {\"name\": \"streamwriter\", \"parameter\": {\"print\": false}}}]}}\n";
    }

    /** One writer configuration. */
    static final class Variant {
        final Result result;
        final String tag;
        final int channels;
        final boolean lz4;
        final boolean async;

        Variant(String label, String tag, int channels, boolean lz4, boolean async) {
            this.result = new Result(label);
            this.tag = tag;
            this.channels = channels;
            this.lz4 = lz4;
            this.async = async;
        }
    }

    /** Best run of one path (shortest wall time), with its CPU and heap figures. */
    static final class Result {
        static final String HEADER = "| path | rows/s | MB/s | × client | CPU s: engine JVM / server / client "
                + "| rows per CPU-s (× client) | peak heap MiB (live after GC) |";
        static final String RULE = "|---|---:|---:|---:|---|---:|---:|";
        final String label;
        double seconds = Double.MAX_VALUE;
        long cpuEngine;
        long cpuServer;
        long cpuClient;
        long peakHeap;
        long liveHeap;

        Result(String label) {
            this.label = label;
        }

        void add(double s, long cpuClientMs, long cpuServerMs, long peak, long live) {
            if (s < seconds) {
                seconds = s;
                cpuClient = cpuClientMs;
                cpuServer = cpuServerMs;
                peakHeap = peak;
                liveHeap = live;
            }
        }

        void add(JobRun r) {
            if (r.seconds() < seconds) {
                add(r.seconds(), 0, r.cpuMsServer, r.get("peakHeap"), r.get("liveHeap"));
                cpuEngine = r.get("cpuMs");
            }
        }

        /** Rows per CPU second of every process involved (engine JVM or client, and the server). */
        double rowsPerCpuSecond(long rows) {
            return rows * 1000.0 / Math.max(1, cpuEngine + cpuServer + cpuClient);
        }

        String line(long rows, long bytes, double baseRowsPerSecond, double baseRowsPerCpu) {
            double rps = rows / seconds;
            String cpu = String.format(Locale.ROOT, "%s / %.1f / %s", cpuEngine == 0 ? "—" : String.format(Locale.ROOT,
                    "%.1f", cpuEngine / 1000.0), cpuServer / 1000.0, cpuClient == 0 ? "—"
                            : String.format(Locale.ROOT, "%.1f", cpuClient / 1000.0));
            String heap = peakHeap == 0 ? "—" : PluginBench.mib(peakHeap) + " (" + PluginBench.mib(liveHeap) + ")";
            return String.format(Locale.ROOT, "| %s | %,.0f | %s | %.2f | %s | %,.0f (%.2f) | %s |", label, rps,
                    PluginBench.mb(rps * bytes / rows), rps / baseRowsPerSecond, cpu, rowsPerCpuSecond(rows),
                    rowsPerCpuSecond(rows) / baseRowsPerCpu, heap);
        }
    }
}
