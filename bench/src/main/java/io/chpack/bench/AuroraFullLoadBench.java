package io.chpack.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.chpack.bench.PluginBench.JobRun;
import io.chpack.testkit.MariaDbServer;

/**
 * aurorareader full load vs DataX mysqlreader's approach re-created ({@code dataxstylereader}: MIN/MAX equal-width
 * ranges, one connection per task, non-streaming result sets), both into streamwriter (print=false), same
 * channels, same MariaDB, same run. Each job runs in its own child JVM with the same -Xmx; reports rows/s, peak and
 * live heap. Usage: {@code mvn -pl bench exec:java -Dbench=AuroraFullLoadBench -Dexec.args="ROWS CHANNELS ROUNDS"}
 * (default 5000000 4 2) after {@code mvn -pl aurorareader install}.
 */
public final class AuroraFullLoadBench {
    private AuroraFullLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        int channels = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        String xmx = System.getProperty("bench.xmx", "2g");
        PluginBench bench = new PluginBench(xmx);
        Path reader = bench.home.resolve("plugin/reader/aurorareader");
        Files.createDirectories(reader.resolve("libs"));
        Files.copy(bench.repo.resolve("aurorareader/src/main/plugin/plugin.json"), reader.resolve("plugin.json"));
        String jar = System.getProperty("bench.auroraJar");
        Files.copy(jar != null ? java.nio.file.Paths.get(jar)
                : bench.repo.resolve("aurorareader/target/aurorareader-0.1.0-SNAPSHOT.jar"), reader.resolve("aurorareader.jar"));
        Path base = bench.home.resolve("plugin/reader/dataxstylereader");
        Files.createDirectories(base.resolve("libs"));
        Files.copy(java.nio.file.Paths.get(System.getProperty("bench.mariadbJar", System.getProperty("user.home")
                + "/.m2/repository/org/mariadb/jdbc/mariadb-java-client/3.5.3/mariadb-java-client-3.5.3.jar")),
                base.resolve("libs/mariadb-java-client.jar"));
        Files.writeString(base.resolve("plugin.json"), "{\"name\": \"dataxstylereader\", \"class\": "
                + "\"io.chpack.bench.plugin.DataxStyleMysqlReader\", \"description\": \"bench baseline\", "
                + "\"developer\": \"chpack\"}\n");
        List<String> out = new ArrayList<>();
        try (MariaDbServer db = MariaDbServer.builder().extraArgs("--innodb-buffer-pool-size=1G").start()) {
            long t0 = System.nanoTime();
            // dense: ids 1..rows (equal-width ranges at their best); skew: 80 % of the rows in the first 0.4 % of the
            // id range, the rest spread to 10^9 (sparse ids after deletes, time-prefixed ids).
            for (String table : new String[] {"dense", "skew"}) {
                String t = db.database() + "." + table;
                String id = table.equals("dense") ? "seq" : "IF(seq <= " + (rows * 8 / 10) + ", seq, " + (rows * 8 / 10)
                        + " + (seq - " + (rows * 8 / 10) + ") * 1000)";
                db.execute("CREATE TABLE " + t + " (id BIGINT PRIMARY KEY, a INT NOT NULL, b VARCHAR(32) NOT NULL, "
                        + "c DECIMAL(12,2), d DATETIME(3) NOT NULL, e DOUBLE) ENGINE=InnoDB;"
                        + "INSERT INTO " + t + " SELECT " + id + ", seq % 1000, CONCAT('name-', seq), seq / 100, "
                        + "TIMESTAMPADD(SECOND, seq, '2024-01-01 00:00:00.123'), seq * 1.5 FROM seq_1_to_" + rows + ";"
                        + "ANALYZE TABLE " + t + ";");
            }
            System.out.printf(Locale.ROOT, "loaded 2 x %,d rows in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
            String url = "jdbc:mariadb://127.0.0.1:" + db.port() + "/" + db.database();
            out.add(String.format(Locale.ROOT, "| table, heap (%,d rows, %d channels) | reader | best wall s | rows/s | "
                    + "peak heap MiB | live heap MiB | CPU s JVM / MariaDB | × baseline |", rows, channels));
            out.add("|---|---|---:|---:|---:|---:|---:|---:|");
            String[][] scenarios = {{"dense", xmx}, {"skew", xmx}, {"dense", System.getProperty("bench.smallXmx", "768m")}};
            for (String[] sc : scenarios) {
                String table = sc[0];
                List<String> heap = List.of("-Xms" + sc[1], "-Xmx" + sc[1]);
                String ours = job("aurorareader", "{\"username\":\"root\",\"password\":\"" + db.rootPassword()
                        + "\",\"column\":[\"*\"],\"connection\":[{\"jdbcUrl\":[\"" + url + "\"],\"table\":[\""
                        + table + "\"]}]}", channels);
                String theirs = job("dataxstylereader", "{\"username\":\"root\",\"password\":\"" + db.rootPassword()
                        + "\",\"jdbcUrl\":\"" + url + "\",\"table\":\"" + table + "\",\"splitPk\":\"id\","
                        + "\"columns\":\"id, a, b, c, d, e\"}", channels);
                JobRun bestOurs = null;
                JobRun bestTheirs = null;
                String theirsFailure = null;
                for (int r = 0; r < rounds; r++) {
                    JobRun o = bench.runJob("aurora-" + table + "-" + sc[1] + "-" + r, ours, db.pid(), heap);
                    check(o, rows, "aurorareader");
                    bestOurs = bestOurs == null || o.seconds() < bestOurs.seconds() ? o : bestOurs;
                    if (theirsFailure == null) {
                        try {
                            JobRun b = bench.runJob("datax-" + table + "-" + sc[1] + "-" + r, theirs, db.pid(), heap);
                            check(b, rows, "baseline");
                            bestTheirs = bestTheirs == null || b.seconds() < bestTheirs.seconds() ? b : bestTheirs;
                        } catch (IllegalStateException e) {
                            theirsFailure = e.getMessage().contains("OutOfMemoryError") ? "OutOfMemoryError"
                                    : "failed: " + e.getMessage().split("\n")[0];
                        }
                    }
                    System.out.printf(Locale.ROOT, "%s %s round %d: aurorareader %.2f s (live %d MiB), baseline %s%n", table,
                            sc[1], r + 1, o.seconds(), o.get("liveHeap") >> 20, bestTheirs == null ? theirsFailure
                                    : String.format(Locale.ROOT, "%.2f s (live %d MiB)", bestTheirs.seconds(),
                                            bestTheirs.get("liveHeap") >> 20));
                }
                String label = table + ", -Xmx" + sc[1];
                out.add(line(label, "aurorareader (keyset chunks, streaming)", bestOurs, rows,
                        bestTheirs == null ? "—" : String.format(Locale.ROOT, "%.2f", bestTheirs.seconds() / bestOurs.seconds())));
                out.add(bestTheirs == null ? "| " + label + " | DataX-style (equal-width ranges, non-streaming) | "
                        + theirsFailure + " | | | | | |" : line(label, "DataX-style (equal-width ranges, non-streaming)",
                        bestTheirs, rows, "1.00"));
            }
        }
        if (!Boolean.getBoolean("bench.keep")) {
            bench.cleanUp();
        }
        System.out.println();
        out.forEach(System.out::println);
    }

    private static void check(JobRun r, long rows, String what) {
        if (r.get("read") != rows) {
            throw new IllegalStateException(what + " read " + r.get("read") + " rows, expected " + rows);
        }
    }

    private static String line(String label, String name, JobRun r, long rows, String ratio) {
        return String.format(Locale.ROOT, "| %s | %s | %.2f | %,.0f | %d | %d | %.1f / %.1f | %s |", label, name,
                r.seconds(), rows / r.seconds(), r.get("peakHeap") >> 20, r.get("liveHeap") >> 20, r.get("cpuMs") / 1000.0,
                r.cpuMsServer / 1000.0, ratio);
    }

    private static String job(String reader, String parameter, int channels) {
        return "{\"job\":{\"setting\":{\"speed\":{\"channel\":" + channels + "},\"errorLimit\":{\"record\":0}},"
                + "\"content\":[{\"reader\":{\"name\":\"" + reader + "\",\"parameter\":" + parameter + "},"
                + "\"writer\":{\"name\":\"streamwriter\",\"parameter\":{\"print\":false}}}]}}";
    }
}
