package io.chpack.kafkareader;

import java.util.List;

import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.spi.Reader;
import com.alibaba.datax.common.util.Configuration;
import io.chpack.common.NotYetImplemented;

/**
 * Reads Kafka topics as bounded, resumable, exactly-once batches.
 *
 * <p>Placeholder until its issue (kafkareader) lands: the plugin directory, plugin.json and class names are
 * final so the assembled home has its real layout, but every entry point refuses to run with a clear
 * error instead of pretending to move data.
 */
public class KafkaReader extends Reader {

    public static class Job extends Reader.Job {
        @Override
        public void init() {
            throw NotYetImplemented.plugin("kafkareader");
        }

        @Override
        public List<Configuration> split(int adviceNumber) {
            throw NotYetImplemented.plugin("kafkareader");
        }

        @Override
        public void destroy() {
        }
    }

    public static class Task extends Reader.Task {
        @Override
        public void init() {
            throw NotYetImplemented.plugin("kafkareader");
        }

        @Override
        public void startRead(RecordSender recordSender) {
            throw NotYetImplemented.plugin("kafkareader");
        }

        @Override
        public void destroy() {
        }
    }
}
