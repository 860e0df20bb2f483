package io.chpack.bench.plugin;

import java.util.ArrayList;
import java.util.List;

import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.spi.Reader;
import com.alibaba.datax.common.util.Configuration;

/**
 * Bench-only reader ({@code benchgenreader}): {@code rows} records of the {@code schema} ({@code narrow} or
 * {@code wide}, see {@link BenchRows}), each a pure function of its global row index. The job splits the index
 * range into contiguous slices, so 1, 2 or 4 channels produce exactly the same set of rows — unlike the
 * built-in streamreader, whose random columns are seeded per slice. Loaded from the bench classes by the
 * plugin class loader's parent (the benchmark's child JVM puts them on its class path).
 */
public final class GenReader extends Reader {

    public static final class Job extends Reader.Job {
        private Configuration parameter;

        @Override
        public void init() {
            parameter = getPluginJobConf();
            BenchRows.schema(parameter.getString("schema", "narrow"));
        }

        @Override
        public List<Configuration> split(int adviceNumber) {
            long rows = parameter.getLong("rows");
            int slices = Math.max(1, adviceNumber);
            List<Configuration> result = new ArrayList<Configuration>(slices);
            for (int i = 0; i < slices; i++) {
                Configuration slice = parameter.clone();
                long first = rows * i / slices;
                slice.set("first", first);
                slice.set("count", rows * (i + 1) / slices - first);
                result.add(slice);
            }
            return result;
        }

        @Override
        public void destroy() {
        }
    }

    public static final class Task extends Reader.Task {
        private BenchRows.Schema schema;
        private long first;
        private long count;

        @Override
        public void init() {
            Configuration p = getPluginJobConf();
            schema = BenchRows.schema(p.getString("schema", "narrow"));
            first = p.getLong("first");
            count = p.getLong("count");
        }

        @Override
        public void startRead(RecordSender sender) {
            for (long i = first, end = first + count; i < end; i++) {
                Record r = sender.createRecord();
                schema.fill(i, r);
                sender.sendToWriter(r);
            }
            sender.flush();
        }

        @Override
        public void destroy() {
        }
    }
}
