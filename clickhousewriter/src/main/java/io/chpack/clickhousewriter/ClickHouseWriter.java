package io.chpack.clickhousewriter;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.plugin.RecordReceiver;
import com.alibaba.datax.common.spi.Writer;
import com.alibaba.datax.common.util.Configuration;

/**
 * Writes into ClickHouse: typed RowBinary blocks over HTTP (client-v2), one INSERT per block, retries that resend
 * the identical block, and three modes ({@code insert}, {@code dedup}, {@code staging}). A drop-in replacement
 * for DataX's stock clickhousewriter: its keys keep their meaning. See {@code doc/clickhousewriter.md}.
 */
public class ClickHouseWriter extends Writer {

    public static class Job extends Writer.Job {
        private static final Logger LOG = LoggerFactory.getLogger(Job.class);
        private ClickHouseWriterConfig config;
        private ClickHouseWriterPlanner planner;

        @Override
        public void init() {
            config = ClickHouseWriterConfig.parse(getPluginJobConf());
            if (!config.unknownKeys.isEmpty()) {
                LOG.warn("clickhousewriter ignores unknown parameter keys {} (typos?)", config.unknownKeys);
            }
            planner = new ClickHouseWriterPlanner(config, getPeerPluginJobConf());
        }

        @Override
        public void prepare() {
            planner.prepare();
        }

        @Override
        public List<Configuration> split(int mandatoryNumber) {
            return planner.split(mandatoryNumber, getPluginJobConf());
        }

        @Override
        public void post() {
            planner.post();
            List<String> lines = null;
            try {
                lines = getJobPluginCollector() == null ? null : getJobPluginCollector().getMessage("clickhousewriter.task");
            } catch (RuntimeException engineCannotTell) {
                // DataX's own DefaultJobPluginCollector throws an NPE here (built before its communicator exists);
                // the summary is informational and every task has logged its own line already
            }
            if (lines != null) {
                for (String l : lines) {
                    LOG.info("clickhousewriter {}", l);
                }
            }
        }

        @Override
        public void destroy() {
            if (planner != null) {
                planner.destroy();
            }
        }
    }

    public static class Task extends Writer.Task {
        private ClickHouseWriterTask task;
        private ClickHouseWriterConfig config;

        @Override
        public void init() {
            task = new ClickHouseWriterTask(getPluginJobConf());
            config = ClickHouseWriterConfig.parse(getPluginJobConf());
        }

        @Override
        public void prepare() {
            task.prepare();
        }

        @Override
        public void startWrite(RecordReceiver lineReceiver) {
            task.write(lineReceiver, getTaskPluginCollector());
        }

        @Override
        public void destroy() {
            if (task != null) {
                task.destroy();
            }
        }

        /** A rerun of a task is safe when blocks deduplicate or the task's staging table starts afresh. */
        @Override
        public boolean supportFailOver() {
            return config != null && config.mode != WriteMode.INSERT;
        }
    }
}
