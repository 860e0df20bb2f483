package io.chpack.odpsreaderext.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.util.Configuration;
import com.aliyun.odps.Odps;
import com.aliyun.odps.account.AliyunAccount;
import com.aliyun.odps.data.RecordWriter;
import com.aliyun.odps.tunnel.TableTunnel;

import io.chpack.odpsreaderext.config.OdpsReaderConfig;
import io.chpack.odpsreaderext.conn.OdpsConnection;
import io.chpack.odpsreaderext.plan.SplitPlanner;
import io.chpack.runner.transport.RunnerRecord;
import io.chpack.testkit.maxcompute.MaxComputeEmulator;

/** Splits and tasks against the in-process emulator, without the engine. */
class DownloadTaskOnEmulatorTest {
    private static final int ROWS = 60000;
    private static MaxComputeEmulator mc;

    @BeforeAll
    static void start() throws Exception {
        mc = MaxComputeEmulator.builder().start();
        mc.execute("CREATE TABLE big (id BIGINT, pad STRING)");
        Odps o = new Odps(new AliyunAccount(mc.accessId(), mc.accessKey()));
        o.setEndpoint(mc.endpoint());
        o.setDefaultProject(mc.defaultProject());
        TableTunnel t = new TableTunnel(o);
        t.setEndpoint(mc.tunnelEndpoint());
        TableTunnel.UploadSession up = t.createUploadSession(mc.defaultProject(), "big");
        String pad = "x".repeat(400);
        try (RecordWriter w = up.openRecordWriter(0)) {
            for (long i = 0; i < ROWS; i++) {
                com.aliyun.odps.data.Record r = up.newRecord();
                r.setBigint("id", i);
                r.setString("pad", pad + i);
                w.write(r);
            }
        }
        up.commit(new Long[] {0L});
    }

    @AfterAll
    static void stop() {
        if (mc != null) {
            mc.close();
        }
    }

    private static Configuration params() {
        Configuration c = Configuration.newDefault();
        c.set("odpsServer", mc.endpoint());
        c.set("tunnelServer", mc.tunnelEndpoint());
        c.set("project", mc.defaultProject());
        c.set("accessId", mc.accessId());
        c.set("accessKey", mc.accessKey());
        c.set("table", "big");
        c.set("column", List.of("id", "'k'"));
        c.set("minSplitRecords", 1000);
        return c;
    }

    /** Collects records; optionally calls {@code hook} once after {@code at} records. */
    static final class Collect implements RecordSender {
        final List<Record> got = new ArrayList<>();
        private final int at;
        private final Runnable hook;

        Collect(int at, Runnable hook) {
            this.at = at;
            this.hook = hook;
        }

        @Override
        public Record createRecord() {
            return new RunnerRecord();
        }

