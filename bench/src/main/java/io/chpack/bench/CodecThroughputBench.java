package io.chpack.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.element.StringColumn;

import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.convert.ConversionOptions;
import io.chpack.common.convert.RowDecoder;
import io.chpack.common.convert.RowEncoder;
import io.chpack.common.rowbinary.RowBinaryInput;
import io.chpack.common.rowbinary.RowBinaryOutput;

/**
 * Throughput of the type-mapping module: DataX Records → RowBinary (the writer's hot path: conversion,
 * range checks, encoding) and RowBinary → DataX Records (the reader's), on two row shapes — {@code wide}
 * (23 columns of every kind) and {@code narrow} (UInt64, Int32, Float64, a ~20-byte String, DateTime: the
 * shape of the writer benchmark). The baseline, measured in the same run, writes and reads the same number
 * of bytes as plain 8-byte integers through the same streams: what moving those bytes costs with no types
 * at all. Usage: {@code CodecThroughputBench [rows] [rounds] [wide|narrow|both]} (default both); prints a
 * Markdown table per shape.
 */
public final class CodecThroughputBench {
    static final String[][] COLUMNS = {
        {"id", "UInt64"}, {"small", "Int8"}, {"port", "UInt16"}, {"qty", "Int32"}, {"big", "Int64"},
        {"ratio", "Float32"}, {"score", "Float64"}, {"price", "Decimal(18, 4)"}, {"amount", "Decimal(38, 10)"},
        {"name", "String"}, {"comment", "String"}, {"code", "FixedString(16)"}, {"uuid", "UUID"},
        {"day", "Date"}, {"ts", "DateTime('UTC')"}, {"ts_ms", "DateTime64(3, 'UTC')"},
        {"state", "Enum8('new' = 1, 'paid' = 2, 'shipped' = 3)"}, {"maybe", "Nullable(Int32)"},
        {"tags", "Array(Int32)"}, {"city", "LowCardinality(String)"}, {"ip", "IPv4"},
        {"attrs", "Map(String, UInt64)"}, {"flag", "Bool"},
    };
    static final String[][] NARROW_COLUMNS = {
        {"id", "UInt64"}, {"qty", "Int32"}, {"score", "Float64"}, {"name", "String"}, {"ts", "DateTime('UTC')"},
    };
    private static final int DISTINCT_ROWS = 50_000;
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    /** The rate of the last measured phase by this thread's CPU time (insensitive to other load). */
    private static double lastCpuRate;

