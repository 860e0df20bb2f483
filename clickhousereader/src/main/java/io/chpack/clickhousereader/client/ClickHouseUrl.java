package io.chpack.clickhousereader.client;

import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The DataX-style URL users already write, {@code jdbc:clickhouse://host:port[,host:port...]/db?k=v}, parsed
 * into HTTP(S) endpoints (the same grammar as clickhousewriter's). Also accepted: {@code jdbc:clickhouse:http(s)://},
 * {@code jdbc:ch://} and plain {@code http(s)://}. {@code ssl=true} switches to https; a host without a port
 * gets 8123 (http) or 8443 (https); the database defaults to {@code default}. Driver parameters
 * ({@code ssl}, {@code socket_timeout}, {@code connect_timeout}, {@code database}, the legacy driver's
 * {@code compress}/{@code decompress}/{@code user}/{@code password}) are not settings; every other parameter
 * is a ClickHouse setting sent with every query.
 */
public final class ClickHouseUrl {
    private final List<Endpoint> endpoints;
    private final String database;
    private final Map<String, String> params;
    private final Map<String, String> serverSettings;

    private ClickHouseUrl(List<Endpoint> endpoints, String database, Map<String, String> params,
            Map<String, String> serverSettings) {
        this.endpoints = Collections.unmodifiableList(endpoints);
        this.database = database;
        this.params = Collections.unmodifiableMap(params);
        this.serverSettings = Collections.unmodifiableMap(serverSettings);
    }

    /** @throws IllegalArgumentException saying what is wrong (the caller names the key) */
    public static ClickHouseUrl parse(String url) {
        if (url == null || url.trim().isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        String u = url.trim();
        String lower = u.toLowerCase(Locale.ROOT);
        String[][] prefixes = {
            {"jdbc:clickhouse:https://", "s"}, {"jdbc:clickhouse:http://", "p"}, {"jdbc:clickhouse://", ""},
            {"jdbc:ch:https://", "s"}, {"jdbc:ch:http://", "p"}, {"jdbc:ch://", ""},
            {"https://", "s"}, {"http://", "p"}};
        String rest = null;
        String scheme = null;
        for (String[] p : prefixes) {
            if (lower.startsWith(p[0])) {
                rest = u.substring(p[0].length());
                scheme = p[1];
                break;
            }
        }
        if (rest == null) {
            throw new IllegalArgumentException("'" + url + "' is not a ClickHouse URL; expected "
                    + "jdbc:clickhouse://host:port[,host:port...]/database[?k=v&...]");
        }
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String hostPart = rest;
        String db = null;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            hostPart = rest.substring(0, slash);
            db = rest.substring(slash + 1);
            if (db.endsWith("/")) {
                db = db.substring(0, db.length() - 1);
            }
            if (db.contains("/")) {
                throw new IllegalArgumentException("'" + url + "' has a path after the database name");
            }
            db = decode(db);
        }
        Map<String, String> params = new LinkedHashMap<String, String>();
        for (String kv : query.split("&")) {
            if (kv.isEmpty()) {
                continue;
            }
            int eq = kv.indexOf('=');
            String k = decode(eq < 0 ? kv : kv.substring(0, eq)).trim();
            if (k.isEmpty()) {
                throw new IllegalArgumentException("'" + url + "' has a parameter without a name");
            }
            params.put(k, eq < 0 ? "" : decode(kv.substring(eq + 1)));
        }
        boolean https = "s".equals(scheme);
        String ssl = params.get("ssl");
        if (ssl != null && "".equals(scheme)) {
            https = "true".equalsIgnoreCase(ssl) || "1".equals(ssl);
        }
        if (params.containsKey("database")) {
            db = params.get("database");
        }
        if (db == null || db.isEmpty()) {
            db = "default";
        }
        if (hostPart.trim().isEmpty()) {
            throw new IllegalArgumentException("'" + url + "' names no host");
        }
        List<Endpoint> endpoints = new ArrayList<Endpoint>();
        for (String h : hostPart.split(",")) {
            endpoints.add(endpoint(h.trim(), https, url));
        }
        for (String k : new String[] {"socket_timeout", "connect_timeout"}) {
            String v = params.get(k);
            if (v != null && !v.trim().matches("[1-9][0-9]{0,12}")) {
                throw new IllegalArgumentException("parameter " + k + " must be a positive number of milliseconds, got '"
                        + v + "'");
            }
        }
        Map<String, String> settings = new LinkedHashMap<String, String>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (!isDriverParameter(e.getKey().toLowerCase(Locale.ROOT))) {
                settings.put(e.getKey(), e.getValue());
            }
        }
        return new ClickHouseUrl(endpoints, db, params, settings);
    }

    private static boolean isDriverParameter(String k) {
        return k.equals("ssl") || k.equals("sslmode") || k.equals("sslrootcert") || k.equals("socket_timeout")
                || k.equals("connect_timeout") || k.equals("database") || k.equals("compress")
                || k.equals("decompress") || k.equals("user") || k.equals("password");
    }

    private static Endpoint endpoint(String h, boolean https, String url) {
        if (h.isEmpty()) {
            throw new IllegalArgumentException("'" + url + "' has an empty host in its host list");
        }
        String host;
        String port = null;
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + url + "' has an unclosed IPv6 address: " + h);
            }
            host = h.substring(1, close);
            if (close + 1 < h.length()) {
                port = h.substring(close + 2);
            }
        } else {
            int colon = h.lastIndexOf(':');
            host = colon < 0 ? h : h.substring(0, colon);
            port = colon < 0 ? null : h.substring(colon + 1);
        }
        int p = https ? 8443 : 8123;
        if (port != null) {
            p = port.matches("[0-9]{1,5}") ? Integer.parseInt(port) : -1;
            if (p <= 0 || p > 65535) {
                throw new IllegalArgumentException("'" + url + "' has a bad port '" + port + "' for host " + host);
            }
        }
        return new Endpoint(https, host, p);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad %-escape in '" + s + "'");
        }
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    public String database() {
        return database;
    }

    /** The parameters that are ClickHouse settings. */
    public Map<String, String> serverSettings() {
        return serverSettings;
    }

    /** A timeout parameter in milliseconds, or the default. Validated at parse time. */
    public long millis(String name, long dflt) {
        String v = params.get(name);
        return v == null ? dflt : Long.parseLong(v.trim());
    }
}
