package io.chpack.clickhousewriter.client;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.ServerException;
import com.clickhouse.client.api.enums.SSLMode;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;
import com.clickhouse.data.ClickHouseFormat;

import io.chpack.common.clickhouse.TabSeparated;

/**
 * One ClickHouse HTTP endpoint through client-v2, configured the way that works from 18.16 to 26.x:
 * response compression off (18.16 answers compressed requests with an empty body), client retries off (the
 * writer retries whole blocks itself; the client's own retry would re-run a stream), LZ4 request compression
 * only when enabled, never HTTP compression. Every failure comes out as a classified
 * {@link ClickHouseRequestException}.
 */
public final class ClickHouseConnection implements AutoCloseable {
    private final Client client;
    private final String endpoint;
    private final ConnectionSettings settings;

    public ClickHouseConnection(ConnectionSettings settings, ClickHouseUrl.HostPort host) {
        this.settings = settings;
        this.endpoint = host.toString();
        Client.Builder b = new Client.Builder()
                .addEndpoint((settings.https ? "https://" : "http://") + host)
                .setUsername(settings.username)
                .setPassword(settings.password)
                .setDefaultDatabase(settings.database)
                .compressServerResponse(false)
                .compressClientRequest(settings.compression)
                .useHttpCompression(false)
                .setMaxRetries(0)
                .setConnectTimeout(settings.connectTimeoutMs, ChronoUnit.MILLIS)
                .setSocketTimeout(settings.socketTimeoutMs, ChronoUnit.MILLIS)
                .setClientName("chpack-clickhousewriter")
                .useServerTimeZone(false)
                .useTimeZone("UTC");
        if (settings.https) {
            if (settings.sslRootCert != null) {
                b.setRootCertificate(settings.sslRootCert);
            }
            b.setSSLMode(settings.sslVerify ? SSLMode.STRICT : SSLMode.TRUST);
        }
        if (settings.database != null) {
            // client-v2 names the database in an X-ClickHouse-Database header, which 18.16 ignores (unqualified
            // names in preSql/postSql would run in `default`); the URL parameter works on every version
            b.serverSetting("database", settings.database);
        }
        for (Map.Entry<String, String> e : settings.urlSettings.entrySet()) {
            b.serverSetting(e.getKey(), e.getValue());
        }
        this.client = b.build();
    }

    /** host:port, for messages. */
    public String endpoint() {
        return endpoint;
    }

    public String database() {
        return settings.database;
    }

    /**
     * Runs a small query and returns its rows, fully read. {@code wait_end_of_query} makes an error in the
     * middle of the result an error (18.16 would otherwise append it to a 200 response).
     */
    public List<String[]> query(String sql) {
        // Reads are safe to repeat: a pooled keep-alive connection the server dropped (restart, idle timeout)
        // fails once with NoHttpResponse; the next attempt opens a fresh one.
        for (int attempt = 0;; attempt++) {
            try {
                return queryOnce(sql);
            } catch (ClickHouseRequestException e) {
                if (!e.isTransient() || attempt >= 2) {
                    throw e;
                }
            }
        }
    }

    private List<String[]> queryOnce(String sql) {
        QuerySettings qs = new QuerySettings();
        qs.serverSetting("wait_end_of_query", "1");
        try (QueryResponse r = client.query(sql + "\nFORMAT TabSeparated", qs).get()) {
            return TabSeparated.parse(TabSeparated.readAll(r.getInputStream()));
        } catch (Exception e) {
            throw failure(e, "query [" + abbreviate(sql) + "]");
        }
    }

    /** The first column of the first row, or null when there is no row. */
    public String queryValue(String sql) {
        List<String[]> rows = query(sql);
        return rows.isEmpty() ? null : rows.get(0)[0];
    }

    /** Runs a statement (DDL, ALTER, INSERT ... SELECT) and waits for it. */
    public void execute(String sql) {
        QuerySettings qs = new QuerySettings();
        qs.serverSetting("wait_end_of_query", "1");
        try (QueryResponse r = client.query(sql, qs).get()) {
            TabSeparated.readAll(r.getInputStream());
        } catch (Exception e) {
            throw failure(e, "statement [" + abbreviate(sql) + "]");
        }
    }

    /**
     * Sends {@code length} bytes of RowBinary from {@code offset} as one INSERT.
     *
     * @param table quoted {@code `db`.`table`}
     * @param columns quoted column names, in the order of the bytes
     * @param serverSettings settings for this INSERT only (e.g. insert_deduplication_token)
     */
    public InsertResult insert(String table, List<String> columns, byte[] data, int offset, int length,
            Map<String, String> serverSettings, String queryId) {
        InsertSettings is = new InsertSettings();
        is.setQueryId(queryId);
        is.compressClientRequest(settings.compression);
        for (Map.Entry<String, String> e : serverSettings.entrySet()) {
            is.serverSetting(e.getKey(), e.getValue());
        }
        InputStream in = new ByteArrayInputStream(data, offset, length);
        try (InsertResponse r = client.insert(table, columns, in, ClickHouseFormat.RowBinary, is).get()) {
            return new InsertResult(hasSummary(r.getResponseHeaders()) ? r.getWrittenRows() : -1);
        } catch (Exception e) {
            throw failure(e, "insert into " + table);
        }
    }

    private static boolean hasSummary(Map<String, String> headers) {
        if (headers == null) {
            return false;
        }
        for (String k : headers.keySet()) {
            if (k != null && k.toLowerCase(Locale.ROOT).equals("x-clickhouse-summary")) {
                return true;
            }
        }
        return false;
    }

    private ClickHouseRequestException failure(Exception e, String what) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        Throwable t = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        int status = 0;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ServerException) {
                status = ((ServerException) c).getTransportProtocolCode();
                break;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return ErrorClassifier.classify(t, what, endpoint, status);
    }

    private static String abbreviate(String sql) {
        String s = sql.replaceAll("\\s+", " ").trim();
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    @Override
    public void close() {
        client.close();
    }
}
