package io.chpack.aurorareader.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One unit of reading and of checkpointing: the rows whose key is above {@code lo} (exclusive; null = from the
 * start) and at most {@code hi} (inclusive; null = to the end), or the rows whose nullable splitPk is NULL.
 * Its id is stable for the life of a plan ({@code <table index>-<chunk index>}).
 */
public final class Chunk {
    public final String id;
    public final List<String> lo;
    public final List<String> hi;
    public final boolean nullKeys;

    public Chunk(String id, List<String> lo, List<String> hi, boolean nullKeys) {
        this.id = id;
        this.lo = lo;
        this.hi = hi;
        this.nullKeys = nullKeys;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        if (lo != null) {
            m.put("lo", new ArrayList<>(lo));
        }
        if (hi != null) {
            m.put("hi", new ArrayList<>(hi));
        }
        if (nullKeys) {
            m.put("nulls", Boolean.TRUE);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    public static Chunk fromMap(Map<String, Object> m) {
        return new Chunk(String.valueOf(m.get("id")), strings((List<Object>) m.get("lo")),
                strings((List<Object>) m.get("hi")), Boolean.TRUE.equals(m.get("nulls"))
                        || "true".equals(String.valueOf(m.get("nulls"))));
    }

    private static List<String> strings(List<Object> l) {
        if (l == null) {
            return null;
        }
        List<String> out = new ArrayList<>(l.size());
        for (Object o : l) {
            out.add(o == null ? null : o.toString());
        }
        return out;
    }

    @Override
    public String toString() {
        return "chunk " + id + (nullKeys ? " (NULL keys)" : " (" + (lo == null ? "start" : lo) + ", "
                + (hi == null ? "end" : hi) + "]");
    }
}
