package io.chpack.clickhousereader.task;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.plugin.TaskPluginCollector;
import io.chpack.clickhousereader.ReaderErrorCode;
import io.chpack.clickhousereader.client.ClickHouseConnection;
import io.chpack.clickhousereader.client.ConnectionSettings;
import io.chpack.clickhousereader.client.Endpoint;
import io.chpack.clickhousereader.client.ErrorClassifier;
import io.chpack.clickhousereader.client.ReadRequestException;
import io.chpack.clickhousereader.plan.ClusterTopology;
import io.chpack.clickhousereader.plan.ColumnProbe;
import io.chpack.clickhousereader.plan.ReadSplit;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.convert.ConversionOptions;
import io.chpack.common.convert.RowDecoder;

/**
 * Reads one split: tries its sources in order (cluster mode: the assigned replica, then the shard's other
 * replicas), retrying after a transient failure ONLY while no row of the split has been handed on — rows
 * already sent to the writer cannot be taken back, so a failure after that fails the task with a message
 * saying so. Switching to another replica is immediate; retrying the same endpoint waits retryIntervalMs,
 * doubling (at most 30 s).
 */
public final class SplitReader {
    private static final Logger LOG = LoggerFactory.getLogger(SplitReader.class);

    private final ReadSplit split;
    private final ConnectionSettings connectionSettings;
    private final ConversionOptions options;
    private final int retryTimes;
    private final long retryIntervalMs;
    private final RecordSender sender;
    private final TaskPluginCollector collector;
    private long delivered;

    public SplitReader(ReadSplit split, ConnectionSettings connectionSettings, ConversionOptions options,
            int retryTimes, long retryIntervalMs, RecordSender sender, TaskPluginCollector collector) {
        this.split = split;
        this.connectionSettings = connectionSettings;
        this.options = options;
        this.retryTimes = retryTimes;
        this.retryIntervalMs = retryIntervalMs;
        this.sender = sender;
        this.collector = collector;
    }

    public void run() {
        int sources = split.sources.size();
        int maxAttempts = Math.max(retryTimes + 1, sources);
        List<String> failures = new ArrayList<String>();
        long wait = retryIntervalMs;
        for (int attempt = 0; ; attempt++) {
            ReadSplit.Source src = split.sources.get(attempt % sources);
            try {
                readOnce(src, attempt);
                return;
            } catch (ReadRequestException e) {
                failures.add(e.getMessage());
                if (delivered > 0) {
                    throw DataXException.asDataXException(ReaderErrorCode.READ_FAILED, "split " + split.label
                            + " failed after " + delivered + " rows were already sent to the writer; they cannot be "
                            + "taken back, so the split is not retried (rerun the job, or a writer that replaces "
                            + "the target): " + e.getMessage(), e);
                }
                if (!e.isTransient()) {
                    throw DataXException.asDataXException(e.isAuthenticationFailure()
                            ? ReaderErrorCode.AUTHENTICATION_FAILED : ReaderErrorCode.READ_FAILED,
                            "split " + split.label + ": " + e.getMessage(), e);
                }
                if (attempt + 1 >= maxAttempts) {
                    throw DataXException.asDataXException(ReaderErrorCode.READ_FAILED, "split " + split.label
                            + " failed " + (attempt + 1) + " times, nothing was sent: " + failures, e);
                }
                boolean sameEndpointNext = (attempt + 1) % sources == 0;
                LOG.warn("split {} attempt {} failed before any row was sent ({}); retrying {}", split.label,
                        attempt + 1, e.getMessage(), sameEndpointNext ? "in " + wait + " ms" : "on the next replica");
                if (sameEndpointNext) {
                    sleep(wait);
                    wait = Math.min(30000, wait * 2);
                }
            }
        }
    }