    private CodecThroughputBench() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String shape = args.length > 2 ? args[2] : "both";
        if (!shape.equals("wide") && !shape.equals("narrow") && !shape.equals("both")) {
            throw new IllegalArgumentException("shape " + shape + " is not wide, narrow or both");
        }
        if (!shape.equals("narrow")) {
            run("wide", COLUMNS, generate(DISTINCT_ROWS), rows, rounds);
        }
        if (!shape.equals("wide")) {
            run("narrow", NARROW_COLUMNS, generateNarrow(DISTINCT_ROWS), rows, rounds);
        }
    }

    private static void run(String shape, String[][] columns, Record[] source, int rows, int rounds) throws IOException {
        List<String> names = new ArrayList<>();
        List<ClickHouseType> types = new ArrayList<>();
        for (String[] column : columns) {
            names.add(column[0]);
            types.add(ClickHouseType.parse(column[1]));
        }
        ConversionOptions options = ConversionOptions.builder(ZoneOffset.UTC).serverTimeZone(ZoneOffset.UTC).build();
        RowEncoder encoder = new RowEncoder(names, types, options);
        RowDecoder decoder = new RowDecoder(names, types, options);

        // One block of encoded rows for the decode side, cycled as the encode side cycles the records.
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        RowBinaryOutput blockOut = new RowBinaryOutput(block);
        for (Record record : source) {
            encoder.encodeRow(record, blockOut);
        }
        blockOut.flush();
        byte[] encoded = block.toByteArray();
        double bytesPerRow = (double) encoded.length / DISTINCT_ROWS;

        double[] best = new double[4]; // encode, raw write, decode, raw read: rows per wall second
        double[] bestCpu = new double[4]; // the same per CPU second of this thread
        for (int round = 0; round < rounds; round++) {
            keep(best, bestCpu, 0, encode(encoder, source, rows), 1);
            keep(best, bestCpu, 2, decode(decoder, encoded, rows, columns.length), 1);
            keep(best, bestCpu, 1, rawWrite((long) (rows * bytesPerRow)), bytesPerRow);
            keep(best, bestCpu, 3, rawRead(encoded, (long) (rows * bytesPerRow)), bytesPerRow);
        }
        System.out.printf(Locale.ROOT, "%n%s: %d columns, %.1f RowBinary bytes per row, %,d rows, best of %d rounds, %d cores, %s%n%n",
                shape, columns.length, bytesPerRow, rows, rounds, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.version"));
        System.out.println("| path | rows/s | MB/s | × baseline | × baseline (CPU time) |");
        System.out.println("|---|---:|---:|---:|---:|");
        row("encode: Record → RowBinary", best[0], bytesPerRow, best[1], bestCpu[0] / bestCpu[1]);
        row("baseline: same bytes as raw Int64 writes", best[1], bytesPerRow, best[1], 1);
        row("decode: RowBinary → Record", best[2], bytesPerRow, best[3], bestCpu[2] / bestCpu[3]);
        row("baseline: same bytes as raw Int64 reads", best[3], bytesPerRow, best[3], 1);
    }

    private static void keep(double[] best, double[] bestCpu, int i, double wallRate, double unitsPerRow) {
        best[i] = Math.max(best[i], wallRate / unitsPerRow);
        bestCpu[i] = Math.max(bestCpu[i], lastCpuRate / unitsPerRow);
    }

    private static void row(String label, double rowsPerSecond, double bytesPerRow, double baseline, double cpuRatio) {
        System.out.printf(Locale.ROOT, "| %s | %,.0f | %,.1f | %.3f | %.3f |%n", label, rowsPerSecond,
                rowsPerSecond * bytesPerRow / 1e6, rowsPerSecond / baseline, cpuRatio);
    }

    private static long cpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** Records the CPU-time rate of a phase and returns its wall-time rate. */
    private static double rates(double units, long startNanos, long startCpu) {
        long cpu = cpuNanos() - startCpu;
        lastCpuRate = units / (cpu / 1e9);
        return units / ((System.nanoTime() - startNanos) / 1e9);
    }

    static Record[] generate(int count) {
        Random random = new Random(20261121L);
        String[] cities = {"Hangzhou", "Beijing", "Shanghai", "Shenzhen", "Chengdu", "Berlin", "Lisbon"};
        Record[] records = new Record[count];
        for (int i = 0; i < count; i++) {
            BenchRecord r = new BenchRecord(COLUMNS.length);
            r.addColumn(new LongColumn(random.nextBoolean() ? BigInteger.valueOf(i) : BigInteger.ONE.shiftLeft(63).add(BigInteger.valueOf(i))));
            r.addColumn(new LongColumn((long) (random.nextInt(256) - 128)));
            r.addColumn(new LongColumn((long) random.nextInt(65536)));
            r.addColumn(new LongColumn((long) random.nextInt()));
            r.addColumn(new LongColumn(random.nextLong()));
            r.addColumn(new DoubleColumn(random.nextFloat()));
            r.addColumn(new DoubleColumn(random.nextDouble() * 1e6));
            r.addColumn(new DoubleColumn(String.format(Locale.ROOT, "%d.%04d", random.nextInt(1_000_000), random.nextInt(10_000))));
            r.addColumn(new DoubleColumn(String.format(Locale.ROOT, "%d.%010d", random.nextLong() >>> 8, random.nextInt(1_000_000_000))));
            r.addColumn(new StringColumn("user-" + random.nextInt(100_000)));
            r.addColumn(new StringColumn("a comment of moderate length with some text in it: " + random.nextInt()));
            r.addColumn(new StringColumn(String.format(Locale.ROOT, "SKU%013d", random.nextInt(1_000_000))));
            r.addColumn(new StringColumn(new java.util.UUID(random.nextLong(), random.nextLong()).toString()));
            r.addColumn(new DateColumn(1_700_000_000_000L + random.nextInt(100_000_000) * 1000L));
            r.addColumn(new DateColumn(1_700_000_000_000L + random.nextInt(100_000_000) * 1000L));
            r.addColumn(new StringColumn("2026-11-21 12:34:56." + String.format(Locale.ROOT, "%03d", random.nextInt(1000))));
            r.addColumn(new StringColumn(random.nextBoolean() ? "paid" : "new"));
            r.addColumn(random.nextInt(4) == 0 ? new LongColumn((Long) null) : new LongColumn((long) random.nextInt()));
            r.addColumn(new StringColumn("[" + random.nextInt(1000) + "," + random.nextInt(1000) + "," + random.nextInt(1000) + "]"));
            r.addColumn(new StringColumn(cities[random.nextInt(cities.length)]));
            r.addColumn(new StringColumn("10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256)));
            r.addColumn(new StringColumn("{\"clicks\":" + random.nextInt(1000) + ",\"views\":" + random.nextInt(100_000) + "}"));
            r.addColumn(new BoolColumn(random.nextBoolean()));
            records[i] = r;
        }
        return records;
    }

    /** The narrow shape: a sequential id, a random Int32, a double as DoubleColumn, ~20 bytes of text, a second-precision date. */
    static Record[] generateNarrow(int count) {
        Random random = new Random(20261122L);
        Record[] records = new Record[count];
        for (int i = 0; i < count; i++) {
            BenchRecord r = new BenchRecord(NARROW_COLUMNS.length);
            r.addColumn(new LongColumn((long) i));
            r.addColumn(new LongColumn((long) random.nextInt()));
            r.addColumn(new DoubleColumn(random.nextDouble() * 1e6));
            r.addColumn(new StringColumn("customer-" + (10_000_000_000L + random.nextInt(1_000_000_000))));
            r.addColumn(new DateColumn(1_700_000_000_000L + random.nextInt(100_000_000) * 1000L));
            records[i] = r;
        }
        return records;
    }

    static double encode(RowEncoder encoder, Record[] source, int rows) throws IOException {
        CountingSink sink = new CountingSink();
        RowBinaryOutput out = new RowBinaryOutput(sink, 1 << 16);
        long startCpu = cpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < rows; i++) {
            encoder.encodeRow(source[i % source.length], out);
        }
        out.flush();
        double rate = rates(rows, start, startCpu);
        if (sink.count == 0) {
            throw new IllegalStateException("nothing encoded");
        }
        return rate;
    }

    static double decode(RowDecoder decoder, byte[] block, int rows, int width) throws IOException {
        long startCpu = cpuNanos();
        long start = System.nanoTime();
        int decoded = 0;
        long columns = 0;
        while (decoded < rows) {
            RowBinaryInput in = new RowBinaryInput(new ByteArrayInputStream(block), 1 << 16);
            while (decoded < rows) {
                BenchRecord record = new BenchRecord(width);
                if (!decoder.readRow(in, record)) {
                    break;
                }
                columns += record.getColumnNumber();
                decoded++;
            }
        }
        double rate = rates(rows, start, startCpu);
        if (columns != (long) rows * width) {
            throw new IllegalStateException("decoded " + columns + " columns for " + rows + " rows");
        }
        return rate;
    }

    static double rawWrite(long bytes) throws IOException {
        CountingSink sink = new CountingSink();
        RowBinaryOutput out = new RowBinaryOutput(sink, 1 << 16);
        long words = bytes / 8;
        long startCpu = cpuNanos();
        long start = System.nanoTime();
        for (long i = 0; i < words; i++) {
            out.writeInt64(i);
        }
        out.flush();
        double rate = rates(bytes, start, startCpu);
        if (sink.count != words * 8) {
            throw new IllegalStateException("raw write lost bytes");
        }
        return rate;
    }

    static double rawRead(byte[] block, long bytes) throws IOException {
        long words = bytes / 8;
        long wordsPerBlock = block.length / 8;
        long read = 0;
        long sum = 0;
        long startCpu = cpuNanos();
        long start = System.nanoTime();
        while (read < words) {
            RowBinaryInput in = new RowBinaryInput(new ByteArrayInputStream(block), 1 << 16);
            for (long i = 0; i < wordsPerBlock && read < words; i++, read++) {
                sum += in.readInt64();
            }
        }
        double rate = rates(bytes, start, startCpu);
        if (sum == 42) {
            System.out.print("");
        }
        return rate;
    }

    /** Counts and drops bytes: the encoder's cost without any sink cost. */
    static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
