package io.chpack.odpswriterext;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.plugin.RecordReceiver;
import com.alibaba.datax.common.spi.Writer;
import com.alibaba.datax.common.util.Configuration;

import io.chpack.odpswriterext.config.OdpsWriterConfig;
import io.chpack.odpswriterext.conn.OdpsConnection;
import io.chpack.odpswriterext.plan.WritePlanner;
import io.chpack.odpswriterext.task.UploadTask;

/**
 * Writes into Alibaba MaxCompute (ODPS) through the batch Table Tunnel, atomically: one upload session per target
 * partition for the whole job, disjoint block ids per task, one commit of every session in Job.post (overwrite
 * sessions when {@code truncate}, so the old data stays visible until the new data replaces it). A failed job
 * commits nothing. See doc/odpswriter-ext.md.
 */
public class OdpsWriterExt extends Writer {

    public static class Job extends Writer.Job {
        private static final Logger LOG = LoggerFactory.getLogger(Job.class);
        private Configuration original;
        private WritePlanner planner;

        @Override
        public void init() {
            original = getPluginJobConf();
            OdpsWriterConfig config = OdpsWriterConfig.from(original);
            LOG.info("{}", config);
            planner = new WritePlanner(config, new OdpsConnection(config), getPeerPluginName(),
                    getPeerPluginJobConf());
        }

        @Override
        public void prepare() {
            planner.prepare();
        }

        @Override
        public List<Configuration> split(int mandatoryNumber) {
            return planner.split(original, mandatoryNumber);
        }

        @Override
        public void post() {
            planner.commit();
        }

        @Override
        public void destroy() {
            if (planner != null) {
                planner.destroy();
            }
        }
    }

    public static class Task extends Writer.Task {
        private UploadTask task;

        @Override
        public void init() {
            task = new UploadTask(getPluginJobConf(), getTaskPluginCollector());
        }

        @Override
        public void startWrite(RecordReceiver lineReceiver) {
            task.run(lineReceiver);
        }

        @Override
        public void destroy() {
        }
    }
}
