package io.chpack.aurorareader.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One entry of a task's slice: a chunk of a table (or a querySql), with what is needed to read it. */
public final class SlicePlan {
    public final int source;
    public final String table;
    public final String query;
    public final List<ColumnInfo> columns;
    public final KeySpec key;
    public final List<String> extra;
    public final List<String> extraParams;
    public final Chunk chunk;

    private SlicePlan(int source, String table, String query, List<ColumnInfo> columns, KeySpec key,
            List<String> extra, List<String> extraParams, Chunk chunk) {
        this.source = source;
        this.table = table;
        this.query = query;
        this.columns = columns;
        this.key = key;
        this.extra = extra;
        this.extraParams = extraParams;
        this.chunk = chunk;
    }

    @SuppressWarnings("unchecked")
    public static SlicePlan of(Map<String, Object> item) {
        int source = Integer.parseInt(String.valueOf(item.get("source")));
        List<ColumnInfo> cols = new ArrayList<>();
        for (String s : TablePlanner.strings(item.get("columns"))) {
            cols.add(ColumnInfo.decode(s));
        }
        Object q = item.get("query");
        Object t = item.get("table");
        return new SlicePlan(source, t == null ? null : t.toString(), q == null ? null : q.toString(), cols,
                TablePlanner.keySpec(item), TablePlanner.strings(item.get("extra")),
                TablePlanner.strings(item.get("extraParams")), Chunk.fromMap((Map<String, Object>) item.get("chunk")));
    }

    public String what() {
        return query != null ? "querySql" : "table '" + table + "'";
    }
}
