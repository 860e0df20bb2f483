package io.chpack.aurorareader.cdc;

import io.chpack.common.mapping.PostgresTypeMapping;
import io.chpack.common.mapping.SourceColumnMapping;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL change source: logical replication with the built-in {@code pgoutput} plugin (protocol 1) through
 * PgJDBC's replication API, from a slot and a publication.
 *
 * <p>Bounds: pgoutput sends each transaction whole at its commit, in commit order, and its Begin message carries
 * the commit record's LSN. A run from A to B sends the transactions whose commit LSN is in [A, B): the server
 * skips those before the start LSN, and the run stops at the first Begin at or after B, or once the server
 * reports (keepalive) that it has decoded past B. Positions are never confirmed while reading (automatic flush
 * is off); {@link #commit} advances the slot with {@code pg_replication_slot_advance} after the job succeeded, so
 * a failed job reruns from the same position.
 *
 * <p>{@code _version} is the LSN of the change's WAL record: for one row, changes are ordered by it (row locks
 * serialise writers, so a later change of a row has a later record). Values arrive as text in the walsender's
 * output format (DateStyle ISO, TimeZone UTC, extra_float_digits 3, bytea hex are set on the replication
 * connection) and go through the full load's readers via {@link ValueRow}.
 */
public final class PgChangeSource implements ChangeSource {
    private static final Logger LOG = LoggerFactory.getLogger(PgChangeSource.class);
    /** 2000-01-01T00:00:00Z in epoch milliseconds: PostgreSQL's timestamp epoch. */
    private static final long PG_EPOCH_MILLIS = 946_684_800_000L;

    private final CdcSettings settings;
    private final Connection connection;
    private final PostgresTypeMapping mapping;
    private final String slot;

