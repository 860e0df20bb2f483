package io.chpack.clickhousewriter.block;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.exception.DataXException;

import io.chpack.clickhousewriter.WriterErrorCode;
import io.chpack.clickhousewriter.client.ClickHouseConnection;
import io.chpack.clickhousewriter.client.ClickHouseRequestException;
import io.chpack.clickhousewriter.client.InsertResult;

/**
 * Inserts blocks into one table. A transient failure resends the identical bytes after a backoff (rotating to
 * the next host of the URL after a network failure); a fatal one fails the task with the table, the server
 * code and its text. Never row by row, never a rollback (architecture decision 6). A block the server refuses
 * for spanning too many partitions is split in halves and each half is written the same way. "Too many parts"
 * also slows this sink down for the blocks that follow.
 */
public final class TableBlockSink implements BlockSink {
    private static final Logger LOG = LoggerFactory.getLogger(TableBlockSink.class);

    private final List<ClickHouseConnection> hosts;
    private final InsertTarget target;
    private final BlockNaming naming;
    private final RetryPolicy policy;
    private final LandingCheck landingCheck;
    private final WriteStats stats;
    private final Sleeper sleeper;
    private int current;
    /** Extra pause before each block after "too many parts"; halves with every clean block. */
    private long throttleMs;

    /** Waits; replaceable in tests. */
    public interface Sleeper {
        void sleep(long ms) throws InterruptedException;
    }

    /**
     * @param hosts connections to the hosts of the URL; the sink starts at {@code firstHost} and rotates on
     *        network failures
     * @param landingCheck null when resends are safe (dedup-capable targets) or accepted (plain insert mode)
     */
    public TableBlockSink(List<ClickHouseConnection> hosts, int firstHost, InsertTarget target, BlockNaming naming,
            RetryPolicy policy, LandingCheck landingCheck, WriteStats stats, Sleeper sleeper) {
        this.hosts = hosts;
        this.current = Math.floorMod(firstHost, hosts.size());
        this.target = target;
        this.naming = naming;
        this.policy = policy;
        this.landingCheck = landingCheck;
        this.stats = stats;
        this.sleeper = sleeper;
    }

    @Override
    public void write(Block block) {
        if (throttleMs > 0) {
            pause(throttleMs);
        }
        int attempt = 0;
        boolean uncertain = false; // a previous attempt may have been applied
        while (true) {
            ClickHouseConnection c = hosts.get(current);
            try {
                if (uncertain && landingCheck != null) {
                    LandingCheck.Outcome o = landingCheck.check(block);
                    if (o == LandingCheck.Outcome.LANDED) {
                        LOG.info("block {} of {} ({} rows) was applied before the failure; not resending",
                                block.label, target.quotedTable, block.rows);
                        stats.landedAfterFailure++;
                        done(block, null);
                        return;
                    }
                    if (o == LandingCheck.Outcome.PARTIAL) {
                        throw DataXException.asDataXException(WriterErrorCode.AMBIGUOUS_WRITE, "block " + block.label
                                + " of " + target.quotedTable + " (" + block.rows + " rows) was applied only partly "
                                + "before a failure; the staging table of this task cannot be repaired in place. "
                                + "Rerunning the task (DataX failover) or the job writes it afresh.");
                    }
                    uncertain = false;
                }
                InsertResult r = c.insert(target.quotedTable, target.quotedColumns, block.bytes, block.offset,
                        block.length, settingsFor(block), naming.queryId(block, attempt));
                done(block, r);
                throttleMs /= 2;
                return;
            } catch (ClickHouseRequestException e) {
                if (e.isTooManyPartitions() && block.rows > 1) {
                    LOG.warn("block {} of {} spans too many partitions for one INSERT ({}); splitting it in halves",
                            block.label, target.quotedTable, e.getMessage());
                    stats.splits++;
                    write(block.firstHalf());
                    write(block.secondHalf());
                    return;
                }
                if (!e.isTransient()) {
                    throw DataXException.asDataXException(WriterErrorCode.WRITE_FATAL, e.getMessage()
                            + " [block " + block.label + ", " + block.rows + " rows; not retried: the error is not "
                            + "transient]");
                }
                if (attempt >= policy.maxRetries()) {
                    throw DataXException.asDataXException(WriterErrorCode.RETRIES_EXHAUSTED, e.getMessage()
                            + " [block " + block.label + ", " + block.rows + " rows; gave up after " + attempt
                            + " retries]");
                }
                uncertain |= e.requestMaySucceeded();
                long pause = policy.pauseMs(attempt, e.isTooManyParts());
                if (e.isTooManyParts()) {
                    throttleMs = Math.max(throttleMs * 2, pause);
                }
                if (e.code() == 0 && hosts.size() > 1) {
                    current = (current + 1) % hosts.size();
                }
                attempt++;
                stats.retries++;
                LOG.warn("retry {}/{} of block {} of {} ({} rows, {} bytes) in {} ms{} after code {}: {}", attempt,
                        policy.maxRetries(), block.label, target.quotedTable, block.rows, block.length, pause,
                        hosts.size() > 1 ? " on " + hosts.get(current).endpoint() : "", e.code(), e.getMessage());
                pause(pause);
            } catch (RuntimeException e) {
                if (e instanceof DataXException) {
                    throw e;
                }
                throw DataXException.asDataXException(WriterErrorCode.WRITE_FATAL, "insert into "
                        + target.quotedTable + " failed unexpectedly: " + e, e);
            }
        }
    }

    private Map<String, String> settingsFor(Block block) {
        String token = naming.dedupToken(block);
        if (token == null) {
            return target.settings;
        }
        Map<String, String> s = new LinkedHashMap<String, String>(target.settings);
        s.put("insert_deduplication_token", token);
        return s;
    }

    private void done(Block block, InsertResult r) {
        stats.rows += block.rows;
        stats.bytes += block.length;
        stats.blocks++;
        if (r != null && r.writtenRows == 0 && block.rows > 0) {
            stats.dedupHits++;
        }
        if (landingCheck != null) {
            landingCheck.committed(block);
        }
    }

    private void pause(long ms) {
        try {
            sleeper.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DataXException.asDataXException(WriterErrorCode.WRITE_FATAL, "interrupted while waiting to retry an "
                    + "insert into " + target.quotedTable);
        }
    }

    @Override
    public void close() {
        for (ClickHouseConnection c : hosts) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.debug("closing {}: {}", c.endpoint(), e.toString());
            }
        }
    }
}
