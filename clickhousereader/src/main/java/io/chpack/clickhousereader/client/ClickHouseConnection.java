package io.chpack.clickhousereader.client;

import java.io.InputStream;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.ServerException;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.client.api.query.QuerySettings;

import io.chpack.common.clickhouse.TabSeparated;

/**
 * One ClickHouse HTTP endpoint through client-v2, configured the way that works from 18.16 to 26.x:
 * response compression off (18.16 answers compressed responses with an empty body), client retries off
 * (the reader retries whole splits itself, and only before any row was sent), never HTTP compression.
 * Small metadata queries run with {@code wait_end_of_query=1} so an error can never hide behind a 200;
 * {@link #stream} does not buffer on the server and leaves mid-stream error detection to the caller
 * (see {@code RowStreamReader}). Every failure comes out as a classified {@link ReadRequestException}.
 */
public final class ClickHouseConnection implements AutoCloseable {
    private final Client client;
    private final Endpoint endpoint;
    private final ConnectionSettings settings;

    public ClickHouseConnection(ConnectionSettings settings, Endpoint endpoint) {
        this.settings = settings;
        this.endpoint = endpoint;
        this.client = new Client.Builder()
                .addEndpoint(endpoint.url())
                .setUsername(settings.username)
                .setPassword(settings.password)
                .setDefaultDatabase(settings.database)
                .compressServerResponse(false)
                .compressClientRequest(false)
                .useHttpCompression(false)
                .setMaxRetries(0)
                .setConnectTimeout(settings.connectTimeoutMs, ChronoUnit.MILLIS)
                .setSocketTimeout(settings.socketTimeoutMs, ChronoUnit.MILLIS)
                .setClientName("chpack-clickhousereader")
                .useServerTimeZone(false)
                .useTimeZone("UTC")
                .build();
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public String database() {
        return settings.database;
    }

    /** Runs a small query and returns its rows (TabSeparated, escapes undone), fully read. */
    public List<String[]> query(String sql, Map<String, String> serverSettings) {
        QuerySettings qs = querySettings(serverSettings, null);
        qs.serverSetting("wait_end_of_query", "1");
        try (QueryResponse r = client.query(sql + "\nFORMAT TabSeparated", qs).get()) {
            return TabSeparated.parse(TabSeparated.readAll(r.getInputStream()));
        } catch (Exception e) {
            throw failure(e, "query [" + abbreviate(sql) + "]");
        }
    }

    public List<String[]> query(String sql) {
        return query(sql, Collections.<String, String>emptyMap());
    }

    /** The first column of the first row, or null when there is no row. */
    public String queryValue(String sql) {
        List<String[]> rows = query(sql);
        return rows.isEmpty() ? null : rows.get(0)[0];
    }

    /**
     * Starts a streamed query (the SQL must end with its FORMAT clause). The caller reads the stream
     * incrementally and must close the result.
     */
    public ResultStream stream(String sql, Map<String, String> serverSettings, String queryId) {
        QuerySettings qs = querySettings(serverSettings, queryId);
        try {
            QueryResponse r = client.query(sql, qs).get();
            return new ResultStream(r);
        } catch (Exception e) {
            throw failure(e, "query " + queryId);
        }
    }

    /** Best effort: asks the server to stop a query of ours (used when a split is abandoned mid-stream). */
    public void killQuietly(String queryId) {
        try {
            query("KILL QUERY WHERE query_id = " + Sql.quote(queryId) + " ASYNC");
        } catch (RuntimeException ignored) {
            // The query may have ended already, or the server is gone; nothing to do either way.
        }
    }

    private QuerySettings querySettings(Map<String, String> serverSettings, String queryId) {
        QuerySettings qs = new QuerySettings();
        if (queryId != null) {
            qs.setQueryId(queryId);
        }
        if (settings.database != null) {
            // client-v2 names the database in an X-ClickHouse-Database header, which 18.16 ignores (querySql with
            // unqualified tables would read `default`); the URL parameter works on every version
            qs.serverSetting("database", settings.database);
        }
        for (Map.Entry<String, String> e : settings.urlSettings.entrySet()) {
            qs.serverSetting(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, String> e : serverSettings.entrySet()) {
            qs.serverSetting(e.getKey(), e.getValue());
        }
        return qs;
    }

    ReadRequestException failure(Exception e, String what) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        Throwable t = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        ServerException se = ErrorClassifier.find(t, ServerException.class);
        int status = se == null ? 0 : se.getTransportProtocolCode();
        return ErrorClassifier.classify(t, what, endpoint.hostPort(), status);
    }

    static String abbreviate(String sql) {
        String s = sql.replaceAll("\\s+", " ").trim();
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    @Override
    public void close() {
        client.close();
    }

    /** An open streamed response. */
    public final class ResultStream implements AutoCloseable {
        private final QueryResponse response;

        ResultStream(QueryResponse response) {
            this.response = response;
        }

        public InputStream input() {
            return response.getInputStream();
        }

        /** Classifies a failure that happened while reading this stream. */
        public ReadRequestException failure(Exception e, String what) {
            return ClickHouseConnection.this.failure(e, what);
        }

        @Override
        public void close() {
            try {
                response.close();
            } catch (Exception ignored) {
                // Closing a half-read response only releases the connection; nothing to report.
            }
        }
    }
}
