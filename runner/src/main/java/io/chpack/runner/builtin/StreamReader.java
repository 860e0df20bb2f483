package io.chpack.runner.builtin;

import java.util.ArrayList;
import java.util.List;

import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.spi.Reader;
import com.alibaba.datax.common.util.Configuration;

/**
 * DataX's stock smoke-test reader, built into the chpack runner so that stock example jobs and quick
 * checks run without a plugin directory. Keys: {@code sliceRecordCount} (records per task, required) and
 * {@code column}: a list of {@code {"type": long|double|string|date|bool|bytes, "value": …}} or, for
 * generated data, {@code "random": "min,max"} (numbers; string length; dates as "yyyy-MM-dd HH:mm:ss"
 * UTC bounds) or {@code "incr": "start[,step]"} (long). Deterministic: the random source is seeded from
 * the task's slice number, so a rerun generates the same records.
 */
public class StreamReader extends Reader {

    public static class Job extends Reader.Job {
        private Configuration parameter;

        @Override
        public void init() {
            parameter = getPluginJobConf();
            StreamColumnSpec.parseAll(parameter);
            StreamColumnSpec.requireSliceRecordCount(parameter);
        }

        @Override
        public List<Configuration> split(int adviceNumber) {
            int slices = Math.max(1, adviceNumber);
            List<Configuration> result = new ArrayList<Configuration>(slices);
            for (int i = 0; i < slices; i++) {
                Configuration slice = parameter.clone();
                slice.set(StreamColumnSpec.SLICE_KEY, i);
                result.add(slice);
            }
            return result;
        }

        @Override
        public void destroy() {
        }
    }

    public static class Task extends Reader.Task {
        private List<StreamColumnSpec> columns;
        private long recordCount;
        private int slice;

        @Override
        public void init() {
            Configuration parameter = getPluginJobConf();
            columns = StreamColumnSpec.parseAll(parameter);
            recordCount = StreamColumnSpec.requireSliceRecordCount(parameter);
            slice = parameter.getInt(StreamColumnSpec.SLICE_KEY, 0);
        }

        @Override
        public void startRead(RecordSender recordSender) {
            StreamColumnSpec.Generator generator = new StreamColumnSpec.Generator(columns, slice);
            for (long i = 0; i < recordCount; i++) {
                Record record = recordSender.createRecord();
                generator.fill(record, i);
                recordSender.sendToWriter(record);
            }
            recordSender.flush();
        }

        @Override
        public void destroy() {
        }
    }
}
