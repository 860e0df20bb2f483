package io.chpack.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deliberately tiny ClickHouse HTTP client for test set-up and asserts (not the product's wire path):
 * POSTs SQL, returns the body text, throws with the server's message on non-200.
 */
public final class ClickHouseHttp {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Long enough for ON CLUSTER DDL (which itself waits for every host). */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(3);

    private ClickHouseHttp() {
    }

    public static String query(String httpUrl, String user, String password, String sql, Map<String, String> settings) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("user", user);
        if (password != null && !password.isEmpty()) {
            params.put("password", password);
        }
        params.putAll(settings);
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            q.append(q.length() == 0 ? '?' : '&').append(enc(e.getKey())).append('=').append(enc(e.getValue()));
        }
        HttpRequest req = HttpRequest.newBuilder(URI.create(httpUrl + "/" + q)).timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8)).build();
        HttpResponse<String> resp;
        try {
            resp = CLIENT.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("ClickHouse at " + httpUrl + " unreachable: " + e.getMessage()
                    + "\nquery: " + sql, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (resp.statusCode() != 200) {
            throw new ClickHouseQueryException(resp.statusCode(), resp.body(), sql);
        }
        return resp.body();
    }

    /** GET /ping: "Ok." once the HTTP handler is up. */
    static boolean ping(String httpUrl) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(httpUrl + "/ping")).timeout(Duration.ofSeconds(2))
                .GET().build();
        HttpResponse<String> resp = CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
        return resp.statusCode() == 200 && resp.body().startsWith("Ok.");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
