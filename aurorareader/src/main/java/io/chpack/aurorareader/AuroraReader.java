package io.chpack.aurorareader;

import java.util.List;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.spi.Reader;
import com.alibaba.datax.common.util.Configuration;
import io.chpack.aurorareader.config.ReadMode;
import io.chpack.aurorareader.task.JobMode;
import io.chpack.aurorareader.task.ModeReader;
import io.chpack.aurorareader.task.ModeRegistry;

/**
 * Reads Amazon Aurora (MySQL and PostgreSQL; also plain MySQL/MariaDB/PostgreSQL): parallel chunked full load
 * with resumable checkpoints, watermark incremental loads, and CDC (package {@code cdc}). Job and Task only
 * dispatch on {@code mode} to a {@link JobMode} and a {@link ModeReader}. See doc/aurorareader.md.
 */
public class AuroraReader extends Reader {

    public static class Job extends Reader.Job {
        private JobMode mode;

        @Override
        public void init() {
            Configuration p = getPluginJobConf();
            ReadMode m;
            try {
                m = ReadMode.parse(p.getString("mode", "full"));
            } catch (IllegalArgumentException e) {
                throw DataXException.asDataXException(AuroraErrorCode.CONFIG_ERROR, e.getMessage());
            }
            mode = ModeRegistry.jobMode(m);
            mode.init(p, getPeerPluginName(), getPeerPluginJobConf());
        }

        @Override
        public List<Configuration> split(int adviceNumber) {
            return mode.split(adviceNumber);
        }

        @Override
        public void post() {
            mode.post();
        }

        @Override
        public void destroy() {
            if (mode != null) {
                mode.destroy();
            }
        }
    }

    public static class Task extends Reader.Task {
        private ModeReader reader;

        @Override
        public void init() {
            Configuration slice = getPluginJobConf();
            ReadMode m = ReadMode.parse(slice.getString("mode", "full"));
            reader = ModeRegistry.taskReader(m);
            reader.init(slice, getTaskPluginCollector());
        }

        @Override
        public void startRead(RecordSender recordSender) {
            reader.read(recordSender);
        }

        @Override
        public void destroy() {
            if (reader != null) {
                reader.close();
            }
        }
    }
}
