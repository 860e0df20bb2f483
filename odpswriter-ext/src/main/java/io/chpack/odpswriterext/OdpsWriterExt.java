package io.chpack.odpswriterext;

import java.util.List;

import com.alibaba.datax.common.plugin.RecordReceiver;
import com.alibaba.datax.common.spi.Writer;
import com.alibaba.datax.common.util.Configuration;
import io.chpack.common.NotYetImplemented;

/**
 * Writes into Alibaba MaxCompute (ODPS) through the Tunnel SDK, atomic commit at job end.
 *
 * <p>Placeholder until its issue (odpswriter-ext) lands: the plugin directory, plugin.json and class names are
 * final so the assembled home has its real layout, but every entry point refuses to run with a clear
 * error instead of pretending to move data.
 */
public class OdpsWriterExt extends Writer {

    public static class Job extends Writer.Job {
        @Override
        public void init() {
            throw NotYetImplemented.plugin("odpswriter-ext");
        }

        @Override
        public List<Configuration> split(int mandatoryNumber) {
            throw NotYetImplemented.plugin("odpswriter-ext");
        }

        @Override
        public void destroy() {
        }
    }

    public static class Task extends Writer.Task {
        @Override
        public void init() {
            throw NotYetImplemented.plugin("odpswriter-ext");
        }

        @Override
        public void startWrite(RecordReceiver lineReceiver) {
            throw NotYetImplemented.plugin("odpswriter-ext");
        }

        @Override
        public void destroy() {
        }
    }
}
