package io.chpack.odpsreaderext;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.spi.Reader;
import com.alibaba.datax.common.util.Configuration;

import io.chpack.odpsreaderext.config.OdpsReaderConfig;
import io.chpack.odpsreaderext.conn.OdpsConnection;
import io.chpack.odpsreaderext.plan.SplitPlanner;
import io.chpack.odpsreaderext.task.DownloadTask;

/**
 * Reads Alibaba MaxCompute (ODPS) tables and partitions (lists and wildcards) through the batch Table Tunnel's
 * download sessions, split by record ranges and partitions, streaming. See doc/odpsreader-ext.md.
 */
public class OdpsReaderExt extends Reader {

    public static class Job extends Reader.Job {
        private static final Logger LOG = LoggerFactory.getLogger(Job.class);
        private Configuration original;
        private SplitPlanner planner;

        @Override
        public void init() {
            original = getPluginJobConf();
            OdpsReaderConfig config = OdpsReaderConfig.from(original);
            LOG.info("{}", config);
            planner = new SplitPlanner(config, new OdpsConnection(config));
        }

        @Override
        public List<Configuration> split(int adviceNumber) {
            return planner.split(original, adviceNumber);
        }

        @Override
        public void destroy() {
        }
    }

    public static class Task extends Reader.Task {
        private DownloadTask task;

        @Override
        public void init() {
            task = new DownloadTask(getPluginJobConf());
        }

        @Override
        public void startRead(RecordSender recordSender) {
            task.run(recordSender);
        }

        @Override
        public void destroy() {
        }
    }
}
