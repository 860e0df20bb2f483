package io.chpack.kafkareader.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** parameter.column → {@link ColumnSpec}s, with the defaults and rules of each format. */
final class ColumnsParser {
    static final List<String> RAW_DEFAULT = Arrays.asList("key", "value", "topic", "partition", "offset",
            "timestamp");

    private ColumnsParser() {
    }

    static List<ColumnSpec> parse(Format format, List<Object> column) {
        List<Object> entries = column == null ? new ArrayList<Object>() : column;
        if (entries.isEmpty()) {
            if (format != Format.RAW) {
                throw KafkaReaderConfig.error("parameter.column is required for format " + format.key()
                        + ": a list of field names, or objects {\"name\", \"path\"|\"index\"|\"meta\", \"type\"}");
            }
            entries = new ArrayList<Object>(RAW_DEFAULT);
        }
        List<ColumnSpec> out = new ArrayList<ColumnSpec>();
        Set<String> names = new HashSet<String>();
        for (int i = 0; i < entries.size(); i++) {
            Object e = entries.get(i);
            ColumnSpec c = e instanceof Map ? fromObject(format, i, (Map<?, ?>) e) : fromString(format, i,
                    e == null ? "" : String.valueOf(e));
            if (!names.add(c.name)) {
                throw KafkaReaderConfig.error("parameter.column[" + i + "]: the name '" + c.name + "' is used twice");
            }
            out.add(c);
        }
        return out;
    }

    private static ColumnSpec fromString(Format format, int i, String s) {
        String name = s.trim();
        if (name.isEmpty()) {
            throw KafkaReaderConfig.error("parameter.column[" + i + "] is empty");
        }
        switch (format) {
            case RAW:
                return meta(i, name, name, null);
            case CSV:
                return new ColumnSpec(name, ColumnSpec.Type.AUTO, null, i, null, null);
            default:
                return new ColumnSpec(name, ColumnSpec.Type.AUTO, path(i, name), -1, null, null);
        }
    }

    private static ColumnSpec fromObject(Format format, int i, Map<?, ?> m) {
        for (Object k : m.keySet()) {
            if (!Arrays.asList("name", "path", "index", "meta", "type").contains(String.valueOf(k))) {
                throw KafkaReaderConfig.error("parameter.column[" + i + "]: unknown key '" + k
                        + "' (name, path, index, meta, type)");
            }
        }
        String name = str(m.get("name"));
        String path = str(m.get("path"));
        String index = str(m.get("index"));
        String meta = str(m.get("meta"));
        String type = str(m.get("type"));
        int sources = (path == null ? 0 : 1) + (index == null ? 0 : 1) + (meta == null ? 0 : 1);
        if (sources > 1) {
            throw KafkaReaderConfig.error("parameter.column[" + i + "]: give one of path, index, meta");
        }
        if (name == null) {
            name = meta != null ? meta : path;
        }
        if (name == null) {
            throw KafkaReaderConfig.error("parameter.column[" + i + "]: name is required");
        }
        ColumnSpec.Type t = ColumnSpec.Type.AUTO;
        if (type != null) {
            t = ColumnSpec.Type.parse(type);
            if (t == null) {
                throw KafkaReaderConfig.error("parameter.column[" + i + "].type must be one of auto, string, long, "
                        + "double, bool, date, bytes; got '" + type + "'");
            }
        }
        if (meta != null) {
            return meta(i, name, meta, t);
        }
        switch (format) {
            case RAW:
                throw KafkaReaderConfig.error("parameter.column[" + i + "]: format raw has only meta columns (key, "
                        + "value, headers, header:<name>, topic, partition, offset, timestamp, timestampType)");
            case CSV:
                if (path != null) {
                    throw KafkaReaderConfig.error("parameter.column[" + i + "]: format csv selects fields by index");
                }
                int idx = i;
                if (index != null) {
                    try {
                        idx = Integer.parseInt(index);
                    } catch (NumberFormatException e) {
                        idx = -1;
                    }
                    if (idx < 0) {
                        throw KafkaReaderConfig.error("parameter.column[" + i + "].index must be a field index >= 0, "
                                + "got '" + index + "'");
                    }
                }
                return new ColumnSpec(name, t, null, idx, null, null);
            default:
                if (index != null) {
                    throw KafkaReaderConfig.error("parameter.column[" + i + "]: format " + format.key()
                            + " selects fields by path");
                }
                return new ColumnSpec(name, t, path(i, path != null ? path : name), -1, null, null);
        }
    }

    private static ColumnSpec meta(int i, String name, String meta, ColumnSpec.Type type) {
        ColumnSpec.Meta m = ColumnSpec.Meta.parse(meta);
        if (m == null) {
            throw KafkaReaderConfig.error("parameter.column[" + i + "]: unknown meta column '" + meta + "' (key, "
                    + "value, headers, header:<name>, topic, partition, offset, timestamp, timestampType; debezium: "
                    + "op, deleted, version, tsMs)");
        }
        return new ColumnSpec(name, type == null ? ColumnSpec.Type.AUTO : type, null, -1, m,
                m == ColumnSpec.Meta.HEADER ? meta.substring(7) : null);
    }

    private static JsonPath path(int i, String p) {
        try {
            return JsonPath.parse(p);
        } catch (IllegalArgumentException e) {
            throw KafkaReaderConfig.error("parameter.column[" + i + "]: " + e.getMessage());
        }
    }

    private static String str(Object o) {
        if (o == null) {
            return null;
        }
        String s = String.valueOf(o).trim();
        return s.isEmpty() ? null : s;
    }
}
