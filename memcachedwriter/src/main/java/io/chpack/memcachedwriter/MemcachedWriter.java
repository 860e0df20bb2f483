package io.chpack.memcachedwriter;

import java.util.List;

import com.alibaba.datax.common.plugin.RecordReceiver;
import com.alibaba.datax.common.spi.Writer;
import com.alibaba.datax.common.util.Configuration;
import io.chpack.common.NotYetImplemented;

/**
 * Warms memcached from any reader: consistent hashing, pipelined writes, atomic warm-up.
 *
 * <p>Placeholder until its issue (memcachedwriter) lands: the plugin directory, plugin.json and class names are
 * final so the assembled home has its real layout, but every entry point refuses to run with a clear
 * error instead of pretending to move data.
 */
public class MemcachedWriter extends Writer {

    public static class Job extends Writer.Job {
        @Override
        public void init() {
            throw NotYetImplemented.plugin("memcachedwriter");
        }

        @Override
        public List<Configuration> split(int mandatoryNumber) {
            throw NotYetImplemented.plugin("memcachedwriter");
        }

        @Override
        public void destroy() {
        }
    }

    public static class Task extends Writer.Task {
        @Override
        public void init() {
            throw NotYetImplemented.plugin("memcachedwriter");
        }

        @Override
        public void startWrite(RecordReceiver lineReceiver) {
            throw NotYetImplemented.plugin("memcachedwriter");
        }

        @Override
        public void destroy() {
        }
    }
}
