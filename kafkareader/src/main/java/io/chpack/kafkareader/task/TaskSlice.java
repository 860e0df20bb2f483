package io.chpack.kafkareader.task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.alibaba.datax.common.util.Configuration;

import io.chpack.kafkareader.plan.PartitionRange;

/** The ranges of one task, carried in its configuration under {@value #KEY}. */
public final class TaskSlice {
    public static final String KEY = "__kafkareader";

    private TaskSlice() {
    }

    public static void write(Configuration c, String planId, int task, List<PartitionRange> ranges) {
        List<Object> list = new ArrayList<Object>();
        for (PartitionRange r : ranges) {
            Map<String, Object> m = new LinkedHashMap<String, Object>();
            m.put("topic", r.topic);
            m.put("partition", r.partition);
            m.put("start", Long.toString(r.start));
            m.put("end", Long.toString(r.end));
            list.add(m);
        }
        c.set(KEY + ".planId", planId);
        c.set(KEY + ".task", task);
        c.set(KEY + ".ranges", list);
    }

    public static List<PartitionRange> ranges(Configuration c) {
        List<PartitionRange> out = new ArrayList<PartitionRange>();
        List<Configuration> list = c.getListConfiguration(KEY + ".ranges");
        if (list == null) {
            return out;
        }
        for (Configuration r : list) {
            out.add(new PartitionRange(r.getString("topic"), r.getInt("partition"), Long.parseLong(r.getString("start")),
                    Long.parseLong(r.getString("end"))));
        }
        return out;
    }
}
