package io.chpack.clickhousereader;

import java.text.SimpleDateFormat;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.spi.Reader;
import com.alibaba.datax.common.util.Configuration;
import io.chpack.clickhousereader.client.ConnectionSettings;
import io.chpack.clickhousereader.config.ClickHouseReaderConfig;
import io.chpack.clickhousereader.plan.ReadPlanner;
import io.chpack.clickhousereader.plan.ReadSplit;
import io.chpack.clickhousereader.task.SplitReader;
import io.chpack.common.convert.ConversionOptions;
import io.chpack.common.convert.ConversionOptionsReader;

/**
 * Reads ClickHouse tables and queries in parallel, streaming RowBinary over HTTP (client-v2), lossless types
 * (common's type mapping). A drop-in replacement for DataX's stock clickhousereader: the same keys, plus
 * partition/quantile splits, cluster reads and applied session settings. See doc/clickhousereader.md.
 */
public class ClickHouseReader extends Reader {

    public static class Job extends Reader.Job {
        private static final Logger LOG = LoggerFactory.getLogger(Job.class);
        private ReadPlanner planner;

        @Override
        public void init() {
            Configuration parameter = getPluginJobConf();
            ClickHouseReaderConfig config = ClickHouseReaderConfig.parse(parameter);
            if (parameter.get("fetchSize") != null) {
                LOG.info("parameter.fetchSize is accepted and not needed: results are streamed, never fetched in pages");
            }
            String jobTag = config.jobName != null ? config.jobName : generatedJobTag();
            planner = new ReadPlanner(config, parameter, jobTag);
            planner.resolve();
        }

        @Override
        public List<Configuration> split(int adviceNumber) {
            return planner.split(adviceNumber);
        }

        @Override
        public void destroy() {
            if (planner != null) {
                planner.close();
            }
        }

        /** Unique enough to tell this run's queries apart in system.processes / query_log. */
        private static String generatedJobTag() {
            SimpleDateFormat f = new SimpleDateFormat("yyyyMMddHHmmss", Locale.ROOT);
            f.setTimeZone(TimeZone.getTimeZone("UTC"));
            return f.format(new Date()) + "-" + Integer.toHexString(0x1000 + ThreadLocalRandom.current().nextInt(0xF000));
        }
    }

    public static class Task extends Reader.Task {
        private ReadSplit split;
        private ClickHouseReaderConfig config;
        private ConversionOptions options;

        @Override
        public void init() {
            Configuration conf = getPluginJobConf();
            this.config = ClickHouseReaderConfig.parse(conf);
            this.split = ReadSplit.from(conf);
            ZoneId serverZone = split.serverTimeZone == null ? null : ZoneId.of(split.serverTimeZone);
            this.options = new ConversionOptionsReader().read(conf, serverZone);
        }

        @Override
        public void startRead(RecordSender recordSender) {
            ConnectionSettings cs = new ConnectionSettings(config.username, config.password, split.database,
                    config.connectTimeoutMs, config.socketTimeoutMs, java.util.Collections.<String, String>emptyMap());
            new SplitReader(split, cs, options, config.retryTimes, config.retryIntervalMs, recordSender,
                    getTaskPluginCollector()).run();
        }

        @Override
        public void destroy() {
        }
    }
}
