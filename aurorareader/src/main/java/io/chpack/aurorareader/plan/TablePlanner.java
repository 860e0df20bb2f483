package io.chpack.aurorareader.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;
import io.chpack.aurorareader.AuroraErrorCode;
import io.chpack.aurorareader.cdc.CdcHandOff;
import io.chpack.aurorareader.checkpoint.CheckpointStore;
import io.chpack.aurorareader.checkpoint.CheckpointStores;
import io.chpack.aurorareader.config.AuroraReaderConfig;
import io.chpack.aurorareader.config.Dialect;
import io.chpack.aurorareader.config.ReadMode;
import io.chpack.aurorareader.conn.ConnectionFactory;
import io.chpack.aurorareader.conn.IamTokens;
import io.chpack.aurorareader.conn.Instance;
import io.chpack.aurorareader.ddl.DdlHelper;
import io.chpack.aurorareader.task.JobMode;
import io.chpack.common.mapping.SourceColumnMapping;

/**
 * FULL and WATERMARK planning: resolves instances, reads the catalog, cuts each table into key-range chunks
 * (boundaries found on the key index, sized from the row estimate), resumes from the checkpoint journal, and
 * spreads the chunks over the tasks. Commits (watermarks, load completion) happen in {@link #post()} only.
 */
public final class TablePlanner implements JobMode {
    private static final Logger LOG = LoggerFactory.getLogger(TablePlanner.class);
    static final String PLAN_KEY = "full-plan";
    /**
     * The CDC start captured by the run that planned the load ({@code cdc.captureStart}), kept with the plan so a
     * resumed load commits the position taken before its first chunk was read, never a later one.
     */
    static final String HANDOFF_PENDING_KEY = "cdc-handoff-pending";

    private Configuration parameter;
    private AuroraReaderConfig config;
    private String peerWriterName;
    private Configuration peerWriter;
    private CheckpointStore store;
    private String checkpointId;
    private final List<List<Instance>> instances = new ArrayList<>();
    private final List<Dialect> dialects = new ArrayList<>();
    private final Map<String, String> pendingWatermarks = new LinkedHashMap<>();
    private ConnectionFactory factory;
    /** The snapshot → CDC hand-off position of this load (cdc.captureStart), committed in {@link #post()} only. */
    private String handOffPosition;

    @Override
    public void init(Configuration parameter, String peerWriterName, Configuration peerWriter) {
        this.parameter = parameter;
        this.config = AuroraReaderConfig.parse(parameter);
        this.peerWriterName = peerWriterName;
        this.peerWriter = peerWriter;
        IamTokens iam = config.aurora != null && config.aurora.iamAuth ? iamTokens() : null;
        this.factory = new ConnectionFactory(config, iam);
        for (int i = 0; i < config.sources.size(); i++) {
            List<Instance> list = SourceConnections.resolve(config, config.sources.get(i), i);
            instances.add(list);
            dialects.add(list.get(0).target.dialect);
        }
        checkpointId = config.checkpoint == null ? null
                : config.checkpoint.id != null ? config.checkpoint.id : derivedId(parameter);
        store = CheckpointStores.open(config.checkpoint, checkpointId);
        if (config.cdcCaptureStart) {
            handOffPosition = captureHandOff();
        }
        if (config.ddl != null) {
            for (int s = 0; s < config.sources.size(); s++) {
                for (String table : config.sources.get(s).tables) {
                    try (SourceConnections.Opened o = SourceConnections.openFirst(factory, instances.get(s),
                            config.username)) {
                        TableMeta meta = loadMeta(o, table);
                        DdlHelper.run(config, meta, o.dialect(), peerWriter);
                    }
                }
            }
        }
    }

