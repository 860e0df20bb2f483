package io.chpack.aurorareader.task;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.plugin.TaskPluginCollector;
import com.alibaba.datax.common.util.Configuration;
import io.chpack.aurorareader.AuroraErrorCode;
import io.chpack.aurorareader.checkpoint.CheckpointStore;
import io.chpack.aurorareader.checkpoint.CheckpointStores;
import io.chpack.aurorareader.config.AuroraReaderConfig;
import io.chpack.aurorareader.config.Dialect;
import io.chpack.aurorareader.conn.ConnectionFactory;
import io.chpack.aurorareader.conn.IamTokens;
import io.chpack.aurorareader.conn.Instance;
import io.chpack.aurorareader.conn.SqlFailures;
import io.chpack.aurorareader.plan.Chunk;
import io.chpack.aurorareader.plan.ChunkSql;
import io.chpack.aurorareader.plan.ColumnInfo;
import io.chpack.aurorareader.plan.KeySpec;
import io.chpack.aurorareader.plan.Mappings;
import io.chpack.aurorareader.plan.SlicePlan;
import io.chpack.common.mapping.JdbcValueReader;
import io.chpack.common.mapping.SourceColumnMapping;
import io.chpack.common.mapping.SourceValueException;

/**
 * Reads a slice's chunks one after the other over a streaming result set (bounded memory: MariaDB/PgJDBC fetch
 * {@code fetchSize} rows at a time; PostgreSQL in a transaction so the cursor streams). When an instance fails
 * (refused, reset, shut down), the chunk continues on the next instance of the slice's list right after the
 * last key sent, so no row is sent twice. Each finished chunk is journaled in the checkpoint store.
 */
