package io.chpack.clickhousewriter.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.exception.DataXException;

import io.chpack.clickhousewriter.WriterErrorCode;

/**
 * A ZooKeeper lock (Curator {@link InterProcessMutex}) around a staging commit, so two jobs moving partitions
 * into the same table cannot interleave their ATTACH/REPLACE statements (an overwrite racing an append would
 * otherwise lose one of them partition by partition). One lock per target table:
 * {@code <zookeeperLockPath>/<database>.<table>} (characters other than letters, digits, {@code _.-} as
 * {@code %XX}); for a cluster target the table is the local table, so jobs through different Distributed tables
 * over it contend too. The lock nodes are ephemeral: a killed job releases its lock when its session expires.
 */
public final class CommitLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CommitLock.class);

    private final InterProcessMutex mutex;
    private final String path;

    private CommitLock(InterProcessMutex mutex, String path) {
        this.mutex = mutex;
        this.path = path;
    }

    public static String path(String root, String database, String table) {
        return root + "/" + encode(database + "." + table);
    }

    /**
     * Waits up to {@code timeoutMs} for the lock.
     *
     * @throws DataXException SQL_ERROR naming the lock path, the wait and the holder when the lock stays taken
     */
    public static CommitLock acquire(ZooKeeperSession zk, String path, long timeoutMs) {
        InterProcessMutex m = new InterProcessMutex(zk.client(), path);
        long started = System.nanoTime();
        boolean got;
        try {
            String holder = holder(m, zk);
            if (holder != null) {
                LOG.info("commit lock {} is held by {}; waiting up to {} ms (parameter.{})", path, holder, timeoutMs,
                        ClusterOptions.LOCK_TIMEOUT_MS);
            }
            got = m.acquire(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw DataXException.asDataXException(WriterErrorCode.SQL_ERROR, "cannot take the commit lock " + path
                    + " in ZooKeeper " + zk.connectString() + ": " + e, e);
        }
        if (!got) {
            String holder = holder(m, zk);
            throw DataXException.asDataXException(WriterErrorCode.SQL_ERROR, "the commit lock " + path + " in "
                    + "ZooKeeper " + zk.connectString() + " is held by " + (holder == null ? "another job" : holder)
                    + "; gave up after " + timeoutMs + " ms (parameter." + ClusterOptions.LOCK_TIMEOUT_MS + "). "
                    + "Nothing was committed; the staged data is dropped, rerun the job when the other one is done");
        }
        LOG.info("commit lock {} taken after {} ms", path, (System.nanoTime() - started) / 1_000_000);
        return new CommitLock(m, path);
    }

    /** The description stored in the first (holding) lock node, or null when nobody holds it. */
    private static String holder(InterProcessMutex m, ZooKeeperSession zk) {
        try {
            Collection<String> nodes = m.getParticipantNodes();
            if (nodes.isEmpty()) {
                return null;
            }
            return new String(zk.client().getData().forPath(nodes.iterator().next()), StandardCharsets.UTF_8);
        } catch (Exception e) {
            return null; // released meanwhile, or unreadable: the message says "another job"
        }
    }

    @Override
    public void close() {
        try {
            mutex.release();
            LOG.info("commit lock {} released", path);
        } catch (Exception e) {
            // The node is ephemeral: it goes with the session at the latest.
            LOG.warn("could not release the commit lock {} ({}); it goes when the ZooKeeper session closes", path,
                    e.toString());
        }
    }

    private static String encode(String name) {
        StringBuilder b = new StringBuilder();
        for (byte x : name.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
                    || c == '-') {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }
}
