package io.chpack.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.element.StringColumn;

import io.chpack.runner.ChannelMetrics;
import io.chpack.runner.Engine;
import io.chpack.runner.JobResult;

/**
 * How much the chpack runner costs per record, as ratios against baselines measured in the same run
 * (so a noisy machine shifts both sides alike):
 * <ul>
 * <li>{@code inline}: the same five-column records built and dropped in one thread — the work a job cannot avoid;</li>
 * <li>{@code handoff}: built in one thread and passed in batches of 32 through a bare ArrayBlockingQueue to a
 * second — the least any two-thread reader/writer transport can cost;</li>
 * <li>{@code engine}: a real job through {@link Engine}: built-in streamreader → streamwriter (print false),
 * bounded channels, statistics, dirty-record accounting, with 1 and 2 channels.</li>
 * </ul>
 * Usage: {@code EngineThroughputBench <chpack home> [records per slice] [rounds]}; prints a Markdown table.
 */
public final class EngineThroughputBench {
    private static final int BATCH = 32;

    private EngineThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Paths.get(args.length > 0 ? args[0] : "target/chpack-0.1.0-SNAPSHOT").toAbsolutePath();
        long records = args.length > 1 ? Long.parseLong(args[1]) : 2_000_000L;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        if (!Files.isRegularFile(home.resolve("conf/core.json"))) {
            throw new IllegalArgumentException(home + " is not a chpack home (build it: mvn -B install -DskipTests)");
        }
        Path job = Files.createTempFile("chpack-bench", ".json");
        Files.writeString(job, jobJson());

        List<String> rows = new ArrayList<>();
        double bestInline = 0;
        double bestHandoff = 0;
        double[] bestEngine = new double[3];
        long[] peakBytes = new long[3];
        for (int round = 0; round < rounds; round++) {
            bestInline = Math.max(bestInline, inline(records));
            bestHandoff = Math.max(bestHandoff, handoff(records));
            for (int channels = 1; channels <= 2; channels++) {
                JobResult result = new Engine(home).run(job, Map.of("slices", String.valueOf(channels),
                        "records", String.valueOf(records), "channels", String.valueOf(channels)));
                if (!result.isSuccess()) {
                    throw new IllegalStateException("benchmark job failed: " + result.errorMessage());
                }
                double seconds = Math.max(1, result.endMillis() - result.startMillis()) / 1000.0;
                bestEngine[channels] = Math.max(bestEngine[channels], result.writeSucceedRecords() / seconds);
                for (ChannelMetrics metrics : result.channelMetrics()) {
                    peakBytes[channels] = Math.max(peakBytes[channels], metrics.peakBytes());
                }
            }
        }
        rows.add(String.format(Locale.ROOT, "| inline (1 thread, baseline) | %,.0f | 1.00 | — |", bestInline));
        rows.add(String.format(Locale.ROOT, "| handoff (bare queue, 2 threads) | %,.0f | %.2f | — |", bestHandoff,
                bestHandoff / bestInline));
        for (int channels = 1; channels <= 2; channels++) {
            rows.add(String.format(Locale.ROOT, "| engine, %d channel%s | %,.0f | %.2f | %.2f (peak channel %,d KiB) |",
                    channels, channels == 1 ? "" : "s", bestEngine[channels], bestEngine[channels] / bestInline,
                    bestEngine[channels] / bestHandoff, peakBytes[channels] / 1024));
        }
        System.out.printf(Locale.ROOT, "%n%,d records per slice, best of %d rounds, %d cores, %s%n%n", records, rounds,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        System.out.println("| path | records/s | × inline | × handoff |");
        System.out.println("|---|---:|---:|---:|");
        rows.forEach(System.out::println);
    }

    static String jobJson() {
        return """
                {"core": {"container": {"job": {"reportInterval": 600000}}},
                 "job": {"setting": {"speed": {"channel": ${channels}}},
                  "content": [{
                   "reader": {"name": "streamreader", "parameter": {"sliceRecordCount": "${records}", "column": [
                     {"type": "long", "incr": "1,1"},
                     {"type": "string", "value": "chpack-benchmark"},
                     {"type": "double", "value": "3.14159"},
                     {"type": "date", "value": "2026-11-21 12:00:00"},
                     {"type": "bool", "value": "true"}]}},
                   "writer": {"name": "streamwriter", "parameter": {"print": false}}}]}}
                """;
    }

    /** The same record shape the job's streamreader produces. */
    static Record record(long i) {
        BenchRecord record = new BenchRecord(5);
        record.addColumn(new LongColumn(i));
        record.addColumn(new StringColumn("chpack-benchmark"));
        record.addColumn(new DoubleColumn("3.14159"));
        record.addColumn(new DateColumn(1_795_000_000_000L));
        record.addColumn(new BoolColumn(true));
        return record;
    }

    static double inline(long records) {
        long start = System.nanoTime();
        long sink = 0;
        for (long i = 0; i < records; i++) {
            sink += record(i).getColumnNumber();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (sink != records * 5) {
            throw new IllegalStateException("lost records: " + sink);
        }
        return records / seconds;
    }

    static double handoff(long records) throws InterruptedException {
        BlockingQueue<Record[]> queue = new ArrayBlockingQueue<>(512 / BATCH);
        Record[] end = new Record[0];
        long[] received = new long[1];
        Thread consumer = new Thread(() -> {
            try {
                for (Record[] batch = queue.take(); batch != end; batch = queue.take()) {
                    received[0] += batch.length;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();
        consumer.start();
        Record[] batch = new Record[BATCH];
        int filled = 0;
        for (long i = 0; i < records; i++) {
            batch[filled++] = record(i);
            if (filled == BATCH) {
                queue.put(batch);
                batch = new Record[BATCH];
                filled = 0;
            }
        }
        if (filled > 0) {
            Record[] last = new Record[filled];
            System.arraycopy(batch, 0, last, 0, filled);
            queue.put(last);
        }
        queue.put(end);
        consumer.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (received[0] != records) {
            throw new IllegalStateException("lost records: " + received[0] + " of " + records);
        }
        return records / seconds;
    }
}
