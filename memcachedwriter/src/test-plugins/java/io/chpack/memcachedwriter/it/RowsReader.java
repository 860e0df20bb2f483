package io.chpack.memcachedwriter.it;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.element.StringColumn;
import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.spi.Reader;
import com.alibaba.datax.common.util.Configuration;

/**
 * Test-only reader. {@code rows}: a list of rows, each a list of "type:value" cells (long, double, string,
 * bool, date (epoch ms, DATETIME), day (epoch ms, DATE), bytes (UTF-8 of the value), null:TYPE); all rows go to
 * slice 0. Or {@code generate}: {@code count} records per slice of (LongColumn id = slice * count + i,
 * StringColumn value of {@code valueBytes} characters). {@code gateDir} + {@code gateAfter}: slice 0 creates
 * {@code gateDir/reached} after that many records, then waits for {@code gateDir/go} (the test kills a node in
 * between).
 */
public class RowsReader extends Reader {
    public static class Job extends Reader.Job {
        private Configuration p;

        @Override
        public void init() {
            p = getPluginJobConf();
        }

        @Override
        public List<Configuration> split(int adviceNumber) {
            int n = p.get("rows") != null ? 1 : Math.max(1, adviceNumber);
            List<Configuration> out = new ArrayList<Configuration>();
            for (int i = 0; i < n; i++) {
                Configuration c = p.clone();
                c.set("slice", i);
                out.add(c);
            }
            return out;
        }

        @Override
        public void destroy() {
        }
    }

    public static class Task extends Reader.Task {
        private Configuration p;

        @Override
        public void init() {
            p = getPluginJobConf();
        }

        @Override
        public void startRead(RecordSender sender) {
            int slice = p.getInt("slice", 0);
            String gateDir = p.getString("gateDir");
            long gateAfter = p.getLong("gateAfter", -1);
            long sent = 0;
            if (p.get("rows") != null) {
                for (Object row : p.getList("rows")) {
                    Record r = sender.createRecord();
                    for (Object cell : (List<?>) row) {
                        r.addColumn(column(String.valueOf(cell)));
                    }
                    sender.sendToWriter(r);
                }
            } else {
                long count = p.getLong("generate.count");
                int valueBytes = p.getInt("generate.valueBytes", 100);
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < valueBytes; i++) {
                    sb.append((char) ('a' + i % 26));
                }
                String value = sb.toString();
                for (long i = 0; i < count; i++) {
                    if (slice == 0 && gateDir != null && sent == gateAfter) {
                        sender.flush();
                        gate(gateDir);
                    }
                    Record r = sender.createRecord();
                    r.addColumn(new LongColumn(slice * count + i));
                    r.addColumn(new StringColumn(value));
                    sender.sendToWriter(r);
                    sent++;
                }
            }
            sender.flush();
        }

        private static void gate(String dir) {
            try {
                new File(dir, "reached").createNewFile();
                long deadline = System.currentTimeMillis() + 60000;
                File go = new File(dir, "go");
                while (!go.exists()) {
                    if (System.currentTimeMillis() > deadline) {
                        throw new IllegalStateException("the test never opened the gate " + go);
                    }
                    Thread.sleep(5);
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }

        static Column column(String cell) {
            int colon = cell.indexOf(':');
            String type = cell.substring(0, colon);
            String v = cell.substring(colon + 1);
            if (type.equals("null")) {
                if (v.equals("long")) {
                    return new LongColumn((Long) null);
                } else if (v.equals("date")) {
                    return new DateColumn((Long) null);
                } else if (v.equals("bytes")) {
                    return new BytesColumn(null);
                }
                return new StringColumn(null);
            }
            if (type.equals("long")) {
                return new LongColumn(v);
            } else if (type.equals("double")) {
                return new DoubleColumn(v);
            } else if (type.equals("bool")) {
                return new BoolColumn(Boolean.valueOf(v));
            } else if (type.equals("date")) {
                return new DateColumn(new java.sql.Timestamp(Long.parseLong(v)));
            } else if (type.equals("day")) {
                return new DateColumn(new java.sql.Date(Long.parseLong(v)));
            } else if (type.equals("bytes")) {
                return new BytesColumn(v.getBytes(StandardCharsets.UTF_8));
            }
            return new StringColumn(v);
        }

        @Override
        public void destroy() {
        }
    }
}
