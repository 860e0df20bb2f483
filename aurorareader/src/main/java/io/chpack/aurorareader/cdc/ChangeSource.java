package io.chpack.aurorareader.cdc;

/**
 * A bounded reader of one database's change log (MySQL/MariaDB binlog: {@link BinlogChangeSource}; PostgreSQL
 * pgoutput logical replication: {@link PgChangeSource}); one instance per task, not thread-safe.
 *
 * <p>Life cycle of a CDC job: {@link #checkPrerequisites()} and {@link #currentPosition()} in {@code Job.init}
 * (the end of this run), {@link #read} in the task from the committed position to that end, and
 * {@link #commit} in {@code Job.post} once the writer has succeeded. A full load calls
 * {@link #currentPosition()} (after {@link #prepareHandOff()}) before it reads, and stores the result as the
 * first run's start: changes between that position and the snapshot are replayed, and the version column makes
 * the replays harmless.
 *
 * <p>Records: the table's columns in table order (the same Columns the full load produces for the same row),
 * then {@link CdcRecords#META_COLUMNS}: {@code _op} (c/u/d), {@code _version} (monotonic per row),
 * {@code _is_deleted} (0/1), {@code _source_ts} (commit or event time); a configured table list decides which
 * tables are read, and with several tables a leading {@code _table} column names the table.
 */
public interface ChangeSource extends AutoCloseable {
    /** Fails with a named {@link CdcErrorCode} when the server cannot serve CDC (binlog off, not ROW, slot missing…). */
    void checkPrerequisites();

    /**
     * Makes sure the log from now on is retained (PostgreSQL: creates the slot when {@code createSlot} is on);
     * a no-op for the binlog. Call before {@link #currentPosition()} when it starts a snapshot.
     */
    void prepareHandOff();

    /** The server's current log end (binlog: SHOW MASTER STATUS; PostgreSQL: pg_current_wal_lsn()). */
    CdcPosition currentPosition();

    /**
     * The position a snapshot that starts right after this call may start CDC from: every transaction that
     * ends before it is visible to such a snapshot. PostgreSQL waits (at most 10 s) for transactions whose
     * commit record is already in the WAL but not yet visible; the binlog uses MariaDB's consistent-snapshot
     * position, or on MySQL waits for InnoDB transactions that started before {@link #currentPosition()}.
     */
    default CdcPosition handOffPosition() {
        return currentPosition();
    }

    /**
     * Sends every committed change after {@code from} up to {@code to} (inclusive of transactions that end at
     * {@code to}), then stops even if the server keeps writing.
     *
     * @return statistics; the position reached is {@code to}
     */
    CdcRunStats read(CdcPosition from, CdcPosition to, ChangeSink sink);

    /**
     * Confirms that everything up to {@code position} is safely stored downstream (PostgreSQL: advances the
     * slot's confirmed_flush_lsn so the server may recycle WAL; the binlog has nothing to confirm).
     */
    void commit(CdcPosition position);

    @Override
    void close();
}