        @Override
        public void sendToWriter(Record r) {
            got.add(r);
            if (got.size() == at) {
                hook.run();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void terminate() {
        }

        @Override
        public void shutdown() {
        }
    }

    @Test
    void splitsCoverEveryRecordOnce() {
        Configuration p = params();
        OdpsReaderConfig cfg = OdpsReaderConfig.from(p);
        List<Configuration> splits = new SplitPlanner(cfg, new OdpsConnection(cfg)).split(p, 7);
        assertEquals(7, splits.size());
        long next = 0;
        for (Configuration s : splits) {
            assertEquals(next, (long) s.getLong(SplitPlanner.KEY_START));
            next += s.getLong(SplitPlanner.KEY_COUNT);
        }
        assertEquals(ROWS, next);
        Collect c = new Collect(-1, null);
        new DownloadTask(splits.get(6)).run(c);
        assertEquals(splits.get(6).getLong(SplitPlanner.KEY_COUNT).intValue(), c.got.size());
        assertEquals(splits.get(6).getLong(SplitPlanner.KEY_START).longValue(), c.got.get(0).getColumn(0).asLong());
        assertEquals("k", c.got.get(0).getColumn(1).asString());
    }

    @Test
    void aFailedOpenIsRetriedAndTheRangeReadOnce() {
        Configuration p = params();
        p.set("maxRetryTime", 2);
        OdpsReaderConfig cfg = OdpsReaderConfig.from(p);
        List<Configuration> splits = new SplitPlanner(cfg, new OdpsConnection(cfg)).split(p, 1);
        assertEquals(1, splits.size());
        DownloadTask task = new DownloadTask(splits.get(0));
        long before = dataRequests();
        mc.faults().dropRequests(1);
        Collect c = new Collect(-1, null);
        task.run(c);
        assertEquals(ROWS, c.got.size());
        for (int i = 0; i < ROWS; i++) {
            assertEquals(i, c.got.get(i).getColumn(0).asLong());
        }
        assertEquals(1, mc.faults().fired());
        assertEquals(2, dataRequests() - before, "the dropped read and the reopened one");
    }

    @Test
    void aReadBrokenMidStreamResumesAtTheFirstRecordNotDelivered() throws Exception {
        Configuration p = params();
        OdpsReaderConfig cfg = OdpsReaderConfig.from(p);
        List<Configuration> splits = new SplitPlanner(cfg, new OdpsConnection(cfg)).split(p, 1);
        DownloadTask task = new DownloadTask(splits.get(0));
        List<Long> opened = new ArrayList<>();
        List<Long> got = new ArrayList<>();
        // a reader that breaks after 7 records the first two times
        DownloadTask.Opener opener = (start, count) -> {
            opened.add(start);
            boolean breaks = opened.size() <= 2;
            return new com.aliyun.odps.data.RecordReader() {
                long next = start;
                int served;

                @Override
                public com.aliyun.odps.data.Record read() throws java.io.IOException {
                    if (next == start + count) {
                        return null;
                    }
                    if (breaks && served == 7) {
                        throw new java.io.IOException("connection reset");
                    }
                    served++;
                    com.aliyun.odps.data.ArrayRecord r = new com.aliyun.odps.data.ArrayRecord(
                            new com.aliyun.odps.Column[] {new com.aliyun.odps.Column("id",
                                    com.aliyun.odps.type.TypeInfoFactory.BIGINT)});
                    r.setBigint(0, next++);
                    return r;
                }

                @Override
                public void close() {
                }
            };
        };
        long done = task.readRange(100, 50, 2, opener, r -> got.add(r.getBigint(0)));
        assertEquals(50, done);
        assertEquals(List.of(100L, 107L, 114L), opened);
        for (int i = 0; i < 50; i++) {
            assertEquals(100L + i, got.get(i));
        }
        assertEquals(50, got.size());
        // one failure more than maxRetryTime fails the task with the range named
        opened.clear();
        got.clear();
        com.alibaba.datax.common.exception.DataXException e = org.junit.jupiter.api.Assertions.assertThrows(
                com.alibaba.datax.common.exception.DataXException.class,
                () -> task.readRange(100, 50, 1, opener, r -> got.add(r.getBigint(0))));
        assertTrue(e.getMessage().contains("reading records 114..149") && e.getMessage().contains("OdpsReaderExt-03"),
                e.getMessage());
    }

    private static long dataRequests() {
        return mc.calls().stream().filter(x -> x.params().containsKey("data") && x.resource().endsWith("/tables/big"))
                .count();
    }

    @Test
    void partitionModeAndRecordModeOverSelectedPartitions() throws Exception {
        mc.execute("CREATE TABLE parts (id BIGINT) PARTITIONED BY (ds STRING, hh STRING)");
        Odps o = new Odps(new AliyunAccount(mc.accessId(), mc.accessKey()));
        o.setEndpoint(mc.endpoint());
        o.setDefaultProject(mc.defaultProject());
        TableTunnel t = new TableTunnel(o);
        t.setEndpoint(mc.tunnelEndpoint());
        String[][] specs = {{"20260101", "00", "5000"}, {"20260101", "01", "0"}, {"20260102", "00", "2500"},
            {"20260201", "00", "10"}};
        for (String[] sp : specs) {
            mc.execute("ALTER TABLE parts ADD PARTITION (ds='" + sp[0] + "', hh='" + sp[1] + "')");
            TableTunnel.UploadSession up = t.createUploadSession(mc.defaultProject(), "parts",
                    new com.aliyun.odps.PartitionSpec("ds='" + sp[0] + "',hh='" + sp[1] + "'"));
            try (RecordWriter w = up.openRecordWriter(0)) {
                for (long i = 0; i < Long.parseLong(sp[2]); i++) {
                    com.aliyun.odps.data.Record r = up.newRecord();
                    r.setBigint("id", i);
                    w.write(r);
                }
            }
            up.commit(new Long[] {0L});
        }
        Configuration p = params();
        p.set("table", "parts");
        p.set("partition", List.of("ds=202601*"));
        p.set("column", List.of("ds", "id", "hh", "'c'"));
        p.set("splitMode", "partition");
        OdpsReaderConfig cfg = OdpsReaderConfig.from(p);
        List<Configuration> byPartition = new SplitPlanner(cfg, new OdpsConnection(cfg)).split(p, 8);
        assertEquals(2, byPartition.size(), "the empty partition gives no split, 20260201 is not selected");
        assertEquals(List.of(5000L, 2500L), List.of(byPartition.get(0).getLong(SplitPlanner.KEY_COUNT),
                byPartition.get(1).getLong(SplitPlanner.KEY_COUNT)));
        Collect c = new Collect(-1, null);
        new DownloadTask(byPartition.get(1)).run(c);
        assertEquals(2500, c.got.size());
        Record first = c.got.get(0);
        assertEquals("20260102", first.getColumn(0).asString());
        assertEquals(0L, first.getColumn(1).asLong());
        assertEquals("00", first.getColumn(2).asString());
        assertEquals("c", first.getColumn(3).asString());

        p.set("splitMode", "record");
        p.set("minSplitRecords", 1000);
        cfg = OdpsReaderConfig.from(p);
        List<Configuration> byRecords = new SplitPlanner(cfg, new OdpsConnection(cfg)).split(p, 5);
        // 7500 records / 5 = 1500 per split: 5000 → 4 ranges of 1250, 2500 → 2 ranges of 1250
        assertEquals(6, byRecords.size());
        long total = 0;
        for (Configuration s : byRecords) {
            assertEquals(1250L, (long) s.getLong(SplitPlanner.KEY_COUNT));
            total += s.getLong(SplitPlanner.KEY_COUNT);
        }
        assertEquals(7500, total);
    }
}
