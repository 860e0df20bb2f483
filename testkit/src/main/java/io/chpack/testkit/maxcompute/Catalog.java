package io.chpack.testkit.maxcompute;

import com.aliyun.odps.Column;
import com.aliyun.odps.OdpsType;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.Record;
import com.aliyun.odps.type.TypeInfo;
import com.aliyun.odps.type.TypeInfoParser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** In-memory projects, tables and partitions; every method is called under the emulator's lock. */
final class Catalog {
    /** The MaxCompute 1.0 types: the others need {@code odps.sql.type.system.odps2=true} when that is enforced. */
    private static final Set<OdpsType> ODPS1_TYPES = EnumSet.of(OdpsType.BIGINT, OdpsType.DOUBLE, OdpsType.STRING,
            OdpsType.DATETIME, OdpsType.BOOLEAN, OdpsType.DECIMAL);

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis());

    static final class ProjectState {
        final String name;
        final Map<String, TableState> tables = new TreeMap<>();
        final long createTime = System.currentTimeMillis();

        ProjectState(String name) {
            this.name = name;
        }
    }

    static final class PartitionState {
        /** Partition column (lower case) → value, in the table's partition column order; empty when unpartitioned. */
        final LinkedHashMap<String, String> spec;
        final long createTime = System.currentTimeMillis();
        long lastModified = createTime;
        /** Immutable; replaced as a whole on commit/truncate so download sessions keep a consistent snapshot. */
        List<Record> rows = List.of();

        PartitionState(LinkedHashMap<String, String> spec) {
            this.spec = spec;
        }
    }

    static final class TableState {
        final String project;
        final String name;
        final String id = Long.toHexString(IDS.incrementAndGet());
        final TableSchema schema;
        final String comment;
        final Long lifecycle;
        final long createTime = System.currentTimeMillis();
        long lastModified = createTime;
        /** Canonical spec ({@code k=v,k2=v2}, or "" when unpartitioned) → partition. */
        final Map<String, PartitionState> partitions = new TreeMap<>();

        TableState(String project, String name, TableSchema schema, String comment, Long lifecycle) {
            this.project = project;
            this.name = name;
            this.schema = schema;
            this.comment = comment;
            this.lifecycle = lifecycle;
            if (!isPartitioned()) {
                partitions.put("", new PartitionState(new LinkedHashMap<>()));
            }
        }

        boolean isPartitioned() {
            return !schema.getPartitionColumns().isEmpty();
        }

        /** The data columns (what tunnel records carry). */
        TableSchema dataSchema() {
            TableSchema s = new TableSchema();
            for (Column c : schema.getColumns()) {
                s.addColumn(c);
            }
            return s;
        }

        long recordCount() {
            long n = 0;
            for (PartitionState p : partitions.values()) {
                n += p.rows.size();
            }
            return n;
        }
    }

    private final Map<String, ProjectState> projects = new TreeMap<>();
    private final boolean requireOdps2Hints;

    Catalog(List<String> projectNames, boolean requireOdps2Hints) {
        for (String p : projectNames) {
            projects.put(p.toLowerCase(Locale.ROOT), new ProjectState(p));
        }
        this.requireOdps2Hints = requireOdps2Hints;
    }

    ProjectState project(String name) {
        return name == null ? null : projects.get(name.toLowerCase(Locale.ROOT));
    }

    TableState table(String project, String table) {
        ProjectState p = project(project);
        return p == null || table == null ? null : p.tables.get(table.toLowerCase(Locale.ROOT));
    }

    /**
     * Canonical form of a partition spec for {@code t}: {@code k=v,...} in the table's partition column order.
     * Accepts {@code k='v'}, {@code k="v"} and {@code k=v}, separated by commas or slashes.
     *
     * @throws IllegalArgumentException when the keys are not exactly the table's partition columns
     */
    static String canonicalSpec(TableState t, String spec) {
        return canonicalSpec(t, parseSpec(spec));
    }

    static String canonicalSpec(TableState t, Map<String, String> given) {
        List<Column> keys = t.schema.getPartitionColumns();
        if (keys.isEmpty()) {
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("table " + t.project + "." + t.name + " is not partitioned");
            }
            return "";
        }
        if (given.size() != keys.size()) {
            throw new IllegalArgumentException("partition spec " + given + " does not match the partition columns "
                    + names(keys) + " of table " + t.project + "." + t.name);
        }
        StringBuilder sb = new StringBuilder();
        for (Column k : keys) {
            String v = given.get(k.getName());
            if (v == null) {
                throw new IllegalArgumentException("partition spec " + given + " lacks partition column '"
                        + k.getName() + "' of table " + t.project + "." + t.name);
            }
            if (v.isEmpty()) {
                throw new IllegalArgumentException("partition column '" + k.getName() + "' has an empty value");
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(k.getName()).append('=').append(v);
        }
        return sb.toString();
    }

    static LinkedHashMap<String, String> specMap(TableState t, String canonical) {
        LinkedHashMap<String, String> m = new LinkedHashMap<>();
        if (canonical.isEmpty()) {
            return m;
        }
        int i = 0;
        List<Column> keys = t.schema.getPartitionColumns();
        // values may contain ',' or '=', so split by the known keys rather than by separators
        String rest = canonical;
        for (Column k : keys) {
            String prefix = k.getName() + "=";
            rest = rest.substring(prefix.length());
            String v;
            if (i + 1 < keys.size()) {
                int next = rest.indexOf("," + keys.get(i + 1).getName() + "=");
                v = rest.substring(0, next);
                rest = rest.substring(next + 1);
            } else {
                v = rest;
            }
            m.put(k.getName(), v);
            i++;
        }
        return m;
    }

    /** {@code a='x',b=2} or {@code a=x/b=2} → map with lower-cased keys and unquoted values. */
    static Map<String, String> parseSpec(String spec) {
        Map<String, String> m = new LinkedHashMap<>();
        if (spec == null || spec.trim().isEmpty()) {
            return m;
        }
        int i = 0;
        int n = spec.length();
        while (i < n) {
            int eq = spec.indexOf('=', i);
            if (eq < 0) {
                throw new IllegalArgumentException("invalid partition spec '" + spec + "'");
            }
            String key = spec.substring(i, eq).trim().replace("`", "").toLowerCase(Locale.ROOT);
            i = eq + 1;
            while (i < n && spec.charAt(i) == ' ') {
                i++;
            }
            String value;
            if (i < n && (spec.charAt(i) == '\'' || spec.charAt(i) == '"')) {
                char q = spec.charAt(i);
                int end = spec.indexOf(q, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("invalid partition spec '" + spec + "'");
                }
                value = spec.substring(i + 1, end);
                i = end + 1;
                while (i < n && spec.charAt(i) == ' ') {
                    i++;
                }
            } else {
                int end = i;
                while (end < n && spec.charAt(end) != ',' && spec.charAt(end) != '/') {
                    end++;
                }
                value = spec.substring(i, end).trim();
                i = end;
            }
            if (key.isEmpty() || m.put(key, value) != null) {
                throw new IllegalArgumentException("invalid partition spec '" + spec + "'");
            }
            if (i < n) {
                char sep = spec.charAt(i);
                if (sep != ',' && sep != '/') {
                    throw new IllegalArgumentException("invalid partition spec '" + spec + "'");
                }
                i++;
            }
        }
        return m;
    }

    private static List<String> names(List<Column> cols) {
        List<String> out = new ArrayList<>();
        for (Column c : cols) {
            out.add(c.getName());
        }
        return out;
    }

    /** Runs one parsed statement; returns a result text, throws with the service-like message on failure. */
    String execute(String defaultProject, SqlScript.Statement s, Map<String, String> hints) {
        String projectName = s.project != null ? s.project : defaultProject;
        ProjectState p = project(projectName);
        if (p == null) {
            throw new IllegalArgumentException("ODPS-0130013:Authorization exception - project '" + projectName
                    + "' does not exist or is not accessible");
        }
        String key = s.table.toLowerCase(Locale.ROOT);
        TableState t = p.tables.get(key);
        switch (s.kind) {
            case CREATE_TABLE: {
                if (t != null) {
                    if (s.ifNotExists) {
                        return "OK";
                    }
                    throw new IllegalArgumentException("ODPS-0130071:Semantic analysis exception - Table or view "
                            + "already exists - " + p.name + "." + key);
                }
                boolean odps2 = "true".equalsIgnoreCase(hints.get("odps.sql.type.system.odps2"));
                TableSchema schema = new TableSchema();
                Set<String> seen = new java.util.HashSet<>();
                for (SqlScript.ColumnDef c : s.columns) {
                    schema.addColumn(column(c, seen, odps2));
                }
                for (SqlScript.ColumnDef c : s.partitionColumns) {
                    Column col = column(c, seen, odps2);
                    OdpsType ty = col.getTypeInfo().getOdpsType();
                    if (ty != OdpsType.STRING && ty != OdpsType.VARCHAR && ty != OdpsType.CHAR
                            && ty != OdpsType.TINYINT && ty != OdpsType.SMALLINT && ty != OdpsType.INT
                            && ty != OdpsType.BIGINT) {
                        throw new IllegalArgumentException("ODPS-0130071:Semantic analysis exception - partition "
                                + "column '" + col.getName() + "' cannot have type " + ty);
                    }
                    schema.addPartitionColumn(col);
                }
                if (schema.getColumns().isEmpty()) {
                    throw new IllegalArgumentException("ODPS-0130071:Semantic analysis exception - a table needs "
                            + "at least one column");
                }
                p.tables.put(key, new TableState(p.name, key, schema, s.comment, s.lifecycle));
                return "OK";
            }
            case DROP_TABLE:
                if (t == null) {
                    if (s.ifExists) {
                        return "OK";
                    }
                    throw noTable(p.name, key);
                }
                p.tables.remove(key);
                return "OK";
            case ADD_PARTITION: {
                if (t == null) {
                    throw noTable(p.name, key);
                }
                List<String> specs = specs(t, s);
                for (String spec : specs) {
                    if (t.partitions.containsKey(spec)) {
                        if (!s.ifNotExists) {
                            throw new IllegalArgumentException("ODPS-0130071:Semantic analysis exception - "
                                    + "Partition already exists - " + spec);
                        }
                    } else {
                        t.partitions.put(spec, new PartitionState(specMap(t, spec)));
                    }
                }
                return "OK";
            }
            case DROP_PARTITION: {
                if (t == null) {
                    throw noTable(p.name, key);
                }
                for (String spec : specs(t, s)) {
                    if (t.partitions.remove(spec) == null && !s.ifExists) {
                        throw new IllegalArgumentException("ODPS-0130071:Semantic analysis exception - partition "
                                + "not found - " + spec);
                    }
                }
                return "OK";
            }
            case TRUNCATE: {
                if (t == null) {
                    throw noTable(p.name, key);
                }
                if (s.partitions.isEmpty()) {
                    for (PartitionState ps : t.partitions.values()) {
                        ps.rows = List.of();
                        ps.lastModified = System.currentTimeMillis();
                    }
                } else {
                    for (String spec : specs(t, s)) {
                        PartitionState ps = t.partitions.get(spec);
                        if (ps == null) {
                            throw new IllegalArgumentException("ODPS-0130071:Semantic analysis exception - "
                                    + "partition not found - " + spec);
                        }
                        ps.rows = List.of();
                        ps.lastModified = System.currentTimeMillis();
                    }
                }
                return "OK";
            }
            default:
                throw new IllegalStateException(s.kind.toString());
        }
    }

    private static List<String> specs(TableState t, SqlScript.Statement s) {
        List<String> out = new ArrayList<>();
        for (Map<String, String> m : s.partitions) {
            try {
                out.add(canonicalSpec(t, m));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ODPS-0130071:Semantic analysis exception - " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static IllegalArgumentException noTable(String project, String table) {
        return new IllegalArgumentException("ODPS-0130131:Table not found - '" + project + "." + table + "'");
    }

    private Column column(SqlScript.ColumnDef c, Set<String> seen, boolean odps2) {
        String name = c.name.toLowerCase(Locale.ROOT);
        if (!seen.add(name)) {
            throw new IllegalArgumentException("ODPS-0130071:Semantic analysis exception - column '" + name
                    + "' is defined twice");
        }
        TypeInfo ti;
        try {
            ti = TypeInfoParser.getTypeInfoFromTypeString(c.type);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("ODPS-0130071:Semantic analysis exception - invalid type '" + c.type
                    + "' of column '" + name + "': " + e.getMessage(), e);
        }
        if (requireOdps2Hints && !odps2 && !isOdps1(ti, c.type)) {
            throw new IllegalArgumentException("ODPS-0130141:Illegal implicit type cast - type " + ti.getTypeName()
                    + " of column '" + name + "' is only available with odps.sql.type.system.odps2=true");
        }
        Column col = new Column(name, ti, c.comment);
        col.setNullable(!c.notNull);
        return col;
    }

    private static boolean isOdps1(TypeInfo ti, String text) {
        if (!ODPS1_TYPES.contains(ti.getOdpsType())) {
            return false;
        }
        return ti.getOdpsType() != OdpsType.DECIMAL || !text.contains("(");
    }

    /** Table names of a project, sorted. */
    List<String> tableNames(ProjectState p) {
        return Collections.unmodifiableList(new ArrayList<>(p.tables.keySet()));
    }
}
