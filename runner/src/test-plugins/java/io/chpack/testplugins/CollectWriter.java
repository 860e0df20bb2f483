package io.chpack.testplugins;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.plugin.RecordReceiver;
import com.alibaba.datax.common.spi.Writer;
import com.alibaba.datax.common.util.Configuration;

/**
 * Counts and checksums what it receives and records it as an event per slice. Parameters:
 * splitDelta (returns mandatoryNumber + delta slices), dirtyEvery (reports ids divisible by it dirty),
 * failAtRecord + failSlice, failOnceKey (fail only while the shared counter is 0, then count up),
 * supportFailOver, busyNanosPerRecord (CPU cost per record), gateKey + gateAt (wait before reading
 * until the reader has tried to send gateAt records), failTaskDestroy, eventsFile.
 */
public class CollectWriter extends Writer {
    public static class Job extends Writer.Job {
        private Configuration conf;

        @Override
        public void init() {
            this.conf = getPluginJobConf();
            Events.record(this.conf, "writer.job.init tccl=" + Events.tccl(this) + " peer=" + getPeerPluginName()
                    + " peerConf=" + (getPeerPluginJobConf() != null) + " pluginName=" + getPluginName());
        }

        @Override
        public void prepare() {
            Events.record(this.conf, "writer.job.prepare tccl=" + Events.tccl(this));
        }

        @Override
        public List<Configuration> split(int mandatoryNumber) {
            Events.record(this.conf, "writer.job.split(" + mandatoryNumber + ") tccl=" + Events.tccl(this));
            int count = mandatoryNumber + this.conf.getInt("splitDelta", 0);
            List<Configuration> result = new ArrayList<Configuration>();
            for (int i = 0; i < count; i++) {
                Configuration slice = this.conf.clone();
                slice.set("slice", i);
                result.add(slice);
            }
            return result;
        }

        @Override
        public void post() {
            List<String> written = getJobPluginCollector().getMessage("written");
            long sum = 0;
            if (written != null) {
                for (String each : written) {
                    sum += Long.parseLong(each);
                }
            }
            Events.record(this.conf, "writer.job.post tccl=" + Events.tccl(this) + " messages="
                    + (written == null ? "none" : written.size() + ":" + sum) + " missing="
                    + getJobPluginCollector().getMessage("no-such-key"));
        }

        @Override
        public void destroy() {
            Events.record(this.conf, "writer.job.destroy tccl=" + Events.tccl(this));
        }
    }

    public static class Task extends Writer.Task {
        private Configuration conf;
        private int slice;

        @Override
        public void init() {
            this.conf = getPluginJobConf();
            this.slice = this.conf.getInt("slice");
            Events.record(this.conf, "writer.task[" + this.slice + "].init taskId=" + getTaskId() + " tccl="
                    + Events.tccl(this) + " version=" + Version.owner() + " lang3=" + lang3Loader());
        }

        private String lang3Loader() {
            try {
                Class<?> type = Class.forName("org.apache.commons.lang3.StringUtils", false,
                        getClass().getClassLoader());
                return type.getClassLoader() == getClass().getClassLoader() ? "plugin" : "parent";
            } catch (ClassNotFoundException e) {
                return "missing";
            }
        }

        @Override
        public void prepare() {
            Events.record(this.conf, "writer.task[" + this.slice + "].prepare");
        }

        @Override
        public void startWrite(RecordReceiver receiver) {
            Events.record(this.conf, "writer.task[" + this.slice + "].startWrite");
            long dirtyEvery = this.conf.getLong("dirtyEvery", 0);
            long failAt = this.conf.getLong("failAtRecord", -1);
            int failSlice = this.conf.getInt("failSlice", -1);
            String failOnceKey = this.conf.getString("failOnceKey");
            long busyNanos = this.conf.getLong("busyNanosPerRecord", 0);
            gate();
            long count = 0;
            long checksum = 0;
            long mispaired = 0;
            Record record;
            while ((record = receiver.getFromReader()) != null) {
                if (count == failAt && (failSlice < 0 || failSlice == this.slice)) {
                    if (failOnceKey == null || Events.shared(failOnceKey).getAndIncrement() == 0) {
                        throw new IllegalStateException("generated writer failure at record " + count + " of slice "
                                + this.slice);
                    }
                }
                long id = Long.parseLong(String.valueOf(record.getColumn(0).getRawData()));
                if (id / Events.SLICE_STRIDE != this.slice) {
                    mispaired++;
                }
                busy(busyNanos);
                if (dirtyEvery > 0 && id % dirtyEvery == 0) {
                    getTaskPluginCollector().collectDirtyRecord(record, new IllegalArgumentException(
                            "value rejected: " + record.getColumn(1).getRawData()), "marked dirty: id=" + id);
                    continue;
                }
                count++;
                checksum += Events.checksum(id);
            }
            getTaskPluginCollector().collectMessage("written", String.valueOf(count));
            Events.record(this.conf, "writer.task[" + this.slice + "].received count=" + count + " checksum="
                    + checksum + " mispaired=" + mispaired);
            String out = this.conf.getString("outputFile");
            if (out != null) {
                append(out, this.slice + " " + count + " " + checksum + "\n");
            }
        }

        /** Waits, without consuming, until the reader has tried to send gateAt records (or 60 s passed). */
        private void gate() {
            String key = this.conf.getString("gateKey");
            if (key == null) {
                return;
            }
            long gateAt = this.conf.getLong("gateAt");
            AtomicLong progress = Events.shared(key);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (progress.get() < gateAt) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the reader sent only " + progress.get() + " records, gate "
                            + gateAt + " never reached");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            Events.record(this.conf, "writer.task[" + this.slice + "].gateOpened progress=" + progress.get());
        }

        private static void busy(long nanos) {
            if (nanos <= 0) {
                return;
            }
            long end = System.nanoTime() + nanos;
            while (System.nanoTime() < end) {
                // spin: a CPU cost per record, not a pause
            }
        }

        private static void append(String file, String line) {
            try (OutputStream out = new FileOutputStream(file, true)) {
                out.write(line.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void post() {
            Events.record(this.conf, "writer.task[" + this.slice + "].post");
        }

        @Override
        public void destroy() {
            Events.record(this.conf, "writer.task[" + this.slice + "].destroy");
            if (this.conf.getBool("failTaskDestroy", false)) {
                throw new IllegalStateException("generated writer task destroy failure");
            }
        }

        @Override
        public boolean supportFailOver() {
            return this.conf.getBool("supportFailOver", false);
        }
    }
}
