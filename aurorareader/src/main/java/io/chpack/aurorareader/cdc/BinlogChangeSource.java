package io.chpack.aurorareader.cdc;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import io.chpack.common.mapping.MysqlTypeMapping;
import io.chpack.common.mapping.SourceColumnMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL/MariaDB binlog change source (mysql-binlog-connector-java). A run connects as a replica with the
 * configured server id at the saved file/position, reads events on the client's thread into a bounded queue,
 * converts them on the caller's thread, and disconnects as soon as an event ends at or after the end position
 * (always: the client's reader thread is not a daemon).
 *
 * <p>Only committed changes are in a binlog (transactional engines write a transaction at commit; a rolled-back
 * one is never written), and a position from SHOW MASTER STATUS is a transaction boundary, so a run ends between
 * transactions. {@code _version} = (file index &lt;&lt; 32) + event start + 1 + the record's ordinal in the event,
 * which stays below the next event's start (a row image takes at least one byte), so versions grow strictly
 * along the log across files.
 */
public final class BinlogChangeSource implements ChangeSource {
    private static final Logger LOG = LoggerFactory.getLogger(BinlogChangeSource.class);
    private static final Pattern URL = Pattern.compile(
            "jdbc:(?:mysql|mariadb|mysql:aws)://([^:/?,]+)(?::(\\d+))?(?:/([^?;]*))?.*", Pattern.CASE_INSENSITIVE);
    private static final Object END = new Object();

    private final CdcSettings settings;
    private final String host;
    private final int port;
    private final String defaultDatabase;
    private final Connection connection;
    private final MysqlTypeMapping mapping;
    private final TimeZone sessionZone;

    public BinlogChangeSource(CdcSettings settings) {
        this.settings = settings;
        Matcher m = URL.matcher(settings.jdbcUrl);
        if (!m.matches()) {
            throw CdcErrorCode.BAD_CONFIG.error("not a MySQL/MariaDB JDBC URL: " + settings.jdbcUrl);
        }
        this.host = m.group(1);
        this.port = m.group(2) == null ? 3306 : Integer.parseInt(m.group(2));
        this.defaultDatabase = m.group(3) == null || m.group(3).isEmpty() ? null : m.group(3);
        this.mapping = new MysqlTypeMapping(settings.readOptions);
        this.sessionZone = TimeZone.getTimeZone(settings.readOptions.sessionTimeZone());
        this.connection = connect(settings);
    }

    private static Connection connect(CdcSettings s) {
        Properties p = new Properties();
        if (s.username != null) {
            p.setProperty("user", s.username);
        }
        if (s.password != null) {
            p.setProperty("password", s.password);
        }
        // MariaDB Connector/J serves jdbc:mysql: URLs only with permitMysqlScheme in the URL: use its own scheme.
        String url = s.jdbcUrl.replaceFirst("(?i)^jdbc:mysql:", "jdbc:mariadb:");
        try {
            Connection c = new org.mariadb.jdbc.Driver().connect(url, p);
            if (c == null) {
                throw CdcErrorCode.BAD_CONFIG.error("the MariaDB driver does not accept " + s.jdbcUrl);
            }
            return c;
        } catch (SQLException e) {
            throw CdcErrorCode.STREAM_FAILED.error("cannot connect to " + s.jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void checkPrerequisites() {
        Map<String, String> vars = new HashMap<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SHOW GLOBAL VARIABLES WHERE Variable_name IN "
                        + "('log_bin', 'binlog_format', 'binlog_row_image')")) {
            while (rs.next()) {
                vars.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
            }
        } catch (SQLException e) {
            throw CdcErrorCode.STREAM_FAILED.error("cannot read the binlog settings: " + e.getMessage(), e);
        }
        if (!"ON".equalsIgnoreCase(vars.get("log_bin"))) {
            throw CdcErrorCode.BINLOG_DISABLED.error("log_bin is " + vars.get("log_bin") + " on " + host + ":" + port
                    + "; CDC reads the binary log. On Aurora MySQL set binlog_format=ROW in the cluster parameter "
                    + "group (that enables it) and reboot; on MySQL/MariaDB start with --log-bin");
        }
        if (!"ROW".equalsIgnoreCase(vars.get("binlog_format"))) {
            throw CdcErrorCode.BINLOG_FORMAT_NOT_ROW.error("binlog_format is " + vars.get("binlog_format")
                    + "; CDC needs row images: set binlog_format=ROW (Aurora: cluster parameter group; MySQL/MariaDB: "
                    + "SET GLOBAL binlog_format = 'ROW' and reconnect the writers, or --binlog-format=ROW), then "
                    + "take a new snapshot: changes logged as statements cannot be replayed");
        }
        String image = vars.get("binlog_row_image");
        if (image != null && !"FULL".equalsIgnoreCase(image)) {
            throw CdcErrorCode.BINLOG_ROW_IMAGE_NOT_FULL.error("binlog_row_image is " + image
                    + "; CDC needs whole rows before and after each change: set binlog_row_image=FULL");
        }
        if (!hasReplicationGrants()) {
            throw CdcErrorCode.MISSING_REPLICATION_PRIVILEGE.error("user '" + settings.username
                    + "' lacks REPLICATION SLAVE and REPLICATION CLIENT (MariaDB 10.5+: BINLOG MONITOR): "
                    + "GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '" + settings.username + "'");
        }
    }

    private boolean hasReplicationGrants() {
        StringBuilder grants = new StringBuilder();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SHOW GRANTS")) {
            while (rs.next()) {
                grants.append(rs.getString(1).toUpperCase(Locale.ROOT)).append('\n');
            }
        } catch (SQLException e) {
            return false;
        }
        String g = grants.toString();
        if (g.contains("GRANT ALL PRIVILEGES ON *.*") || g.contains("SUPER")) {
            return true;
        }
        boolean slave = g.contains("REPLICATION SLAVE") || g.contains("REPLICATION REPLICA");
        boolean client = g.contains("REPLICATION CLIENT") || g.contains("BINLOG MONITOR");
        return slave && client;
    }

    @Override
    public void prepareHandOff() {
        // the binlog is retained by the server's expiry settings; nothing to create
    }

    @Override
    public CdcPosition currentPosition() {
        try {
            return currentPosition("SHOW MASTER STATUS");
        } catch (RuntimeException e) {
            if (e.getCause() instanceof SQLException && ((SQLException) e.getCause()).getErrorCode() == 1064) {
                return currentPosition("SHOW BINARY LOG STATUS"); // MySQL 8.4+ dropped SHOW MASTER STATUS
            }
            throw e;
        }
    }

    /**
     * A position with no gap towards a snapshot whose reads start after this call. SHOW MASTER STATUS alone is not
     * enough: a transaction's events reach the binlog (and the position moves past them) before its InnoDB commit
     * makes it visible, so a read in that instant would see neither the row nor, starting after the position, the
     * change. MariaDB: {@code START TRANSACTION WITH CONSISTENT SNAPSHOT} and the session's
     * {@code binlog_snapshot_file/position}, the binlog position exactly consistent with that InnoDB snapshot (what
     * mysqldump --single-transaction --master-data uses without a global lock); every later read sees at least what
     * that snapshot saw. MySQL (Aurora MySQL) has no such status: SHOW MASTER STATUS, then wait (at most 10 s) until
     * every InnoDB transaction that started before it has ended, read from information_schema.INNODB_TRX (needs the
     * PROCESS privilege; without it a warning is logged and the position is used as it is).
     */
    @Override
    public CdcPosition handOffPosition() {
        CdcPosition consistent = consistentSnapshotPosition();
        if (consistent != null) {
            return consistent;
        }
        CdcPosition p = currentPosition();
        waitForTransactionsStartedBefore(p);
        return p;
    }

    /** MariaDB's binlog position of a consistent InnoDB snapshot; null where the server does not report it. */
    CdcPosition consistentSnapshotPosition() {
        String file = null;
        long pos = -1;
        try (Statement st = connection.createStatement()) {
            st.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT");
            try (ResultSet rs = st.executeQuery("SHOW SESSION STATUS LIKE 'binlog_snapshot_%'")) {
                while (rs.next()) {
                    String name = rs.getString(1).toLowerCase(Locale.ROOT);
                    if (name.equals("binlog_snapshot_file")) {
                        file = rs.getString(2);
                    } else if (name.equals("binlog_snapshot_position")) {
                        pos = rs.getLong(2);
                    }
                }
            } finally {
                st.execute("COMMIT");
            }
        } catch (SQLException e) {
            throw CdcErrorCode.STREAM_FAILED.error("reading the consistent-snapshot binlog position failed: "
                    + e.getMessage(), e);
        }
        if (file == null || file.isEmpty() || pos < 4) {
            return null;
        }
        return CdcPosition.binlog(file, pos);
    }

    /** The MySQL fallback of {@link #handOffPosition()}: no commit that is in flight at {@code p} stays invisible. */
    void waitForTransactionsStartedBefore(CdcPosition p) {
        // INNODB_TRX is served from a cache that InnoDB refreshes only when it has not been read for 100 ms: each
        // poll comes 150 ms after the previous one (and after the position), so it sees the transactions of that
        // moment, unless other sessions keep reading the table more often (a stale list: best effort).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String sql = "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_started <= ?";
        try (Statement st = connection.createStatement(); ResultSet now = st.executeQuery("SELECT NOW()")) {
            now.next();
            String serverNow = now.getString(1);
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, serverNow);
                while (true) {
                    TimeUnit.MILLISECONDS.sleep(150);
                    long open;
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        open = rs.getLong(1);
                    }
                    if (open == 0) {
                        return;
                    }
                    if (System.nanoTime() - deadline >= 0) {
                        LOG.info("CDC hand-off at {}: {} transaction(s) that started before it are still open after "
                                + "10 s; they commit after the position and are replayed", p, open);
                        return;
                    }
                }
            }
        } catch (SQLException e) {
            LOG.warn("CDC hand-off at {}: cannot read information_schema.INNODB_TRX ({}); a transaction committing at "
                    + "this very moment could be missed by both the snapshot and CDC: GRANT PROCESS ON *.* TO '{}'",
                    p, e.getMessage(), settings.username);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CdcPosition currentPosition(String sql) {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                throw CdcErrorCode.BINLOG_DISABLED.error("SHOW MASTER STATUS returned nothing: binary logging is off");
            }
            return CdcPosition.binlog(rs.getString(1), rs.getLong(2));
        } catch (SQLException e) {
            if (e.getErrorCode() == 1227 || e.getErrorCode() == 1045) {
                throw CdcErrorCode.MISSING_REPLICATION_PRIVILEGE.error("SHOW MASTER STATUS was refused ("
                        + e.getMessage() + "): GRANT REPLICATION CLIENT (MariaDB 10.5+: BINLOG MONITOR) ON *.* TO '"
                        + settings.username + "'", e);
            }
            throw CdcErrorCode.STREAM_FAILED.error(sql + " failed: " + e.getMessage(), e);
        }
    }

    /** The binlog files the server still has, with their sizes. */
    private Map<String, Long> binaryLogs() {
        Map<String, Long> files = new LinkedHashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SHOW BINARY LOGS")) {
            while (rs.next()) {
                files.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == 1227) {
                throw CdcErrorCode.MISSING_REPLICATION_PRIVILEGE.error("SHOW BINARY LOGS was refused: "
                        + e.getMessage(), e);
            }
            throw CdcErrorCode.STREAM_FAILED.error("SHOW BINARY LOGS failed: " + e.getMessage(), e);
        }
        return files;
    }

    private void checkStillThere(CdcPosition from) {
        Map<String, Long> files = binaryLogs();
        Long size = files.get(from.file());
        if (size == null) {
            throw CdcErrorCode.BINLOG_PURGED.error("binlog file " + from.file() + " of the saved position " + from
                    + " is no longer on the server (it has " + files.keySet() + "): changes were lost; take a new "
                    + "snapshot (full load) and restart CDC from the position it records; raise the binlog "
                    + "retention (Aurora: CALL mysql.rds_set_configuration('binlog retention hours', 168))");
        }
        if (from.offset() > size) {
            throw CdcErrorCode.BINLOG_PURGED.error("saved position " + from + " is beyond the end of "
                    + from.file() + " (" + size + " bytes): the saved position is not from this server");
        }
    }

    @Override
    public CdcRunStats read(CdcPosition from, CdcPosition to, ChangeSink sink) {
        requireBinlog(from);
        requireBinlog(to);
        CdcRecords records = new CdcRecords(sink, settings.tableColumn);
        records.stats.end = to;
        if (from.compareTo(to) >= 0) {
            return records.stats;
        }
        checkStillThere(from);
        Map<String, CdcTable> tables = loadTables();
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(1024);
        BinaryLogClient client = new BinaryLogClient(host, port, settings.username, settings.password);
        client.setServerId(settings.serverId);
        client.setBinlogFilename(from.file());
        client.setBinlogPosition(from.offset());
        client.setKeepAlive(false);
        client.setEventDeserializer(BinlogRowDeserializers.eventDeserializer());
        client.registerEventListener(event -> put(queue, event));
        client.registerLifecycleListener(new BinaryLogClient.AbstractLifecycleListener() {
            @Override
            public void onCommunicationFailure(BinaryLogClient c, Exception ex) {
                put(queue, ex);
            }

            @Override
            public void onEventDeserializationFailure(BinaryLogClient c, Exception ex) {
                put(queue, ex);
            }

            @Override
            public void onDisconnect(BinaryLogClient c) {
                put(queue, END);
            }
        });
        Thread reader = new Thread(() -> {
            try {
                client.connect();
            } catch (IOException | RuntimeException e) {
                put(queue, e);
                put(queue, END);
            }
        }, "chpack-binlog-" + settings.serverId);
        reader.setDaemon(true);
        reader.start();
        try {
            consume(queue, tables, from, to, records);
        } finally {
            try {
                client.disconnect();
            } catch (IOException ignored) {
                // the run has what it needs
            }
            queue.clear(); // unblocks a listener waiting on a full queue
            try {
                reader.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return records.stats;
    }

    private static void put(BlockingQueue<Object> q, Object o) {
        try {
            while (!q.offer(o, 1, TimeUnit.SECONDS)) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void consume(BlockingQueue<Object> queue, Map<String, CdcTable> tables, CdcPosition from, CdcPosition to,
            CdcRecords records) {
        long deadline = System.currentTimeMillis() + settings.timeoutMillis;
        String file = from.file();
        Map<Long, CdcTable> byId = new HashMap<>();
        Map<Long, byte[]> typesById = new HashMap<>();
        boolean touched = false;
        while (true) {
            Object o;
            try {
                o = queue.poll(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw CdcErrorCode.STREAM_FAILED.error("interrupted while reading the binlog");
            }
            if (o == null) {
                throw CdcErrorCode.STREAM_FAILED.error("the binlog did not reach " + to + " within "
                        + settings.timeoutMillis / 1000 + " s (last file " + file + ")");
            }
            if (o == END) {
                throw CdcErrorCode.STREAM_FAILED.error("the binlog connection closed before reaching " + to);
            }
            if (o instanceof Exception) {
                throw mapFailure((Exception) o, from);
            }
            Event event = (Event) o;
            EventHeaderV4 h = event.getHeader();
            EventType type = h.getEventType();
            if (type == EventType.ROTATE) {
                file = ((RotateEventData) event.getData()).getBinlogFilename();
                if (CdcPosition.binlog(file, 4).compareTo(to) > 0) {
                    return; // passed the end (it was the end of the previous file)
                }
                continue;
            }
            long next = h.getNextPosition();
            if (next == 0) {
                continue; // artificial events (FORMAT_DESCRIPTION replay on connect) carry no position
            }
            long fileIndex = CdcPosition.binlog(file, 4).fileIndex();
            long start = next - h.getEventLength();
            long version = (Math.max(0, fileIndex) << 32) + start + 1;
            long ts = h.getTimestamp();
            switch (type) {
                case TABLE_MAP: {
                    TableMapEventData tm = event.getData();
                    CdcTable t = tables.get(key(tm.getDatabase(), tm.getTable()));
                    if (t != null) {
                        if (tm.getColumnTypes().length != t.width()) {
                            t = reloadTable(tm.getDatabase(), tm.getTable(), tm.getColumnTypes().length);
                            tables.put(key(tm.getDatabase(), tm.getTable()), t);
                        }
                        byId.put(tm.getTableId(), t);
                        typesById.put(tm.getTableId(), tm.getColumnTypes());
                    } else {
                        byId.remove(tm.getTableId());
                    }
                    break;
                }
                case WRITE_ROWS:
                case EXT_WRITE_ROWS: {
                    WriteRowsEventData d = event.getData();
                    CdcTable t = byId.get(d.getTableId());
                    if (t != null) {
                        touched = true;
                        ValueRow row = new ValueRow(t.width());
                        long k = 0;
                        for (Serializable[] r : d.getRows()) {
                            fill(row, t, typesById.get(d.getTableId()), r);
                            records.emit(t, row, 'c', version + k++, ts);
                        }
                    }
                    break;
                }
                case UPDATE_ROWS:
                case EXT_UPDATE_ROWS: {
                    UpdateRowsEventData d = event.getData();
                    CdcTable t = byId.get(d.getTableId());
                    if (t != null) {
                        touched = true;
                        byte[] types = typesById.get(d.getTableId());
                        ValueRow row = new ValueRow(t.width());
                        long k = 0;
                        for (Map.Entry<Serializable[], Serializable[]> e : d.getRows()) {
                            Object[] before = cells(t, types, e.getKey());
                            Object[] after = cells(t, types, e.getValue());
                            if (t.keyChanged(before, after)) {
                                setAll(row, before);
                                records.emit(t, row, 'd', version + k++, ts);
                                setAll(row, after);
                                records.emit(t, row, 'c', version + k++, ts);
                            } else {
                                setAll(row, after);
                                records.emit(t, row, 'u', version + k++, ts);
                            }
                        }
                    }
                    break;
                }
                case DELETE_ROWS:
                case EXT_DELETE_ROWS: {
                    DeleteRowsEventData d = event.getData();
                    CdcTable t = byId.get(d.getTableId());
                    if (t != null) {
                        touched = true;
                        ValueRow row = new ValueRow(t.width());
                        long k = 0;
                        for (Serializable[] r : d.getRows()) {
                            fill(row, t, typesById.get(d.getTableId()), r);
                            records.emit(t, row, 'd', version + k++, ts);
                        }
                    }
                    break;
                }
                case XID:
                    if (touched) {
                        records.stats.transactions++;
                    }
                    touched = false;
                    break;
                case QUERY: {
                    QueryEventData q = event.getData();
                    if ("COMMIT".equalsIgnoreCase(q.getSql().trim())) {
                        if (touched) {
                            records.stats.transactions++;
                        }
                        touched = false;
                    }
                    break;
                }
                default:
                    break;
            }
            if (CdcPosition.binlog(file, next).compareTo(to) >= 0) {
                return;
            }
        }
    }

    private RuntimeException mapFailure(Exception e, CdcPosition from) {
        String msg = String.valueOf(e.getMessage());
        if (e instanceof com.github.shyiko.mysql.binlog.network.ServerException) {
            int code = ((com.github.shyiko.mysql.binlog.network.ServerException) e).getErrorCode();
            if (code == 1227 || code == 1045 || msg.contains("REPLICATION SLAVE")) {
                return CdcErrorCode.MISSING_REPLICATION_PRIVILEGE.error("the binlog dump was refused (" + msg
                        + "): GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '" + settings.username + "'", e);
            }
            if (code == 1236) {
                return CdcErrorCode.BINLOG_PURGED.error("the server cannot serve the binlog from " + from + " (" + msg
                        + "): take a new snapshot and restart CDC from the position it records", e);
            }
        }
        if (msg.contains("Access denied")) {
            return CdcErrorCode.MISSING_REPLICATION_PRIVILEGE.error("binlog connection refused: " + msg, e);
        }
        return CdcErrorCode.STREAM_FAILED.error("reading the binlog failed: " + msg, e);
    }

    private void fill(ValueRow row, CdcTable t, byte[] types, Serializable[] r) {
        setAll(row, cells(t, types, r));
    }

    private static void setAll(ValueRow row, Object[] cells) {
        for (int i = 0; i < cells.length; i++) {
            row.set(i, cells[i]);
        }
    }

    private Object[] cells(CdcTable t, byte[] types, Serializable[] r) {
        if (r.length != t.width()) {
            throw CdcErrorCode.BINLOG_ROW_IMAGE_NOT_FULL.error("table " + t.qualified() + ": a row image has "
                    + r.length + " of " + t.width() + " columns; binlog_row_image must be FULL");
        }
        Object[] out = new Object[r.length];
        for (int i = 0; i < r.length; i++) {
            if (r[i] != null) {
                MysqlColumnInfo c = (MysqlColumnInfo) t.info.get(i);
                try {
                    out[i] = c.toDriverValue(r[i], types[i] & 0xFF, sessionZone);
                } catch (RuntimeException e) {
                    throw CdcErrorCode.STREAM_FAILED.error("table " + t.qualified() + " column '" + c.name()
                            + "': cannot convert binlog value " + r[i] + ": " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    private static String key(String db, String table) {
        return db + "\u0000" + table;
    }

    private Map<String, CdcTable> loadTables() {
        Map<String, CdcTable> out = new HashMap<>();
        for (String spec : settings.tables) {
            String db;
            String name;
            int dot = spec.indexOf('.');
            if (dot > 0) {
                db = unquote(spec.substring(0, dot));
                name = unquote(spec.substring(dot + 1));
            } else {
                db = defaultDatabase;
                name = unquote(spec);
            }
            if (db == null) {
                throw CdcErrorCode.BAD_CONFIG.error("table '" + spec + "' has no database and the URL names none");
            }
            out.put(key(db, name), describe(db, name));
        }
        return out;
    }

    private CdcTable reloadTable(String db, String name, int binlogColumns) {
        CdcTable t = describe(db, name);
        if (t.width() != binlogColumns) {
            throw CdcErrorCode.SCHEMA_CHANGED.error("table " + db + "." + name + " has " + t.width()
                    + " columns now but the binlog's row images have " + binlogColumns + ": its columns changed "
                    + "between the saved position and now; take a new snapshot");
        }
        return t;
    }

    /** Columns (information_schema order = binlog order), full-load mappings and the primary key. */
    CdcTable describe(String db, String name) {
        List<String> names = new ArrayList<>();
        List<SourceColumnMapping> maps = new ArrayList<>();
        List<Object> info = new ArrayList<>();
        List<Integer> key = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT c.COLUMN_NAME, c.COLUMN_TYPE, "
                + "c.CHARACTER_SET_NAME, (SELECT s.SEQ_IN_INDEX FROM information_schema.STATISTICS s "
                + "WHERE s.TABLE_SCHEMA = c.TABLE_SCHEMA AND s.TABLE_NAME = c.TABLE_NAME AND s.INDEX_NAME = 'PRIMARY' "
                + "AND s.COLUMN_NAME = c.COLUMN_NAME) FROM information_schema.COLUMNS c "
                + "WHERE c.TABLE_SCHEMA = ? AND c.TABLE_NAME = ? ORDER BY c.ORDINAL_POSITION")) {
            ps.setString(1, db);
            ps.setString(2, name);
            List<int[]> keyPos = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String col = rs.getString(1);
                    String type = rs.getString(2);
                    names.add(col);
                    maps.add(mapping.map(col, type));
                    info.add(new MysqlColumnInfo(col, type, rs.getString(3)));
                    int seq = rs.getInt(4);
                    if (!rs.wasNull()) {
                        keyPos.add(new int[] {seq, names.size() - 1});
                    }
                }
            }
            keyPos.sort((a, b) -> Integer.compare(a[0], b[0]));
            for (int[] k : keyPos) {
                key.add(k[1]);
            }
        } catch (SQLException e) {
            throw CdcErrorCode.STREAM_FAILED.error("cannot describe " + db + "." + name + ": " + e.getMessage(), e);
        }
        if (names.isEmpty()) {
            throw CdcErrorCode.UNKNOWN_TABLE.error("table " + db + "." + name + " does not exist (or the user "
                    + "cannot see it)");
        }
        if (key.isEmpty()) {
            throw CdcErrorCode.NO_KEY.error("table " + db + "." + name + " has no primary key: a "
                    + "ReplacingMergeTree target cannot tell its rows apart; add a primary key");
        }
        int[] k = new int[key.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = key.get(i);
        }
        return new CdcTable(db, name, names, maps, k, info);
    }

    private static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && t.startsWith("`") && t.endsWith("`")) {
            return t.substring(1, t.length() - 1).replace("``", "`");
        }
        return t;
    }

    private static void requireBinlog(CdcPosition p) {
        if (p.kind() != CdcPosition.Kind.BINLOG) {
            throw CdcErrorCode.POSITION_MISMATCH.error("position " + p + " is not a binlog position");
        }
    }

    @Override
    public void commit(CdcPosition position) {
        requireBinlog(position);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing
        }
    }
}