public final class ChunkedTableReader implements ModeReader {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkedTableReader.class);

    private AuroraReaderConfig config;
    private Configuration slice;
    private TaskPluginCollector collector;
    private ConnectionFactory factory;
    private CheckpointStore journal;
    private String taskKey;
    private final List<List<Instance>> instances = new ArrayList<>();
    private int[] current;
    private Connection[] open;
    private long cumulativeRows;
    private int chunksDone;
    private int failovers;
    private long rowsSinceStart;
    private boolean dropped;
    private java.util.function.Consumer<String> afterChunkHook;

    @Override
    public void init(Configuration slice, TaskPluginCollector collector) {
        this.slice = slice;
        this.collector = collector;
        this.config = AuroraReaderConfig.parse(slice);
        IamTokens iam = null;
        if (config.aurora != null && config.aurora.iamAuth) {
            try {
                iam = IamTokens.fromConfig(config.aurora);
            } catch (RuntimeException e) {
                throw DataXException.asDataXException(AuroraErrorCode.IAM_TOKEN_FAILED, e.getMessage(), e);
            }
        }
        this.factory = new ConnectionFactory(config, iam);
        for (Object l : slice.getList("__aurora.instances")) {
            List<Instance> list = new ArrayList<>();
            for (Object o : (List<?>) l) {
                list.add(Instance.decode(o.toString()));
            }
            instances.add(list);
        }
        current = new int[instances.size()];
        open = new Connection[instances.size()];
        taskKey = slice.getString("__aurora.attempt") + "/" + slice.getInt("__aurora.task");
        if (config.testAfterChunkHook != null) {
            afterChunkHook = afterChunkHook(config.testAfterChunkHook);
        }
        if (slice.getBool("__aurora.journal", false)) {
            journal = CheckpointStores.open(config.checkpoint, slice.getString("__aurora.checkpointId"));
        }
    }

    @Override
    public void read(RecordSender sender) {
        for (Object o : slice.getList("__aurora.items")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) o;
            readItem(SlicePlan.of(item), sender);
        }
        if (failovers > 0) {
            collector.collectMessage("failovers", Integer.toString(failovers));
        }
        LOG.info("task {}: {} chunks, {} rows, {} failovers", taskKey, chunksDone, cumulativeRows, failovers);
    }

    private void readItem(SlicePlan item, RecordSender sender) {
        Dialect d = instances.get(item.source).get(0).target.dialect;
        Chunk chunk = item.chunk;
        List<String> resumeAfter = null;
        long rowsInChunk = 0;
        int attempts = 0;
        int maxAttempts = Math.max(1, config.maxRetries) * instances.get(item.source).size();
        while (true) {
            Connection c = null;
            try {
                c = connection(item.source);
                long[] counter = {0};
                stream(c, d, item, chunk, resumeAfter, sender, counter);
                rowsInChunk += counter[0];
                if (d == Dialect.POSTGRES) {
                    try {
                        c.commit(); // ends the read-only cursor transaction
                    } catch (SQLException e) {
                        // Every row of the chunk was sent: the chunk is done; only this connection is lost.
                        LOG.warn("{} of {}: ending the transaction on {} failed ({}); the chunk is complete, the next "
                                + "one reconnects", chunk, item.what(), instance(item.source), e.getMessage());
                        closeConnection(item.source);
                    }
                }
                break;
            } catch (StreamFailure f) {
                rowsInChunk += f.rows;
                if (f.lastKey != null) {
                    resumeAfter = f.lastKey;
                }
                SQLException e = f.cause;
                if (!SqlFailures.isConnectionLevel(e) && !dead(c)) {
                    throw readFailed(item, chunk, e);
                }
                if (rowsInChunk > 0 && (item.key == null || !item.key.unique)) {
                    throw DataXException.asDataXException(AuroraErrorCode.READ_FAILED, chunk + " of " + item.what()
                            + " failed after " + rowsInChunk + " rows on " + instance(item.source) + " and cannot "
                            + "continue elsewhere without a unique key: " + e.getMessage(), e);
                }
                attempts = failover(item, chunk, e, attempts, maxAttempts);
            } catch (SQLException e) {
                // Failed before streaming (connect, prepare): move on when it is the instance's fault.
                if (SqlFailures.isAuthentication(e)) {
                    throw DataXException.asDataXException(AuroraErrorCode.AUTHENTICATION_FAILED, instance(item.source)
                            + " refused user '" + config.username + "': " + e.getMessage(), e);
                }
                if (!SqlFailures.isConnectionLevel(e)) {
                    throw readFailed(item, chunk, e);
                }
                attempts = failover(item, chunk, e, attempts, maxAttempts);
            }
        }
        try {
            sender.flush();
        } catch (RuntimeException e) {
            throw e;
        }
        cumulativeRows += rowsInChunk;
        chunksDone++;
        if (journal != null) {
            journal.recordChunk(chunk.id, "{\"task\":\"" + taskKey + "\",\"cum\":" + cumulativeRows + ",\"rows\":"
                    + rowsInChunk + "}");
        }
        if (afterChunkHook != null) {
            afterChunkHook.accept(chunk.id);
        }
        if (config.testFailAfterChunks >= 0 && chunksDone >= config.testFailAfterChunks) {
            throw DataXException.asDataXException(AuroraErrorCode.TEST_HOOK, "testHook.failAfterChunks="
                    + config.testFailAfterChunks + " reached after " + chunk);
        }
    }

    /**
     * {@code testHook.afterChunk} (tests only): the {@code Consumer<String>} stored under that name in the system
     * properties (a JDK type, so it crosses the engine's plugin class loaders), called with each finished chunk's
     * id on the task's thread before the next chunk starts.
     */
    @SuppressWarnings("unchecked")
    private static java.util.function.Consumer<String> afterChunkHook(String name) {
        Object hook = System.getProperties().get(name);
        if (!(hook instanceof java.util.function.Consumer)) {
            throw DataXException.asDataXException(AuroraErrorCode.CONFIG_ERROR, "testHook.afterChunk '" + name
                    + "' names no java.util.function.Consumer in the system properties");
        }
        return (java.util.function.Consumer<String>) hook;
    }

    /** Whether a connection is gone (some drivers report a lost connection as a closed result set). */
    private static boolean dead(Connection c) {
        if (c == null) {
            return true;
        }
        try {
            return c.isClosed() || !c.isValid(2);
        } catch (SQLException e) {
            return true;
        }
    }

    private int failover(SlicePlan item, Chunk chunk, SQLException e, int attempts, int maxAttempts) {
        Instance failed = instance(item.source);
        closeConnection(item.source);
        failovers++;
        attempts++;
        if (attempts >= maxAttempts) {
            throw DataXException.asDataXException(AuroraErrorCode.ALL_INSTANCES_FAILED, chunk + " of " + item.what()
                    + ": every instance failed (" + attempts + " attempts over " + instances.get(item.source)
                    + "); last error on " + failed + ": " + e.getMessage(), e);
        }
        current[item.source] = (current[item.source] + 1) % instances.get(item.source).size();
        LOG.warn("{} of {}: instance {} failed ({}); continuing on {}", chunk, item.what(), failed, e.getMessage(),
                instance(item.source));
        return attempts;
    }

    private DataXException readFailed(SlicePlan item, Chunk chunk, SQLException e) {
        return DataXException.asDataXException(AuroraErrorCode.READ_FAILED, chunk + " of " + item.what() + " on "
                + instance(item.source) + ": " + e.getMessage(), e);
    }

    private Instance instance(int source) {
        return instances.get(source).get(current[source]);
    }

    private Connection connection(int source) throws SQLException {
        if (open[source] == null) {
            open[source] = factory.open(instance(source).target);
        }
        return open[source];
    }

    private void closeConnection(int source) {
        if (open[source] != null) {
            try {
                open[source].close();
            } catch (SQLException | RuntimeException ignored) {
                // broken anyway
            }
            open[source] = null;
        }
    }

    /** A failure while streaming: how many rows were sent and the last key sent. */
    private static final class StreamFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final SQLException cause;
        final long rows;
        final List<String> lastKey;

        StreamFailure(SQLException cause, long rows, List<String> lastKey) {
            super(cause);
            this.cause = cause;
            this.rows = rows;
            this.lastKey = lastKey;
        }
    }

    private List<String> stream(Connection c, Dialect d, SlicePlan item, Chunk chunk, List<String> resumeAfter,
            RecordSender sender, long[] counter) throws SQLException, StreamFailure {
        Mappings mappings = new Mappings(d, config.readOptions);
        ChunkSql.Bound sql;
        List<JdbcValueReader> readers = new ArrayList<>();
        KeyTracker keys = null;
        if (item.query != null) {
            sql = null;
        } else {
            StringBuilder select = new StringBuilder();
            List<String> types = new ArrayList<>();
            for (ColumnInfo col : item.columns) {
                select.append(select.length() == 0 ? "" : ", ").append(selectExpression(d, col));
                SourceColumnMapping m = mappings.map(col, item.table);
                readers.add(m.reader());
                types.add(m.dataxType().name());
            }
            if (item.key != null && item.key.unique) {
                keys = new KeyTracker(item.key, item.columns, types, select, d);
            }
            sql = ChunkSql.select(d, select.toString(), d.quoteQualified(item.table), item.key, chunk, item.extra,
                    item.extraParams, resumeAfter, item.key != null && item.key.unique);
        }
        PreparedStatement ps = c.prepareStatement(item.query != null ? item.query : sql.sql,
                ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        long rows = 0;
        try {
            ps.setFetchSize(ConnectionFactory.streamingFetchSize(instance(item.source).target, config.fetchSize));
            if (sql != null) {
                sql.bind(d, item.key, ps);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (item.query != null) {
                    readers = queryReaders(rs.getMetaData(), d, mappings, item.query);
                }
                int n = readers.size();
                while (rs.next()) {
                    Record r = sender.createRecord();
                    boolean clean = true;
                    try {
                        for (int i = 0; i < n; i++) {
                            r.addColumn(readers.get(i).read(rs, i + 1));
                        }
                        sender.sendToWriter(r);
                    } catch (SourceValueException e) {
                        clean = false;
                        collector.collectDirtyRecord(r, e, e.getMessage());
                    }
                    if (keys != null) {
                        keys.track(rs, clean ? r : null);
                    }
                    rows++;
                    if (!dropped && config.testDropConnectionAfterRows >= 0
                            && ++rowsSinceStart > config.testDropConnectionAfterRows) {
                        // Test hook: the connection dies under a running chunk (as in an instance failure).
                        dropped = true;
                        c.abort(Runnable::run);
                    }
                }
            }
        } catch (SQLException e) {
            counter[0] = rows;
            throw new StreamFailure(e, rows, keys == null ? null : keys.last());
        } finally {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing a broken statement
            }
        }
        counter[0] = rows;
        return keys == null ? null : keys.last();
    }

    /**
     * MySQL temporal values are read as text by the type mapping; {@code CAST(c AS CHAR)} lets the server send
     * that text as it is instead of the driver parsing it into a LocalDateTime and formatting it back.
     */
    static String selectExpression(Dialect d, ColumnInfo col) {
        if (d == Dialect.MYSQL) {
            String t = col.type.toLowerCase(Locale.ROOT);
            if (t.startsWith("datetime") || t.startsWith("timestamp") || t.startsWith("date") || t.startsWith("time")
                    || t.startsWith("year")) {
                return "CAST(" + d.quote(col.name) + " AS CHAR)";
            }
        }
        return d.quote(col.name);
    }

    /**
     * The last key sent, kept cheaply: key columns that are also record columns with an exact raw value (LONG
     * digits, exact decimal or string text, bytes) are taken from the last record only when needed; the others
     * are selected once more and read as text per row.
     */
    static final class KeyTracker {
        private final KeySpec key;
        private final int[] fromRecord;
        private final int[] rsIndex;
        private final String[] fromRs;
        private Record lastRecord;
        private boolean any;

        KeyTracker(KeySpec key, List<ColumnInfo> columns, List<String> dataxTypes, StringBuilder select, Dialect d) {
            this.key = key;
            int n = key.size();
            fromRecord = new int[n];
            rsIndex = new int[n];
            fromRs = new String[n];
            int extra = columns.size();
            for (int k = 0; k < n; k++) {
                fromRecord[k] = -1;
                for (int i = 0; i < columns.size(); i++) {
                    if (columns.get(i).name.equals(key.columns.get(k)) && exact(key.kinds.get(k), dataxTypes.get(i))) {
                        fromRecord[k] = i;
                        rsIndex[k] = i + 1;
                    }
                }
                if (fromRecord[k] < 0) {
                    select.append(", ").append(d.quote(key.columns.get(k)));
                    rsIndex[k] = ++extra;
                }
            }
        }

        private static boolean exact(KeySpec.Kind kind, String dataxType) {
            switch (kind) {
                case BYTES:
                    return dataxType.equals("BYTES");
                case NUMBER:
                    return dataxType.equals("LONG") || dataxType.equals("DOUBLE");
                default:
                    return dataxType.equals("STRING") || dataxType.equals("LONG") || dataxType.equals("DOUBLE");
            }
        }

        void track(ResultSet rs, Record clean) throws SQLException {
            any = true;
            lastRecord = clean;
            for (int k = 0; k < fromRecord.length; k++) {
                if (fromRecord[k] < 0 || clean == null) {
                    fromRs[k] = key.kinds.get(k) == KeySpec.Kind.BYTES ? KeySpec.hex(rs.getBytes(rsIndex[k]))
                            : rs.getString(rsIndex[k]);
                }
            }
        }

        List<String> last() {
            if (!any) {
                return null;
            }
            List<String> out = new ArrayList<>(fromRecord.length);
            for (int k = 0; k < fromRecord.length; k++) {
                if (fromRecord[k] >= 0 && lastRecord != null) {
                    Object raw = lastRecord.getColumn(fromRecord[k]).getRawData();
                    out.add(raw instanceof byte[] ? KeySpec.hex((byte[]) raw) : String.valueOf(raw));
                } else {
                    out.add(fromRs[k]);
                }
            }
            return out;
        }
    }

    private static List<JdbcValueReader> queryReaders(ResultSetMetaData md, Dialect d, Mappings mappings, String query)
            throws SQLException {
        List<JdbcValueReader> out = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String name = md.getColumnLabel(i);
            String type = md.getColumnTypeName(i).toLowerCase(Locale.ROOT);
            int p = md.getPrecision(i);
            int s = md.getScale(i);
            if (type.startsWith("decimal") || type.equals("numeric") && p > 0 && p <= 1000) {
                type = type.replace(" unsigned", "") + "(" + p + "," + Math.max(0, s) + ")";
            } else if (d == Dialect.MYSQL && (type.equals("datetime") || type.equals("timestamp") || type.equals("time"))
                    && s > 0 && s <= 6) {
                type = type + "(" + s + ")";
            } else if (d == Dialect.POSTGRES && (type.equals("timestamp") || type.equals("timestamptz")
                    || type.equals("time")) && s >= 0 && s <= 6) {
                type = type + "(" + s + ")";
            }
            ColumnInfo col = new ColumnInfo(name, type, false, true, 0);
            try {
                out.add(mappings.map(col, "querySql").reader());
            } catch (DataXException e) {
                if (d != Dialect.POSTGRES) {
                    throw e;
                }
                out.add(mappings.map(new ColumnInfo(name, type, true, true, 0), "querySql").reader());
            }
        }
        return out;
    }

    @Override
    public void close() {
        for (int i = 0; open != null && i < open.length; i++) {
            closeConnection(i);
        }
        if (journal != null) {
            journal.close();
            journal = null;
        }
    }
}