    private void readOnce(ReadSplit.Source src, int attempt) {
        Endpoint endpoint = Endpoint.parse(src.url);
        String queryId = split.queryId + (attempt == 0 ? "" : "-r" + attempt);
        ClickHouseConnection conn = new ClickHouseConnection(connectionSettings, endpoint);
        boolean done = false;
        ClickHouseConnection.ResultStream rs = null;
        RowStreamReader reader = null;
        long start = System.currentTimeMillis();
        try {
            if (split.cluster != null) {
                verifyShard(conn, src);
            }
            RowDecoder decoder = decoderForCurrentSchema(conn);
            LOG.info("split {}: reading from {} as query_id {}", split.label, endpoint, queryId);
            rs = conn.stream(split.sql + "\nFORMAT RowBinary", split.settings, queryId);
            reader = new RowStreamReader(decoder, sender, collector);
            try {
                reader.read(rs.input());
            } catch (IOException e) {
                throw rs.failure(e, "reading query " + queryId + " after " + reader.rowsDelivered() + " rows");
            } catch (MidStreamException e) {
                int code = ErrorClassifier.parseCode(e.tail);
                throw new ReadRequestException("query " + queryId + " on " + endpoint + ", after "
                        + reader.rowsDelivered() + " rows: " + e.getMessage(), code, 200,
                        code != 0 && ErrorClassifier.isTransientCode(code), false, e);
            } catch (RuntimeException e) {
                if (e instanceof DataXException) {
                    throw e;
                }
                throw rs.failure(e, "reading query " + queryId + " after " + reader.rowsDelivered() + " rows");
            }
            done = true;
            long ms = Math.max(1, System.currentTimeMillis() - start);
            LOG.info("split {}: {} rows ({} dirty), {} bytes from {} in {} ms ({} rows/s)", split.label,
                    reader.rowsDelivered(), reader.dirtyRows(), reader.bytes(), endpoint, ms,
                    reader.rowsDelivered() * 1000 / ms);
        } finally {
            if (reader != null) {
                delivered += reader.rowsDelivered();
            }
            if (rs != null) {
                if (!done) {
                    conn.killQuietly(queryId); // stop the server's side before dropping the connection
                }
                rs.close();
            }
            conn.close();
        }
    }

    /** Never read a shard's data from the wrong server: the endpoint must say it is (only) in this shard. */
    private void verifyShard(ClickHouseConnection conn, ReadSplit.Source src) {
        List<String[]> rows = conn.query(ClusterTopology.shardSql(split.cluster));
        if (rows.size() != 1 || !rows.get(0)[0].equals(String.valueOf(src.shard))) {
            throw new ReadRequestException(conn.endpoint() + " is not a replica of shard " + src.shard + " of cluster "
                    + split.cluster + " (per its system.clusters.is_local)", 0, 0,
                    true, true, null);
        }
    }

    /** Types as the server sees them now; they must equal the planned ones (a concurrent ALTER fails the split). */
    private RowDecoder decoderForCurrentSchema(ClickHouseConnection conn) {
        ColumnProbe now = ColumnProbe.describe(conn, split.sql, split.settings);
        List<String> names = now.names.subList(1, now.names.size());
        List<String> types = now.types.subList(1, now.types.size());
        if (!types.equals(split.types)) {
            throw DataXException.asDataXException(ReaderErrorCode.READ_FAILED, "split " + split.label
                    + ": the result columns changed since planning on " + conn.endpoint() + ": planned "
                    + describe(split.names, split.types) + ", now " + describe(names, types));
        }
        List<ClickHouseType> parsed = new ArrayList<ClickHouseType>();
        for (String t : types) {
            parsed.add(ClickHouseType.parse(t));
        }
        return new RowDecoder(names, parsed, options);
    }

    private static String describe(List<String> names, List<String> types) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < names.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(names.get(i)).append(' ').append(types.get(i));
        }
        return b.append(']').toString();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DataXException.asDataXException(ReaderErrorCode.READ_FAILED, "interrupted while waiting to retry");
        }
    }
}