    public PgChangeSource(CdcSettings settings) {
        this.settings = settings;
        this.mapping = new PostgresTypeMapping(settings.readOptions);
        this.connection = open(false);
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT current_database()")) {
            rs.next();
            this.slot = settings.slotName(rs.getString(1));
        } catch (SQLException e) {
            throw CdcErrorCode.STREAM_FAILED.error("cannot query " + settings.jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    private Connection open(boolean replication) {
        Properties p = new Properties();
        if (settings.username != null) {
            PGProperty.USER.set(p, settings.username);
        }
        if (settings.password != null) {
            PGProperty.PASSWORD.set(p, settings.password);
        }
        if (replication) {
            PGProperty.ASSUME_MIN_SERVER_VERSION.set(p, "10");
            PGProperty.REPLICATION.set(p, "database");
            PGProperty.PREFER_QUERY_MODE.set(p, "simple");
            PGProperty.OPTIONS.set(p, "-c TimeZone=UTC -c DateStyle=ISO -c IntervalStyle=postgres "
                    + "-c extra_float_digits=3 -c bytea_output=hex");
        }
        try {
            Connection c = new org.postgresql.Driver().connect(settings.jdbcUrl, p);
            if (c == null) {
                throw CdcErrorCode.BAD_CONFIG.error("not a PostgreSQL JDBC URL: " + settings.jdbcUrl);
            }
            return c;
        } catch (SQLException e) {
            if (replication && "28000".equals(e.getSQLState())) {
                throw CdcErrorCode.MISSING_REPLICATION_PRIVILEGE.error("replication connection refused ("
                        + e.getMessage() + "): the user needs the REPLICATION attribute (Aurora: GRANT rds_replication "
                        + "TO " + settings.username + ") and pg_hba must allow it", e);
            }
            throw CdcErrorCode.STREAM_FAILED.error("cannot connect to " + settings.jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    /** The slot this source reads. */
    public String slot() {
        return slot;
    }

    @Override
    public void checkPrerequisites() {
        String wal = single("SHOW wal_level");
        if (!"logical".equals(wal)) {
            throw CdcErrorCode.WAL_LEVEL_NOT_LOGICAL.error("wal_level is " + wal + "; logical replication needs "
                    + "wal_level=logical (Aurora: rds.logical_replication=1 in the cluster parameter group, reboot)");
        }
        ensureSlotAndPublication(settings.createSlot);
        for (String t : settings.tables) {
            String[] sn = split(t);
            String ident = single("SELECT c.relreplident FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "WHERE n.nspname = '" + sn[0].replace("'", "''") + "' AND c.relname = '" + sn[1].replace("'", "''")
                    + "'");
            if (ident == null) {
                throw CdcErrorCode.UNKNOWN_TABLE.error("table " + sn[0] + "." + sn[1] + " does not exist");
            }
            if (!"f".equals(ident)) {
                String msg = "table " + sn[0] + "." + sn[1] + " has REPLICA IDENTITY " + ("d".equals(ident) ? "DEFAULT"
                        : "n".equals(ident) ? "NOTHING" : "USING INDEX") + ": deletes carry only the key (other columns "
                        + "NULL) and updates that keep a TOASTed value cannot be replayed; run ALTER TABLE " + sn[0] + "."
                        + sn[1] + " REPLICA IDENTITY FULL";
                if (settings.requireReplicaIdentityFull || "n".equals(ident)) {
                    throw CdcErrorCode.REPLICA_IDENTITY.error(msg);
                }
                LOG.warn(msg);
            }
        }
    }

    private void ensureSlotAndPublication(boolean create) {
        String plugin = single("SELECT plugin FROM pg_replication_slots WHERE slot_name = '" + slot.replace("'", "''")
                + "'");
        if (plugin == null) {
            if (!create) {
                throw CdcErrorCode.SLOT_MISSING.error("replication slot " + slot + " missing: create it with SELECT "
                        + "pg_create_logical_replication_slot('" + slot + "', 'pgoutput') before the snapshot, or set "
                        + "cdc.createSlot=true");
            }
            exec("SELECT pg_create_logical_replication_slot('" + slot.replace("'", "''") + "', 'pgoutput')");
            LOG.info("created logical replication slot {}", slot);
        } else if (!"pgoutput".equals(plugin)) {
            throw CdcErrorCode.SLOT_MISSING.error("replication slot " + slot + " uses plugin " + plugin
                    + ", not pgoutput; use another cdc.slot");
        }
        String pub = settings.publication;
        if (single("SELECT pubname FROM pg_publication WHERE pubname = '" + pub.replace("'", "''") + "'") == null) {
            if (!create) {
                throw CdcErrorCode.PUBLICATION_MISSING.error("publication " + pub + " missing: CREATE PUBLICATION "
                        + pub + " FOR TABLE " + String.join(", ", settings.tables) + " (or set cdc.createSlot=true)");
            }
            List<String> quoted = new ArrayList<>();
            for (String t : settings.tables) {
                String[] sn = split(t);
                quoted.add(ident(sn[0]) + "." + ident(sn[1]));
            }
            exec("CREATE PUBLICATION " + ident(pub) + " FOR TABLE " + String.join(", ", quoted));
            LOG.info("created publication {}", pub);
        }
        for (String t : settings.tables) {
            String[] sn = split(t);
            if (single("SELECT tablename FROM pg_publication_tables WHERE pubname = '" + pub.replace("'", "''")
                    + "' AND schemaname = '" + sn[0].replace("'", "''") + "' AND tablename = '"
                    + sn[1].replace("'", "''") + "'") == null) {
                if (!create) {
                    throw CdcErrorCode.PUBLICATION_MISSING.error("publication " + pub + " does not publish " + sn[0]
                            + "." + sn[1] + ": ALTER PUBLICATION " + pub + " ADD TABLE " + sn[0] + "." + sn[1]);
                }
                exec("ALTER PUBLICATION " + ident(pub) + " ADD TABLE " + ident(sn[0]) + "." + ident(sn[1]));
            }
        }
    }

    @Override
    public void prepareHandOff() {
        ensureSlotAndPublication(settings.createSlot);
    }

    @Override
    public CdcPosition currentPosition() {
        return CdcPosition.lsn(single("SELECT pg_current_wal_lsn()"));
    }

    /**
     * {@code pg_current_wal_lsn()}, then waits until the transactions in progress at that moment have ended (or
     * 10 s passed): one whose commit record is before the LSN but which is not yet visible (between WAL insert and
     * proc-array update) would otherwise be neither in the snapshot nor replayed. Transactions still running
     * after 10 s commit after the LSN and are replayed.
     */
    @Override
    public CdcPosition handOffPosition() {
        CdcPosition p = currentPosition();
        String xips = single("SELECT string_agg(x::text, ',') FROM txid_snapshot_xip(txid_current_snapshot()) x");
        if (xips == null || xips.isEmpty()) {
            return p;
        }
        long deadline = System.currentTimeMillis() + 10_000L;
        String sql = "SELECT count(*) FROM unnest('{" + xips + "}'::bigint[]) x WHERE txid_status(x) = 'in progress'";
        while (System.currentTimeMillis() < deadline && !"0".equals(single(sql))) {
            try {
                TimeUnit.MILLISECONDS.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return p;
    }

    @Override
    public CdcRunStats read(CdcPosition from, CdcPosition to, ChangeSink sink) {
        requireLsn(from);
        requireLsn(to);
        CdcRecords records = new CdcRecords(sink, settings.tableColumn);
        records.stats.end = to;
        if (from.compareTo(to) >= 0) {
            return records.stats;
        }
        String confirmed = single("SELECT confirmed_flush_lsn FROM pg_replication_slots WHERE slot_name = '"
                + slot.replace("'", "''") + "'");
        if (confirmed == null) {
            throw CdcErrorCode.SLOT_MISSING.error("replication slot " + slot + " missing: the saved position " + from
                    + " cannot be served; take a new snapshot (with cdc.createSlot=true or a slot created first)");
        }
        if (CdcPosition.lsn(confirmed).compareTo(from) > 0) {
            throw CdcErrorCode.POSITION_MISMATCH.error("slot " + slot + " has confirmed " + confirmed
                    + ", after the saved position " + from + ": the changes in between are gone from the slot (another "
                    + "consumer advanced it?); take a new snapshot");
        }
        Map<String, CdcTable> wanted = new HashMap<>();
        for (String t : settings.tables) {
            String[] sn = split(t);
            wanted.put(sn[0] + "." + sn[1], describe(sn[0], sn[1]));
        }
        long deadline = System.currentTimeMillis() + settings.timeoutMillis;
        try (Connection rc = open(true)) {
            PGReplicationStream stream = rc.unwrap(PGConnection.class).getReplicationAPI().replicationStream()
                    .logical().withSlotName(slot).withStartPosition(LogSequenceNumber.valueOf(from.offset()))
                    .withSlotOption("proto_version", "1").withSlotOption("publication_names", settings.publication)
                    .withStatusInterval(1, TimeUnit.SECONDS).withAutomaticFlush(false).start();
            try {
                new Decoder(wanted, records, to).run(stream, deadline);
            } finally {
                stream.close();
            }
        } catch (SQLException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("does not exist") && m.contains("slot")) {
                throw CdcErrorCode.SLOT_MISSING.error("replication slot " + slot + " missing: " + m, e);
            }
            if (m.contains("publication") && m.contains("does not exist")) {
                throw CdcErrorCode.PUBLICATION_MISSING.error(m, e);
            }
            if (m.contains("must be superuser or replication role") || m.contains("permission denied")) {
                throw CdcErrorCode.MISSING_REPLICATION_PRIVILEGE.error(m, e);
            }
            throw CdcErrorCode.STREAM_FAILED.error("logical replication from " + slot + " failed: " + m, e);
        }
        return records.stats;
    }

    /** pgoutput protocol 1 messages → records. */
    private final class Decoder {
        private final Map<String, CdcTable> wanted;
        private final CdcRecords records;
        private final long end;
        private final Map<Integer, Relation> relations = new HashMap<>();
        private boolean inTx;
        private boolean touched;
        private long commitMillis;

        Decoder(Map<String, CdcTable> wanted, CdcRecords records, CdcPosition to) {
            this.wanted = wanted;
            this.records = records;
            this.end = to.offset();
        }

        void run(PGReplicationStream stream, long deadline) throws SQLException {
            while (true) {
                ByteBuffer msg = stream.readPending();
                if (msg == null) {
                    if (!inTx && Long.compareUnsigned(stream.getLastReceiveLSN().asLong(), end) >= 0) {
                        return; // the server decoded past the end: nothing before it is left
                    }
                    if (System.currentTimeMillis() > deadline) {
                        throw CdcErrorCode.STREAM_FAILED.error("logical replication did not reach "
                                + CdcPosition.lsn(end) + " within " + settings.timeoutMillis / 1000 + " s (at "
                                + stream.getLastReceiveLSN().asString() + ")");
                    }
                    try {
                        TimeUnit.MILLISECONDS.sleep(5); // PgJDBC's non-blocking read pattern
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw CdcErrorCode.STREAM_FAILED.error("interrupted while reading " + slot);
                    }
                    continue;
                }
                long lsn = stream.getLastReceiveLSN().asLong();
                if (!handle(msg, lsn)) {
                    return;
                }
            }
        }

        /** @return false when the run is complete */
        private boolean handle(ByteBuffer b, long lsn) {
            char type = (char) b.get();
            switch (type) {
                case 'B': {
                    long finalLsn = b.getLong();
                    long commitMicros = b.getLong();
                    if (Long.compareUnsigned(finalLsn, end) >= 0) {
                        return false; // committed after the end: the next run's
                    }
                    commitMillis = PG_EPOCH_MILLIS + Math.floorDiv(commitMicros, 1000L);
                    inTx = true;
                    touched = false;
                    return true;
                }
                case 'C':
                    inTx = false;
                    if (touched) {
                        records.stats.transactions++;
                    }
                    return true;
                case 'R': {
                    int relId = b.getInt();
                    String ns = string(b);
                    String rel = string(b);
                    b.get(); // replica identity
                    int n = b.getShort();
                    String[] names = new String[n];
                    for (int i = 0; i < n; i++) {
                        b.get(); // flags
                        names[i] = string(b);
                        b.getInt(); // type oid
                        b.getInt(); // typmod
                    }
                    CdcTable t = wanted.get(ns + "." + rel);
                    if (t != null) {
                        t = reconcile(t, names);
                        wanted.put(ns + "." + rel, t);
                        relations.put(relId, new Relation(t, names));
                    } else {
                        relations.remove(relId);
                    }
                    return true;
                }
                case 'I': {
                    Relation r = relations.get(b.getInt());
                    b.get(); // 'N'
                    Object[] row = tuple(b, r);
                    if (r != null) {
                        emit(r, row, 'c', lsn);
                    }
                    return true;
                }
                case 'U': {
                    Relation r = relations.get(b.getInt());
                    byte k = b.get();
                    Object[] old = null;
                    if (k == 'K' || k == 'O') {
                        old = tuple(b, r);
                        k = b.get();
                    }
                    Object[] neu = tuple(b, r);
                    if (r == null) {
                        return true;
                    }
                    for (int i = 0; i < neu.length; i++) {
                        if (neu[i] == UNCHANGED) {
                            if (old == null || old[i] == UNCHANGED) {
                                throw CdcErrorCode.REPLICA_IDENTITY.error("table " + r.table.qualified() + " column '"
                                        + r.table.columnNames.get(i) + "': an update kept a TOASTed value the server "
                                        + "does not resend; ALTER TABLE " + r.table.qualified() + " REPLICA IDENTITY FULL "
                                        + "and take a new snapshot");
                            }
                            neu[i] = old[i];
                        }
                    }
                    if (old != null && r.table.keyChanged(old, neu)) {
                        emit(r, old, 'd', lsn);
                        emit(r, neu, 'c', lsn);
                    } else {
                        emit(r, neu, 'u', lsn);
                    }
                    return true;
                }
                case 'D': {
                    Relation r = relations.get(b.getInt());
                    b.get(); // 'K' or 'O'
                    Object[] old = tuple(b, r);
                    if (r != null) {
                        for (int i = 0; i < old.length; i++) {
                            if (old[i] == UNCHANGED) {
                                old[i] = null;
                            }
                        }
                        emit(r, old, 'd', lsn);
                    }
                    return true;
                }
                case 'T': {
                    int n = b.getInt();
                    b.get();
                    for (int i = 0; i < n; i++) {
                        Relation r = relations.get(b.getInt());
                        if (r != null) {
                            throw CdcErrorCode.STREAM_FAILED.error("TRUNCATE of " + r.table.qualified() + " at "
                                    + CdcPosition.lsn(lsn) + " cannot be replayed row by row: take a new snapshot");
                        }
                    }
                    return true;
                }
                default:
                    return true; // 'O' origin, 'Y' type, 'M' message
            }
        }

        private void emit(Relation r, Object[] cells, char op, long lsn) {
            touched = true;
            ValueRow row = new ValueRow(r.table.width());
            for (int i = 0; i < cells.length; i++) {
                row.set(i, cells[i]);
            }
            records.emit(r.table, row, op, lsn, commitMillis);
        }

        /** Reads TupleData into table-ordered cells (text, bytea as bytes, null, or {@link #UNCHANGED}). */
        private Object[] tuple(ByteBuffer b, Relation r) {
            int n = b.getShort();
            Object[] out = r == null ? null : new Object[r.table.width()];
            for (int i = 0; i < n; i++) {
                char kind = (char) b.get();
                Object v;
                if (kind == 'n') {
                    v = null;
                } else if (kind == 'u') {
                    v = UNCHANGED;
                } else {
                    int len = b.getInt();
                    byte[] bytes = new byte[len];
                    b.get(bytes);
                    v = bytes;
                }
                if (r != null) {
                    int pos = r.positions[i];
                    if (v instanceof byte[]) {
                        String text = new String((byte[]) v, StandardCharsets.UTF_8);
                        v = "bytea".equals(r.table.info.get(pos)) ? byteaHex(text) : text;
                    }
                    out[pos] = v;
                }
            }
            return out;
        }
    }

    private static final Object UNCHANGED = new Object();

    private static final class Relation {
        final CdcTable table;
        /** message column i → table column */
        final int[] positions;

        Relation(CdcTable table, String[] names) {
            this.table = table;
            this.positions = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                positions[i] = table.columnNames.indexOf(names[i]);
            }
        }
    }

    /** Re-describes the table when the published columns are not the catalog's (a DDL since the last run). */
    private CdcTable reconcile(CdcTable t, String[] names) {
        boolean same = names.length == t.width();
        for (int i = 0; same && i < names.length; i++) {
            same = names[i].equals(t.columnNames.get(i));
        }
        if (same) {
            return t;
        }
        CdcTable fresh = describe(t.schema, t.name);
        for (String n : names) {
            if (!fresh.columnNames.contains(n)) {
                throw CdcErrorCode.SCHEMA_CHANGED.error("table " + t.qualified() + ": the change log has column '" + n
                        + "' that the table no longer has; take a new snapshot");
            }
        }
        return fresh;
    }

    static byte[] byteaHex(String text) {
        if (!text.startsWith("\\x")) {
            throw new IllegalArgumentException("bytea text is not hex (bytea_output=hex): " + text);
        }
        int n = (text.length() - 2) / 2;
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) Integer.parseInt(text.substring(2 + 2 * i, 4 + 2 * i), 16);
        }
        return out;
    }

    private static String string(ByteBuffer b) {
        int start = b.position();
        int end = start;
        while (b.get(end) != 0) {
            end++;
        }
        byte[] s = new byte[end - start];
        b.get(s);
        b.get(); // NUL
        return new String(s, StandardCharsets.UTF_8);
    }

    /** Published columns (attnum order, no dropped or generated ones), full-load mappings, primary key. */
    CdcTable describe(String schema, String table) {
        List<String> names = new ArrayList<>();
        List<SourceColumnMapping> maps = new ArrayList<>();
        List<Object> info = new ArrayList<>();
        List<Integer> key = new ArrayList<>();
        String sql = "SELECT a.attname, format_type(a.atttypid, a.atttypmod), t.typtype, et.typtype, t.typname, "
                + "COALESCE((SELECT k.n FROM unnest(i.indkey) WITH ORDINALITY k(att, n) WHERE k.att = a.attnum), 0) "
                + "FROM pg_attribute a "
                + "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typlen = -1 "
                + "LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary "
                + "WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' "
                + "ORDER BY a.attnum";
        List<int[]> keyPos = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String col = rs.getString(1);
                    String type = rs.getString(2);
                    boolean isEnum = "e".equals(rs.getString(3)) || "e".equals(rs.getString(4));
                    names.add(col);
                    maps.add(isEnum ? mapping.mapEnum(col, type) : mapping.map(col, type));
                    info.add(rs.getString(5));
                    int k = rs.getInt(6);
                    if (k > 0) {
                        keyPos.add(new int[] {k, names.size() - 1});
                    }
                }
            }
        } catch (SQLException e) {
            throw CdcErrorCode.STREAM_FAILED.error("cannot describe " + schema + "." + table + ": " + e.getMessage(), e);
        }
        if (names.isEmpty()) {
            throw CdcErrorCode.UNKNOWN_TABLE.error("table " + schema + "." + table + " does not exist");
        }
        keyPos.sort((a, b) -> Integer.compare(a[0], b[0]));
        for (int[] k : keyPos) {
            key.add(k[1]);
        }
        if (key.isEmpty()) {
            throw CdcErrorCode.NO_KEY.error("table " + schema + "." + table + " has no primary key: a "
                    + "ReplacingMergeTree target cannot tell its rows apart; add a primary key");
        }
        int[] k = new int[key.size()];
        for (int i = 0; i < k.length; i++) {
            k[i] = key.get(i);
        }
        return new CdcTable(schema, table, names, maps, k, info);
    }

