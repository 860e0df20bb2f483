package io.chpack.clickhousereader.it;

import java.io.BufferedWriter;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.plugin.RecordReceiver;
import com.alibaba.datax.common.spi.Writer;
import com.alibaba.datax.common.util.Configuration;

/**
 * Test-only writer: every record becomes one line in {@code <dir>/part-<slice>.txt}, each column as
 * {@code TYPE:value} (raw data: BigInteger text, exact decimal text, string, hex bytes, epoch millis, boolean;
 * {@code \N} for NULL), tab-separated with \\, \t, \n escaped. Compiled at test time, loaded by the engine.
 */
public class CaptureWriter extends Writer {
    public static class Job extends Writer.Job {
        @Override
        public void init() {
        }

        @Override
        public List<Configuration> split(int mandatoryNumber) {
            List<Configuration> out = new ArrayList<Configuration>();
            for (int i = 0; i < mandatoryNumber; i++) {
                Configuration c = getPluginJobConf().clone();
                c.set("slice", i);
                out.add(c);
            }
            return out;
        }

        @Override
        public void destroy() {
        }
    }

    public static class Task extends Writer.Task {
        private File file;

        @Override
        public void init() {
            Configuration c = getPluginJobConf();
            file = new File(c.getString("dir"), "part-" + c.getInt("slice") + ".txt");
        }

        @Override
        public void startWrite(RecordReceiver receiver) {
            try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(file),
                    StandardCharsets.UTF_8))) {
                Record r;
                while ((r = receiver.getFromReader()) != null) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < r.getColumnNumber(); i++) {
                        Column c = r.getColumn(i);
                        b.append(i == 0 ? "" : "\t").append(c.getType().name()).append(':');
                        Object raw = c.getRawData();
                        if (raw == null) {
                            b.append("\\N");
                        } else if (raw instanceof byte[]) {
                            for (byte x : (byte[]) raw) {
                                b.append(String.format("%02X", x & 0xFF));
                            }
                        } else {
                            escape(b, raw.toString());
                        }
                    }
                    w.write(b.toString());
                    w.write('\n');
                }
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }

        private static void escape(StringBuilder b, String s) {
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch == '\\') {
                    b.append("\\\\");
                } else if (ch == '\t') {
                    b.append("\\t");
                } else if (ch == '\n') {
                    b.append("\\n");
                } else {
                    b.append(ch);
                }
            }
        }

        @Override
        public void destroy() {
        }
    }
}