    /**
     * {@code cdc.captureStart}: the CDC start position, taken before any chunk is planned or read (the tasks' reads
     * all start later, so every transaction before the position is visible to them; later ones are replayed by
     * CDC). The capture runs against the one server the snapshot reads; a resumed load reuses the position its
     * first run captured (the chunks it skips were read after that position, not after a new one).
     */
    private String captureHandOff() {
        List<Instance> list = instances.get(0);
        if (list.size() != 1) {
            throw DataXException.asDataXException(AuroraErrorCode.CONFIG_ERROR, "parameter.cdc.captureStart needs the "
                    + "snapshot read from the server whose log position is captured, but the reader may read from "
                    + list.size() + " instances " + list + " (a lagging replica could miss changes committed before "
                    + "the position): give one jdbcUrl (the binlog/WAL source) or aurora.readFrom writer");
        }
        if (store != null && store.get(PLAN_KEY) != null) {
            String pending = store.get(HANDOFF_PENDING_KEY);
            if (pending != null) {
                LOG.info("cdc.captureStart: resuming the load planned with CDC start position {}; it is kept", pending);
                return pending;
            }
            LOG.warn("cdc.captureStart: the saved plan in {} was made without a captured CDC position; the load starts "
                    + "over so that no chunk is older than the position", store.describe());
            store.delete(PLAN_KEY);
            store.clearChunks();
        }
        Configuration capture = parameter.clone();
        capture.set("connection[0].jdbcUrl", Collections.singletonList(list.get(0).target.url()));
        capture.set("connection[0].table", new ArrayList<Object>(config.sources.get(0).tables));
        String position = CdcHandOff.capture(capture);
        if (store != null) {
            store.put(HANDOFF_PENDING_KEY, position);
        }
        LOG.info("cdc.captureStart: CDC start position {} captured on {} before the snapshot; committed when the job "
                + "succeeds", position, list.get(0));
        return position;
    }