    @Override
    public void commit(CdcPosition position) {
        requireLsn(position);
        String confirmed = single("SELECT confirmed_flush_lsn FROM pg_replication_slots WHERE slot_name = '"
                + slot.replace("'", "''") + "'");
        if (confirmed == null) {
            throw CdcErrorCode.SLOT_MISSING.error("replication slot " + slot + " missing at commit");
        }
        if (CdcPosition.lsn(confirmed).compareTo(position) >= 0) {
            return;
        }
        exec("SELECT pg_replication_slot_advance('" + slot.replace("'", "''") + "', '"
                + CdcPosition.formatLsn(position.offset()) + "'::pg_lsn)");
    }

    private static String[] split(String spec) {
        String s = spec.trim();
        int dot = s.indexOf('.');
        if (dot > 0 && !s.startsWith("\"")) {
            return new String[] {s.substring(0, dot), s.substring(dot + 1)};
        }
        return new String[] {"public", s.startsWith("\"") ? s.substring(1, s.length() - 1) : s};
    }

    private static String ident(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private String single(String sql) {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw CdcErrorCode.STREAM_FAILED.error(sql + ": " + e.getMessage(), e);
        }
    }

    private void exec(String sql) {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                throw CdcErrorCode.MISSING_REPLICATION_PRIVILEGE.error(sql + ": " + e.getMessage(), e);
            }
            throw CdcErrorCode.STREAM_FAILED.error(sql + ": " + e.getMessage(), e);
        }
    }

    private static void requireLsn(CdcPosition p) {
        if (p.kind() != CdcPosition.Kind.LSN) {
            throw CdcErrorCode.POSITION_MISMATCH.error("position " + p + " is not a PostgreSQL LSN");
        }
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
