package io.chpack.kafkareader.offsets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.chpack.common.json.JsonNumber;
import io.chpack.common.json.JsonObject;
import io.chpack.common.json.JsonParser;
import io.chpack.common.json.JsonStrings;
import io.chpack.kafkareader.plan.OffsetPlan;
import io.chpack.kafkareader.plan.PartitionRange;

/**
 * Text forms of offsets and plans: the per-partition commit metadata of the group store
 * ({@code chpack-plan:1:<planId>:<start>:<end>}) and the JSON document of the checkpoint stores
 * ({@code {"version":1,"offsets":{"topic/0":12},"pending":{"planId":..,"ranges":[[topic,partition,start,end]]}}}).
 */
public final class PlanText {
    static final String META_PREFIX = "chpack-plan:1:";

    private PlanText() {
    }

    public static String metadata(OffsetPlan plan, PartitionRange r) {
        return META_PREFIX + plan.planId + ":" + r.start + ":" + r.end;
    }

    /** [planId, start, end] of a commit's metadata, or null when it is not a pending-plan marker. */
    public static String[] parseMetadata(String metadata) {
        if (metadata == null || !metadata.startsWith(META_PREFIX)) {
            return null;
        }
        String[] parts = metadata.substring(META_PREFIX.length()).split(":");
        if (parts.length != 3) {
            return null;
        }
        try {
            Long.parseLong(parts[1]);
            Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            return null;
        }
        return parts;
    }

    public static String document(Map<String, Long> offsets, OffsetPlan pending) {
        StringBuilder sb = new StringBuilder("{\"version\":1,\"offsets\":{");
        boolean first = true;
        for (Map.Entry<String, Long> e : new TreeMap<String, Long>(offsets).entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            JsonStrings.appendQuoted(sb, e.getKey()).append(':').append(e.getValue());
        }
        sb.append('}');
        if (pending != null) {
            sb.append(",\"pending\":{\"planId\":");
            JsonStrings.appendQuoted(sb, pending.planId).append(",\"ranges\":[");
            for (int i = 0; i < pending.ranges.size(); i++) {
                PartitionRange r = pending.ranges.get(i);
                if (i > 0) {
                    sb.append(',');
                }
                sb.append('[');
                JsonStrings.appendQuoted(sb, r.topic).append(',').append(r.partition).append(',').append(r.start)
                        .append(',').append(r.end).append(']');
            }
            sb.append("]}");
        }
        return sb.append('}').toString();
    }

    /** Parses {@link #document}; an empty or absent text is an empty state. */
    public static OffsetState parseDocument(String text) {
        Map<String, Long> offsets = new LinkedHashMap<String, Long>();
        if (text == null || text.trim().isEmpty()) {
            return new OffsetState(offsets, null);
        }
        Object root = JsonParser.parse(text);
        if (!(root instanceof JsonObject)) {
            throw new IllegalArgumentException("the checkpoint is not a JSON object");
        }
        JsonObject o = (JsonObject) root;
        OffsetPlan pending = null;
        for (int i = 0; i < o.size(); i++) {
            String name = o.nameAt(i);
            Object v = o.valueAt(i);
            if ("offsets".equals(name) && v instanceof JsonObject) {
                JsonObject m = (JsonObject) v;
                for (int k = 0; k < m.size(); k++) {
                    offsets.put(m.nameAt(k), Long.parseLong(((JsonNumber) m.valueAt(k)).text()));
                }
            } else if ("pending".equals(name) && v instanceof JsonObject) {
                JsonObject p = (JsonObject) v;
                String planId = null;
                List<PartitionRange> ranges = new ArrayList<PartitionRange>();
                for (int k = 0; k < p.size(); k++) {
                    if ("planId".equals(p.nameAt(k))) {
                        planId = (String) p.valueAt(k);
                    } else if ("ranges".equals(p.nameAt(k))) {
                        for (Object e : (List<?>) p.valueAt(k)) {
                            List<?> r = (List<?>) e;
                            ranges.add(new PartitionRange((String) r.get(0),
                                    Integer.parseInt(((JsonNumber) r.get(1)).text()),
                                    Long.parseLong(((JsonNumber) r.get(2)).text()),
                                    Long.parseLong(((JsonNumber) r.get(3)).text())));
                        }
                    }
                }
                if (planId == null) {
                    throw new IllegalArgumentException("the checkpoint's pending plan has no planId");
                }
                pending = new OffsetPlan(planId, ranges, true);
            }
        }
        return new OffsetState(offsets, pending);
    }
}
