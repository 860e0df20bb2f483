package io.chpack.runner.builtin;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.plugin.RecordReceiver;
import com.alibaba.datax.common.util.Configuration;

/**
 * DataX's stock smoke-test writer, built into the chpack runner. {@code print} (default true) writes each
 * record to standard output, columns joined by {@code fieldDelimiter} (default tab) in {@code encoding}
 * (default UTF-8); with {@code print: false} records are consumed and counted only, which makes it the
 * sink for engine benchmarks.
 */
public class StreamWriter extends com.alibaba.datax.common.spi.Writer {

    public static class Job extends com.alibaba.datax.common.spi.Writer.Job {
        @Override
        public void init() {
        }

        @Override
        public List<Configuration> split(int mandatoryNumber) {
            List<Configuration> slices = new ArrayList<Configuration>(mandatoryNumber);
            for (int i = 0; i < mandatoryNumber; i++) {
                slices.add(getPluginJobConf().clone());
            }
            return slices;
        }

        @Override
        public void destroy() {
        }
    }

    public static class Task extends com.alibaba.datax.common.spi.Writer.Task {
        private boolean print;
        private String delimiter;
        private Charset charset;

        @Override
        public void init() {
            Configuration parameter = getPluginJobConf();
            print = parameter.getBool("print", true);
            delimiter = parameter.getString("fieldDelimiter", "\t");
            String encoding = parameter.getString("encoding", "UTF-8");
            try {
                charset = Charset.forName(encoding);
            } catch (IllegalArgumentException e) {
                throw DataXException.asDataXException(CommonErrorCode.CONFIG_ERROR,
                        "job.content[0].writer.parameter.encoding: unknown encoding '" + encoding + "'");
            }
        }

        @Override
        public void startWrite(RecordReceiver receiver) {
            StringBuilder line = new StringBuilder(128);
            Record record;
            while ((record = receiver.getFromReader()) != null) {
                if (!print) {
                    continue;
                }
                line.setLength(0);
                for (int i = 0; i < record.getColumnNumber(); i++) {
                    if (i > 0) {
                        line.append(delimiter);
                    }
                    Column column = record.getColumn(i);
                    line.append(column == null || column.getRawData() == null ? "" : column.asString());
                }
                byte[] bytes = line.append('\n').toString().getBytes(charset);
                // One write per line: PrintStream.write is synchronized, so lines of concurrent tasks never interleave.
                System.out.write(bytes, 0, bytes.length);
            }
            System.out.flush();
        }

        @Override
        public void destroy() {
        }
    }
}
