package io.chpack.clickhousereader;

import java.util.List;

import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.spi.Reader;
import com.alibaba.datax.common.util.Configuration;
import io.chpack.common.NotYetImplemented;

/**
 * Reads ClickHouse tables and queries in parallel, streaming RowBinary over HTTP, lossless types.
 *
 * <p>Placeholder until its issue (clickhousereader) lands: the plugin directory, plugin.json and class names are
 * final so the assembled home has its real layout, but every entry point refuses to run with a clear
 * error instead of pretending to move data.
 */
public class ClickHouseReader extends Reader {

    public static class Job extends Reader.Job {
        @Override
        public void init() {
            throw NotYetImplemented.plugin("clickhousereader");
        }

        @Override
        public List<Configuration> split(int adviceNumber) {
            throw NotYetImplemented.plugin("clickhousereader");
        }

        @Override
        public void destroy() {
        }
    }

    public static class Task extends Reader.Task {
        @Override
        public void init() {
            throw NotYetImplemented.plugin("clickhousereader");
        }

        @Override
        public void startRead(RecordSender recordSender) {
            throw NotYetImplemented.plugin("clickhousereader");
        }

        @Override
        public void destroy() {
        }
    }
}
