package io.chpack.testplugins;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.element.StringColumn;
import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.spi.Reader;
import com.alibaba.datax.common.util.Configuration;

/**
 * Generates records: slice s produces ids s*1000000 .. s*1000000+records-1, each as
 * [LONG id, STRING "row-<id>"+padding, BOOL, DATE, BYTES]; every record of a slice has the same size.
 * Parameters: records (per slice; -1 = until stopped), slices (default: the advice number),
 * payloadChars, failAtRecord + failSlice, failMessage, failTaskDestroy, failJobDestroy,
 * dirtyEvery (the reader itself reports every n-th record dirty), leakSecret (puts the password
 * parameter into the data), logSecret (logs the password parameter), progressKey (a shared counter
 * incremented before each send), eventsFile.
 */
public class GenReader extends Reader {
    public static class Job extends Reader.Job {
        private Configuration conf;

        @Override
        public void init() {
            this.conf = getPluginJobConf();
            Events.record(this.conf, "reader.job.init tccl=" + Events.tccl(this) + " peer=" + getPeerPluginName()
                    + " peerConf=" + (getPeerPluginJobConf() != null) + " pluginName=" + getPluginName());
            if (this.conf.get("fastjsonColumns") != null) {
                // What stock DataX plugins do (streamreader's column list): cast nodes to fastjson2 types.
                StringBuilder types = new StringBuilder();
                for (com.alibaba.fastjson2.JSONObject column : this.conf.getList("fastjsonColumns",
                        com.alibaba.fastjson2.JSONObject.class)) {
                    types.append(column.getString("type")).append(' ');
                }
                Events.record(this.conf, "reader.job.fastjsonColumns " + types.toString().trim());
            }
        }

        @Override
        public void prepare() {
            Events.record(this.conf, "reader.job.prepare tccl=" + Events.tccl(this));
        }

        @Override
        public List<Configuration> split(int adviceNumber) {
            Events.record(this.conf, "reader.job.split(" + adviceNumber + ") tccl=" + Events.tccl(this));
            int slices = this.conf.getInt("slices", adviceNumber);
            List<Configuration> result = new ArrayList<Configuration>();
            for (int i = 0; i < slices; i++) {
                Configuration slice = this.conf.clone();
                slice.set("slice", i);
                result.add(slice);
            }
            return result;
        }

        @Override
        public void post() {
            Events.record(this.conf, "reader.job.post tccl=" + Events.tccl(this));
        }

        @Override
        public void destroy() {
            Events.record(this.conf, "reader.job.destroy tccl=" + Events.tccl(this));
            if (this.conf.getBool("failJobDestroy", false)) {
                throw new IllegalStateException("generated reader job destroy failure");
            }
        }
    }

    public static class Task extends Reader.Task {
        private static final Logger LOG = LoggerFactory.getLogger(GenReader.Task.class);
        private Configuration conf;
        private int slice;

        @Override
        public void init() {
            this.conf = getPluginJobConf();
            this.slice = this.conf.getInt("slice");
            Events.record(this.conf, "reader.task[" + this.slice + "].init taskId=" + getTaskId() + " tccl="
                    + Events.tccl(this) + " version=" + Version.owner() + " loader="
                    + getClass().getClassLoader().getClass().getSimpleName());
            if (this.conf.getBool("logSecret", false)) {
                LOG.info("connecting with password {}", this.conf.getString("password"));
            }
        }

        @Override
        public void prepare() {
            Events.record(this.conf, "reader.task[" + this.slice + "].prepare");
        }

        @Override
        public void startRead(RecordSender sender) {
            Events.record(this.conf, "reader.task[" + this.slice + "].startRead");
            long records = this.conf.getLong("records", 100);
            long failAt = this.conf.getLong("failAtRecord", -1);
            int failSlice = this.conf.getInt("failSlice", -1);
            long dirtyEvery = this.conf.getLong("dirtyEvery", 0);
            int payload = this.conf.getInt("payloadChars", 0);
            String password = this.conf.getString("password", "");
            boolean leak = this.conf.getBool("leakSecret", false);
            String progressKey = this.conf.getString("progressKey");
            StringBuilder padding = new StringBuilder();
            for (int i = 0; i < payload; i++) {
                padding.append('x');
            }
            long checksum = 0;
            long sent = 0;
            for (long i = 0; records < 0 || i < records; i++) {
                if (i == failAt && (failSlice < 0 || failSlice == this.slice)) {
                    throw new IllegalStateException(this.conf.getString("failMessage",
                            "generated reader failure at record " + i + " of slice " + this.slice));
                }
                long id = this.slice * Events.SLICE_STRIDE + i;
                Record record = sender.createRecord();
                record.addColumn(new LongColumn(id));
                record.addColumn(new StringColumn(String.format("row-%012d", id) + (leak ? password : padding)));
                record.addColumn(new BoolColumn(id % 2 == 0));
                record.addColumn(new DateColumn(1700000000000L + id));
                record.addColumn(new BytesColumn(new byte[] {(byte) id, (byte) (id >> 8), 7, 9}));
                if (dirtyEvery > 0 && i % dirtyEvery == 0) {
                    getTaskPluginCollector().collectDirtyRecord(record, "reader marked record " + id + " dirty");
                    continue;
                }
                if (progressKey != null) {
                    Events.shared(progressKey).incrementAndGet();
                }
                sender.sendToWriter(record);
                checksum += Events.checksum(id);
                sent++;
            }
            Events.record(this.conf, "reader.task[" + this.slice + "].sent count=" + sent + " checksum=" + checksum);
        }

        @Override
        public void post() {
            Events.record(this.conf, "reader.task[" + this.slice + "].post");
        }

        @Override
        public void destroy() {
            Events.record(this.conf, "reader.task[" + this.slice + "].destroy");
            if (this.conf.getBool("failTaskDestroy", false)) {
                throw new IllegalStateException("generated reader task destroy failure");
            }
        }
    }
}
