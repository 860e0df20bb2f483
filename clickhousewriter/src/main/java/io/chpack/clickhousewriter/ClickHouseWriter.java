package io.chpack.clickhousewriter;

import java.util.List;

import com.alibaba.datax.common.plugin.RecordReceiver;
import com.alibaba.datax.common.spi.Writer;
import com.alibaba.datax.common.util.Configuration;
import io.chpack.common.NotYetImplemented;

/**
 * Writes into ClickHouse: typed RowBinary blocks over HTTP, exactly-once modes, cluster-aware.
 *
 * <p>Placeholder until its issue (clickhousewriter) lands: the plugin directory, plugin.json and class names are
 * final so the assembled home has its real layout, but every entry point refuses to run with a clear
 * error instead of pretending to move data.
 */
public class ClickHouseWriter extends Writer {

    public static class Job extends Writer.Job {
        @Override
        public void init() {
            throw NotYetImplemented.plugin("clickhousewriter");
        }

        @Override
        public List<Configuration> split(int mandatoryNumber) {
            throw NotYetImplemented.plugin("clickhousewriter");
        }

        @Override
        public void destroy() {
        }
    }

    public static class Task extends Writer.Task {
        @Override
        public void init() {
            throw NotYetImplemented.plugin("clickhousewriter");
        }

        @Override
        public void startWrite(RecordReceiver lineReceiver) {
            throw NotYetImplemented.plugin("clickhousewriter");
        }

        @Override
        public void destroy() {
        }
    }
}
