package io.chpack.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.chpack.bench.PluginBench.ClientRun;
import io.chpack.bench.PluginBench.JobRun;
import io.chpack.bench.WriterThroughputBench.Result;
import io.chpack.bench.plugin.BenchRows;
import io.chpack.testkit.ClickHouseServer;

/**
 * clickhousereader against {@code clickhouse-client}, on one ClickHouse server and one table (filled once by
 * benchgenreader → clickhousewriter, then {@code OPTIMIZE … FINAL}):
 * <ul>
 * <li>baseline: {@code clickhouse-client --query "SELECT <columns> FROM t FORMAT RowBinary" > /dev/null};</li>
 * <li>clickhousereader → streamwriter ({@code print: false}) through the engine (child JVM, see
 * {@link JobProcess}) with 1, 2 and 4 channels.</li>
 * </ul>
 * Every job must deliver exactly the table's row count without dirty records. MB/s counts the RowBinary bytes of
 * the result (the reader's extra marker byte per row excluded). Usage:
 * {@code ReaderThroughputBench [rows=5000000] [schemas=narrow,wide] [rounds=1] [channels=1,2,4] [xmx=256m]}.
 */
public final class ReaderThroughputBench {
    private ReaderThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        List<String> schemas = Arrays.asList((args.length > 1 ? args[1] : "narrow,wide").split(","));
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int[] channels = Arrays.stream((args.length > 3 ? args[3] : "1,2,4").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        String xmx = args.length > 4 ? args[4] : "256m";
        PluginBench bench = new PluginBench(xmx);
        List<String> out = new ArrayList<>();
        try (ClickHouseServer server = ClickHouseServer.start()) {
            for (String name : schemas) {
                out.addAll(runSchema(bench, server, BenchRows.schema(name), rows, rounds, channels));
            }
        }
        if (!Boolean.getBoolean("bench.keep")) {
            bench.cleanUp();
        }
        System.out.println();
        out.forEach(System.out::println);
    }

    private static List<String> runSchema(PluginBench bench, ClickHouseServer server, BenchRows.Schema schema,
            long rows, int rounds, int[] channels) throws Exception {
        String table = "bench_r_" + schema.name;
        PluginBench.query(server, "DROP TABLE IF EXISTS " + table);
        PluginBench.query(server, schema.ddl(table));
        String url = "jdbc:clickhouse://127.0.0.1:" + server.httpPort() + "/default";
        JobRun load = bench.runJob("fill-" + schema.name, WriterThroughputBench.writerJob(schema, table, url, rows, 2,
                false, false), server.pid(), List.of());
        if (load.get("written") != rows || PluginBench.count(server, table) != rows) {
            throw new IllegalStateException("filling " + table + " wrote " + load.get("written") + " rows");
        }
        PluginBench.query(server, "OPTIMIZE TABLE " + table + " FINAL");
        String select = "SELECT " + schema.columnList() + " FROM " + table + " FORMAT RowBinary";
        Path file = bench.work.resolve(schema.name + ".out");
        PluginBench.client(server, select, null, file); // also warms the page cache
        long bytes = Files.size(file);
        Files.delete(file);
        String parts = PluginBench.query(server, "SELECT count(), uniqExact(partition) FROM system.parts WHERE active AND table = '"
                + table + "'").trim().replace('\t', '/');
        System.out.printf(Locale.ROOT, "%s: %,d rows, %,d RowBinary bytes (%.1f per row), parts/partitions %s%n",
                schema.name, rows, bytes, (double) bytes / rows, parts);

        Result client = new Result("clickhouse-client `SELECT … FORMAT RowBinary` > /dev/null (baseline)");
        Result[] reader = new Result[channels.length];
        for (int i = 0; i < channels.length; i++) {
            reader[i] = new Result("clickhousereader → streamwriter, " + channels[i] + " channel"
                    + (channels[i] == 1 ? "" : "s"));
        }
        for (int round = 0; round < rounds; round++) {
            ClientRun c = PluginBench.client(server, select, null, null);
            client.add(c.seconds, c.cpuMsClient, c.cpuMsServer, 0, 0);
            System.out.printf(Locale.ROOT, "  %-16s %6.2f s  %,10.0f rows/s  cpu %5.1f s  server %5.1f s%n", "client",
                    c.seconds, rows / c.seconds, c.cpuMsClient / 1000.0, c.cpuMsServer / 1000.0);
            for (int i = 0; i < channels.length; i++) {
                String label = schema.name + "-r" + channels[i];
                JobRun r = bench.runJob(label, readerJob(schema, table, url, channels[i]), server.pid(), List.of());
                if (r.get("written") != rows || r.get("errors") != 0) {
                    throw new IllegalStateException(label + ": delivered " + r.get("written") + " of " + rows
                            + " rows, " + r.get("errors") + " dirty");
                }
                System.out.printf(Locale.ROOT, "  %-16s %6.2f s  %,10.0f rows/s  cpu %5.1f s  server %5.1f s  heap %s/%s "
                        + "MiB%n", label, r.seconds(), rows / r.seconds(), r.get("cpuMs") / 1000.0,
                        r.cpuMsServer / 1000.0, PluginBench.mib(r.get("peakHeap")), PluginBench.mib(r.get("liveHeap")));
                reader[i].add(r);
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
        for (Result r : reader) {
            lines.add(r.line(rows, bytes, base, baseCpu));
        }
        lines.add("");
        PluginBench.query(server, "DROP TABLE IF EXISTS " + table);
        return lines;
    }

    static String readerJob(BenchRows.Schema schema, String table, String url, int channels) {
        StringBuilder cols = new StringBuilder();
        for (String[] c : schema.columns) {
            cols.append(cols.length() == 0 ? "" : ", ").append('"').append(c[0]).append('"');
        }
        return "{\"core\": {\"container\": {\"job\": {\"reportInterval\": 600000}}},\n"
                + " \"job\": {\"setting\": {\"speed\": {\"channel\": " + channels + "}},\n"
                + "  \"content\": [{\n"
                + "   \"reader\": {\"name\": \"clickhousereader\", \"parameter\": {\"username\": \"default\", "
                + "\"password\": \"\", \"column\": [" + cols + "], \"connection\": [{\"jdbcUrl\": [\"" + url
                + "\"], \"table\": [\"" + table + "\"]}]}},\n"
                + "   \"writer\": {\"name\": \"streamwriter\", \"parameter\": {\"print\": false}}}]}}\n";
    }
}
