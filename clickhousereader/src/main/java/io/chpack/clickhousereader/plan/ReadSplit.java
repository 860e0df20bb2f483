package io.chpack.clickhousereader.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.alibaba.datax.common.util.Configuration;
import io.chpack.clickhousereader.config.Keys;

/**
 * Everything one task needs to read its split, carried in the task's configuration under
 * {@link Keys#SPLIT}: the SELECT (row marker first, no FORMAT clause), the endpoints to try in order, the
 * shard each endpoint must belong to (cluster mode), the planned column names and types, and the query id.
 */
public final class ReadSplit {
    /** Where to read; in cluster mode {@code shard} is the shard the endpoint must say it belongs to. */
    public static final class Source {
        public final String url;
        public final int shard;

        public Source(String url, int shard) {
            this.url = url;
            this.shard = shard;
        }
    }

    public final int index;
    public final String label;
    public final String sql;
    public final String database;
    /** Cluster whose shard membership is checked before reading, or null. */
    public final String cluster;
    public final List<Source> sources;
    public final List<String> names;
    public final List<String> types;
    public final String queryId;
    /** Query settings: jdbcUrl parameters, then session/settings. */
    public final Map<String, String> settings;
    /** The server's timezone() as seen at planning, or null. */
    public final String serverTimeZone;

    public ReadSplit(int index, String label, String sql, String database, String cluster, List<Source> sources,
            List<String> names, List<String> types, String queryId, Map<String, String> settings, String serverTimeZone) {
        this.index = index;
        this.label = label;
        this.sql = sql;
        this.database = database;
        this.cluster = cluster;
        this.sources = Collections.unmodifiableList(sources);
        this.names = Collections.unmodifiableList(names);
        this.types = Collections.unmodifiableList(types);
        this.queryId = queryId;
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<String, String>(settings));
        this.serverTimeZone = serverTimeZone;
    }

    /** The task configuration: the job's parameter plus this split. */
    public Configuration into(Configuration parameter) {
        Configuration c = parameter.clone();
        Map<String, Object> m = new LinkedHashMap<String, Object>();
        m.put("index", index);
        m.put("label", label);
        m.put("sql", sql);
        m.put("database", database);
        m.put("cluster", cluster);
        List<Object> src = new ArrayList<Object>();
        for (Source s : sources) {
            Map<String, Object> sm = new LinkedHashMap<String, Object>();
            sm.put("url", s.url);
            sm.put("shard", s.shard);
            src.add(sm);
        }
        m.put("sources", src);
        m.put("names", new ArrayList<Object>(names));
        m.put("types", new ArrayList<Object>(types));
        m.put("queryId", queryId);
        m.put("settings", new LinkedHashMap<String, Object>(settings));
        m.put("serverTimeZone", serverTimeZone);
        c.set(Keys.SPLIT, m);
        return c;
    }

    public static ReadSplit from(Configuration taskConf) {
        Configuration s = taskConf.getConfiguration(Keys.SPLIT);
        if (s == null) {
            throw new IllegalStateException("the task configuration has no " + Keys.SPLIT
                    + " (was it produced by ClickHouseReader.Job.split?)");
        }
        List<Source> sources = new ArrayList<Source>();
        for (Configuration sc : s.getListConfiguration("sources")) {
            sources.add(new Source(sc.getString("url"), sc.getInt("shard", 0)));
        }
        return new ReadSplit(s.getInt("index"), s.getString("label"), s.getString("sql"), s.getString("database"),
                s.getString("cluster"), sources, s.getList("names", String.class), s.getList("types", String.class),
                s.getString("queryId"), settings(s), s.getString("serverTimeZone"));
    }

    private static Map<String, String> settings(Configuration s) {
        Map<String, String> out = new LinkedHashMap<String, String>();
        Map<String, Object> m = s.getMap("settings");
        if (m != null) {
            for (Map.Entry<String, Object> e : m.entrySet()) {
                out.put(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        return out;
    }
}