    private IamTokens iamTokens() {
        try {
            return IamTokens.fromConfig(config.aurora);
        } catch (RuntimeException e) {
            throw DataXException.asDataXException(AuroraErrorCode.IAM_TOKEN_FAILED, "aurora.iamAuth: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Configuration> split(int adviceNumber) {
        int advice = Math.max(1, adviceNumber);
        String attempt = Long.toHexString(System.currentTimeMillis()) + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000));
        List<Map<String, Object>> work = new ArrayList<>(); // one entry per chunk: item + chunk
        Configuration savedPlan = loadSavedPlan();
        Map<String, Object> newPlan = new LinkedHashMap<>();
        Set<String> done = savedPlan != null ? doneChunks() : Collections.<String>emptySet();
        int total = 0;
        for (int s = 0; s < config.sources.size(); s++) {
            AuroraReaderConfig.Source source = config.sources.get(s);
            try (SourceConnections.Opened o = SourceConnections.openFirst(factory, instances.get(s), config.username)) {
                for (int q = 0; q < source.querySqls.size(); q++) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("source", s);
                    item.put("query", source.querySqls.get(q));
                    item.put("chunk", new Chunk("q" + s + "-" + q, null, null, false).toMap());
                    work.add(item);
                    total++;
                }
                for (int t = 0; t < source.tables.size(); t++) {
                    String table = source.tables.get(t);
                    String tableKey = s + "-" + t;
                    TableMeta meta = loadMeta(o, table);
                    Map<String, Object> item = tableItem(o, meta, s, tableKey);
                    List<Chunk> chunks;
                    List<Object> saved = savedPlan == null ? null : savedPlan.getList(tableKey);
                    if (item.containsKey("empty")) {
                        chunks = Collections.emptyList();
                    } else if (saved != null) {
                        chunks = new ArrayList<>();
                        for (Object c : saved) {
                            @SuppressWarnings("unchecked")
                            Map<String, Object> m = (Map<String, Object>) c;
                            chunks.add(Chunk.fromMap(m));
                        }
                    } else {
                        chunks = planChunks(o, meta, item, tableKey, advice);
                    }
                    List<Object> planned = new ArrayList<>();
                    for (Chunk c : chunks) {
                        planned.add(c.toMap());
                        total++;
                        if (done.contains(c.id)) {
                            continue;
                        }
                        Map<String, Object> w = new LinkedHashMap<>(item);
                        w.put("chunk", c.toMap());
                        work.add(w);
                    }
                    newPlan.put(tableKey, planned);
                    LOG.info("table {}: {} chunks on key {} (row estimate {}), {} to read", table, chunks.size(),
                            item.get("keyColumns"), meta.rowEstimate, chunks.size() - countDone(chunks, done));
                }
            } catch (SQLException e) {
                throw DataXException.asDataXException(AuroraErrorCode.PLAN_FAILED, "connection[" + s + "]: "
                        + e.getMessage(), e);
            }
        }
        if (store != null && config.mode == ReadMode.FULL && savedPlan == null) {
            store.clearChunks();
            store.put(PLAN_KEY, Configuration.from(newPlan).toJSON());
        }
        if (savedPlan != null) {
            LOG.info("resuming from checkpoint {}: {} of {} chunks are done and skipped, {} to read", store.describe(),
                    total - work.size(), total, work.size());
        }
        return distribute(work, advice, attempt);
    }

    private static int countDone(List<Chunk> chunks, Set<String> done) {
        int n = 0;
        for (Chunk c : chunks) {
            n += done.contains(c.id) ? 1 : 0;
        }
        return n;
    }

    private Configuration loadSavedPlan() {
        if (store == null || config.mode != ReadMode.FULL) {
            return null;
        }
        String json = store.get(PLAN_KEY);
        return json == null ? null : Configuration.from(json);
    }

    /**
     * The chunks of the failed run(s) that are certainly in the target: those after which the same task still
     * sent at least {@code replayRows} rows (more than the channel and the writer can hold unwritten). The others
     * are read again; a deduplicating target absorbs the repeats.
     */
    private Set<String> doneChunks() {
        String peerMode = peerWriter == null ? null : peerWriter.getString("mode");
        boolean clickhouse = writesClickHouse();
        if (clickhouse && "staging".equalsIgnoreCase(peerMode)) {
            LOG.info("the writer is clickhousewriter in staging mode: a failed run left nothing in the target, so the "
                    + "load starts over (the journal of the failed run is ignored)");
            store.clearChunks();
            return Collections.emptySet();
        }
        Map<String, String> journal = store.chunks();
        if (journal.isEmpty()) {
            return Collections.emptySet();
        }
        if (clickhouse && "dedup".equalsIgnoreCase(peerMode)
                && peerWriter.getString("jobId") == null) {
            throw DataXException.asDataXException(AuroraErrorCode.CONFIG_ERROR, "resuming checkpoint " + checkpointId
                    + " into clickhousewriter mode dedup would reuse the dedup tokens of the failed run for different "
                    + "rows (the server would drop them): give the writer a per-run parameter.jobId, or use mode insert "
                    + "into a ReplacingMergeTree ordered by the source key");
        }
        long replay = replayRows();
        Map<String, Long> lastByTask = new HashMap<>();
        Map<String, Configuration> entries = new HashMap<>();
        for (Map.Entry<String, String> e : journal.entrySet()) {
            Configuration c = Configuration.from(e.getValue());
            entries.put(e.getKey(), c);
            String task = c.getString("task");
            lastByTask.merge(task, c.getLong("cum"), Math::max);
        }
        Set<String> done = new HashSet<>();
        for (Map.Entry<String, Configuration> e : entries.entrySet()) {
            Configuration c = e.getValue();
            if (lastByTask.get(c.getString("task")) - c.getLong("cum") >= replay) {
                done.add(e.getKey());
            }
        }
        LOG.info("checkpoint journal: {} chunks recorded, {} certainly written (replay window {} rows per task)",
                journal.size(), done.size(), replay);
        // Chunks read again are recorded afresh by this run.
        for (String id : journal.keySet()) {
            if (!done.contains(id)) {
                entries.remove(id);
            }
        }
        return done;
    }

    /**
     * Whether the writer is clickhousewriter. DataX tells a reader job neither the writer's name (only the writer
     * learns its peer's) nor anything but the writer's parameter, so the parameter's shape decides.
     */
    private boolean writesClickHouse() {
        if ("clickhousewriter".equals(peerWriterName)) {
            return true;
        }
        if (peerWriter == null) {
            return false;
        }
        String url = peerWriter.getString("connection[0].jdbcUrl");
        return url != null && (url.contains("jdbc:clickhouse:") || url.contains("jdbc:ch:"));
    }

    private long replayRows() {
        if (config.checkpoint.replayRows >= 0) {
            return config.checkpoint.replayRows;
        }
        long batch = 65536;
        if (peerWriter != null && writesClickHouse()) {
            batch = peerWriter.getLong("batchSize", 65536L);
        }
        return 2 * batch + 4096;
    }

    private TableMeta loadMeta(SourceConnections.Opened o, String table) {
        try {
            return TableMeta.load(o.connection, o.dialect(), table);
        } catch (SQLException e) {
            throw DataXException.asDataXException(AuroraErrorCode.PLAN_FAILED, "table '" + table + "' on "
                    + o.instance + ": " + e.getMessage(), e);
        }
    }

    /** The slice entry of a table: select list with types, key, predicates. */
    private Map<String, Object> tableItem(SourceConnections.Opened o, TableMeta meta, int source, String tableKey)
            throws SQLException {
        Dialect d = o.dialect();
        Mappings mappings = new Mappings(d, config.readOptions);
        List<ColumnInfo> selected = new ArrayList<>();
        if (config.columns.size() == 1 && config.columns.get(0).equals("*")) {
            selected.addAll(meta.columns);
        } else {
            for (String n : config.columns) {
                String name = n.length() > 1 && (n.startsWith("`") || n.startsWith("\"")) ? n.substring(1, n.length() - 1) : n;
                ColumnInfo c = meta.column(name);
                if (c == null) {
                    throw DataXException.asDataXException(AuroraErrorCode.UNKNOWN_COLUMN, "parameter.column '" + n
                            + "' is not a column of table '" + meta.name + "' (expressions need querySql)");
                }
                selected.add(c);
            }
        }
        List<String> encoded = new ArrayList<>();
        for (ColumnInfo c : selected) {
            mappings.map(c, meta.name); // fails at job start for unsupported types
            encoded.add(c.encode());
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("source", source);
        item.put("table", meta.name);
        item.put("tableKey", tableKey);
        item.put("columns", encoded);
        KeySpec key = keySpec(meta, mappings);
        if (key != null) {
            item.put("keyColumns", key.columns);
            item.put("keyTypes", key.types);
            List<String> kinds = new ArrayList<>();
            for (KeySpec.Kind k : key.kinds) {
                kinds.add(k.name());
            }
            item.put("keyKinds", kinds);
            item.put("keyUnique", key.unique);
            item.put("keyNullable", key.nullable);
        }
        List<String> extra = new ArrayList<>();
        List<String> extraParams = new ArrayList<>();
        if (config.where != null) {
            extra.add(config.where);
        }
        if (config.mode == ReadMode.WATERMARK) {
            ColumnInfo wm = meta.column(config.watermarkColumn);
            if (wm == null) {
                throw DataXException.asDataXException(AuroraErrorCode.UNKNOWN_COLUMN, "parameter.watermark.column '"
                        + config.watermarkColumn + "' is not a column of table '" + meta.name + "'");
            }
            String wmKey = "watermark-" + tableKey;
            String lower = store.get(wmKey);
            if (lower == null) {
                lower = config.watermarkInitial;
            }
            String upper = max(o, meta, wm);
            String col = d.quote(wm.name);
            if (upper == null || upper.equals(lower)) {
                item.put("empty", Boolean.TRUE);
                LOG.info("table {}: no rows above watermark {} (max {})", meta.name, lower, upper);
            } else {
                if (lower != null) {
                    extra.add(col + " > " + cast(d, wm.type));
                    extraParams.add(lower);
                }
                extra.add(col + " <= " + cast(d, wm.type));
                extraParams.add(upper);
                pendingWatermarks.put(wmKey, upper);
                LOG.info("table {}: watermark range ({}, {}]", meta.name, lower == null ? "start" : lower, upper);
            }
        }
        item.put("extra", extra);
        item.put("extraParams", extraParams);
        return item;
    }

    private String max(SourceConnections.Opened o, TableMeta meta, ColumnInfo wm) throws SQLException {
        Dialect d = o.dialect();
        String sql = "SELECT MAX(" + d.quote(wm.name) + ") FROM " + d.quoteQualified(meta.name)
                + (config.where != null ? " WHERE (" + config.where + ")" : "");
        try (PreparedStatement ps = o.connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            String v = rs.next() ? rs.getString(1) : null;
            if (d == Dialect.POSTGRES) {
                o.connection.commit();
            }
            return v;
        }
    }

    /** A parameter placeholder typed like the column. */
    static String cast(Dialect d, String type) {
        if (d == Dialect.POSTGRES) {
            return "CAST(? AS " + type + ")";
        }
        String t = type.toLowerCase(Locale.ROOT);
        if (t.startsWith("datetime") || t.startsWith("timestamp")) {
            return "CAST(? AS DATETIME(6))";
        }
        if (t.startsWith("date")) {
            return "CAST(? AS DATE)";
        }
        if (t.contains("int") || t.startsWith("decimal") || t.startsWith("year")) {
            return "CAST(? AS DECIMAL(65,10))";
        }
        return "?";
    }

    private KeySpec keySpec(TableMeta meta, Mappings mappings) {
        List<String> cols = new ArrayList<>();
        boolean unique;
        boolean nullable = false;
        if (config.splitPk != null) {
            ColumnInfo c = meta.column(config.splitPk);
            if (c == null) {
                throw DataXException.asDataXException(AuroraErrorCode.UNKNOWN_COLUMN, "parameter.splitPk '"
                        + config.splitPk + "' is not a column of table '" + meta.name + "'");
            }
            cols.add(c.name);
            unique = meta.primaryKey.size() == 1 && meta.primaryKey.get(0).equals(c.name);
            nullable = c.nullable;
        } else if (!meta.primaryKey.isEmpty()) {
            cols.addAll(meta.primaryKey);
            unique = true;
        } else {
            LOG.warn("table {} has no primary key and no splitPk: it is read as one chunk", meta.name);
            return null;
        }
        List<String> types = new ArrayList<>();
        List<KeySpec.Kind> kinds = new ArrayList<>();
        for (String n : cols) {
            ColumnInfo c = meta.column(n);
            SourceColumnMapping m = mappings.map(c, meta.name);
            types.add(c.type);
            kinds.add(KeySpec.kindOf(c.type, m.dataxType().name()));
        }
        return new KeySpec(cols, types, kinds, unique, nullable);
    }

    static KeySpec keySpec(Map<String, Object> item) {
        if (item.get("keyColumns") == null) {
            return null;
        }
        List<String> cols = strings(item.get("keyColumns"));
        List<String> types = strings(item.get("keyTypes"));
        List<KeySpec.Kind> kinds = new ArrayList<>();
        for (String k : strings(item.get("keyKinds"))) {
            kinds.add(KeySpec.Kind.valueOf(k));
        }
        return new KeySpec(cols, types, kinds, bool(item.get("keyUnique")), bool(item.get("keyNullable")));
    }

    static boolean bool(Object o) {
        return o != null && (Boolean.TRUE.equals(o) || "true".equals(o.toString()));
    }

    static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List) {
            for (Object x : (List<?>) o) {
                out.add(x == null ? null : x.toString());
            }
        }
        return out;
    }

    private List<Chunk> planChunks(SourceConnections.Opened o, TableMeta meta, Map<String, Object> item,
            String tableKey, int advice) throws SQLException {
        KeySpec key = keySpec(item);
        List<Chunk> out = new ArrayList<>();
        if (key == null) {
            out.add(new Chunk(tableKey + "-0", null, null, false));
            return out;
        }
        long est = meta.rowEstimate;
        long chunkRows = config.chunkRows > 0 ? config.chunkRows
                : est <= 0 ? 100_000 : Math.max(10_000, Math.min(500_000, est / (advice * 4L)));
        Dialect d = o.dialect();
        String table = d.quoteQualified(meta.name);
        List<String> extra = strings(item.get("extra"));
        List<String> extraParams = strings(item.get("extraParams"));
        List<Chunk> computed = null;
        if (config.chunkRows == 0 && est >= 0 && est < chunkRows / 2) {
            out.add(new Chunk(tableKey + "-0", null, null, false));
        } else if ((computed = denseIntegerChunks(o, meta, key, est, chunkRows, tableKey)) != null) {
            out.addAll(computed);
        } else {
            List<String> after = null;
            int n = 0;
            while (true) {
                ChunkSql.Bound b = ChunkSql.boundary(d, table, key, extra, extraParams, after, chunkRows - 1);
                List<String> hi = null;
                try (PreparedStatement ps = o.connection.prepareStatement(b.sql)) {
                    b.bind(d, key, ps);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            hi = key.read(rs, 1);
                        }
                    }
                }
                out.add(new Chunk(tableKey + "-" + n++, after, hi, false));
                if (hi == null) {
                    break;
                }
                after = hi;
            }
            if (d == Dialect.POSTGRES) {
                o.connection.commit();
            }
        }
        if (key.nullable) {
            out.add(new Chunk(tableKey + "-null", null, null, true));
        }
        return out;
    }

    /** A single unique integer key column: MySQL/MariaDB {@code [tiny|small|medium|big]int[(n)] [unsigned]}, PostgreSQL int2/4/8. */
    private static final java.util.regex.Pattern INTEGER_TYPE = java.util.regex.Pattern.compile(
            "(?:tiny|small|medium|big)?int(?:eger)?(?:\\(\\d+\\))?(?: unsigned)?(?: zerofill)?|int[248]|smallserial|serial|bigserial");

    /**
     * The index walk skipped for a dense unique integer key: {@code MIN}/{@code MAX} of the key (two index ends,
     * no scan) and the row estimate say the key fills at least half of its range, so boundaries are computed as
     * {@code min - 1 + i × chunkRows}. A unique integer key holds at most {@code chunkRows} rows in such a range,
     * whatever the estimate's error; the first chunk is open below and the last open above (rows inserted outside
     * [min, max] while the load runs are covered, as with the walk). Deterministic for a given min and max, and kept
     * in the checkpoint plan like walked boundaries. Null when the key does not qualify: the walk then runs.
     */
    private List<Chunk> denseIntegerChunks(SourceConnections.Opened o, TableMeta meta, KeySpec key, long est,
            long chunkRows, String tableKey) throws SQLException {
        if (key.size() != 1 || !key.unique || key.kinds.get(0) != KeySpec.Kind.NUMBER || est <= 0
                || !INTEGER_TYPE.matcher(key.types.get(0).trim().toLowerCase(Locale.ROOT)).matches()) {
            return null;
        }
        Dialect d = o.dialect();
        String col = d.quote(key.columns.get(0));
        String min;
        String max;
        try (PreparedStatement ps = o.connection.prepareStatement("SELECT MIN(" + col + "), MAX(" + col + ") FROM "
                + d.quoteQualified(meta.name)); ResultSet rs = ps.executeQuery()) {
            rs.next();
            min = rs.getString(1);
            max = rs.getString(2);
        } finally {
            if (d == Dialect.POSTGRES) {
                o.connection.commit();
            }
        }
        List<String[]> bounds = denseBoundaries(min, max, est, chunkRows);
        if (bounds == null) {
            return null;
        }
        List<Chunk> out = new ArrayList<>();
        for (int i = 0; i < bounds.size(); i++) {
            String[] b = bounds.get(i);
            out.add(new Chunk(tableKey + "-" + i, b[0] == null ? null : Collections.singletonList(b[0]),
                    b[1] == null ? null : Collections.singletonList(b[1]), false));
        }
        LOG.info("table {}: dense integer key {} in [{}, {}] with ~{} rows: {} computed chunks of {} key values "
                + "(no index walk)", meta.name, key.columns.get(0), min, max, est, out.size(), chunkRows);
        return out;
    }

    /**
     * The (exclusive lo, inclusive hi) pairs of computed chunks, null ends open; null when min/max are absent or
     * not integers, or when the range is more than twice the row estimate (a sparse key: the walk keeps chunks even).
     */
    static List<String[]> denseBoundaries(String min, String max, long est, long chunkRows) {
        if (min == null || max == null || est <= 0 || chunkRows <= 0) {
            return null;
        }
        java.math.BigInteger lo;
        java.math.BigInteger hi;
        try {
            lo = new java.math.BigInteger(min.trim());
            hi = new java.math.BigInteger(max.trim());
        } catch (NumberFormatException e) {
            return null;
        }
        java.math.BigInteger range = hi.subtract(lo).add(java.math.BigInteger.ONE);
        if (range.signum() <= 0 || range.compareTo(java.math.BigInteger.valueOf(est).shiftLeft(1)) > 0) {
            return null;
        }
        java.math.BigInteger width = java.math.BigInteger.valueOf(chunkRows);
        long n = range.add(width).subtract(java.math.BigInteger.ONE).divide(width).longValue(); // ceil
        if (n > 1_000_000L) {
            return null;
        }
        List<String[]> out = new ArrayList<>();
        String after = null;
        java.math.BigInteger base = lo.subtract(java.math.BigInteger.ONE);
        for (long i = 1; i < n; i++) {
            String b = base.add(width.multiply(java.math.BigInteger.valueOf(i))).toString();
            out.add(new String[] {after, b});
            after = b;
        }
        out.add(new String[] {after, null});
        return out;
    }

    private List<Configuration> distribute(List<Map<String, Object>> work, int advice, String attempt) {
        int tasks = Math.max(1, Math.min(advice, work.size()));
        List<Configuration> out = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            int from = (int) ((long) work.size() * t / tasks);
            int to = (int) ((long) work.size() * (t + 1) / tasks);
            List<Object> items = new ArrayList<>(work.subList(from, to));
            Configuration c = parameter.clone();
            c.set("__aurora.attempt", attempt);
            c.set("__aurora.task", t);
            c.set("__aurora.checkpointId", checkpointId);
            c.set("__aurora.journal", store != null && config.mode == ReadMode.FULL);
            List<Object> inst = new ArrayList<>();
            for (int s = 0; s < instances.size(); s++) {
                List<Instance> list = instances.get(s);
                List<Object> enc = new ArrayList<>();
                // Cluster readers: task t starts on instance t mod n (spreading); URLs: in the listed order.
                int shift = list.get(0).role == Instance.Role.UNKNOWN ? 0 : t % list.size();
                for (int i = 0; i < list.size(); i++) {
                    enc.add(list.get((i + shift) % list.size()).encode());
                }
                inst.add(enc);
            }
            c.set("__aurora.instances", inst);
            c.set("__aurora.items", items);
            out.add(c);
        }
        return out;
    }

    @Override
    public void post() {
        if (handOffPosition != null) {
            CdcHandOff.commit(parameter, handOffPosition);
            LOG.info("cdc.captureStart: CDC start position {} committed for checkpoint {}", handOffPosition,
                    CdcHandOff.checkpointId(parameter));
        }
        if (store == null) {
            return;
        }
        for (Map.Entry<String, String> e : pendingWatermarks.entrySet()) {
            store.put(e.getKey(), e.getValue());
            LOG.info("committed {} = {} to {}", e.getKey(), e.getValue(), store.describe());
        }
        if (config.mode == ReadMode.FULL) {
            store.clearChunks();
            store.delete(PLAN_KEY);
            store.delete(HANDOFF_PENDING_KEY);
            store.put("full-completed", "{\"at\":" + System.currentTimeMillis() + "}");
            LOG.info("full load complete: checkpoint {} cleared", store.describe());
        }
    }

    @Override
    public void destroy() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    static String derivedId(Configuration parameter) {
        StringBuilder sb = new StringBuilder();
        for (String k : new String[] {"connection", "column", "where", "splitPk", "mode", "watermark.column",
                "aurora.clusterId", "querySql"}) {
            Object v = parameter.get(k);
            sb.append(k).append('=').append(v == null ? "" : parameter.getString(k)).append('\n');
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder("a");
            for (int i = 0; i < 8; i++) {
                hex.append(String.format("%02x", h[i] & 0xFF));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For tests and the task: the instance lists per source. */
    public List<List<Instance>> instances() {
        return instances;
    }

}
