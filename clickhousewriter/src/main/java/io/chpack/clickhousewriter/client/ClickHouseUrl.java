package io.chpack.clickhousewriter.client;

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
 * into HTTP(S) endpoints. Also accepted: {@code jdbc:clickhouse:http://}, {@code jdbc:clickhouse:https://},
 * {@code jdbc:ch://} and plain {@code http(s)://}. {@code ssl=true} switches to https; a host without a port
 * gets 8123 (http) or 8443 (https); the database defaults to {@code default}.
 *
 * <p>Parameters chpack understands: {@code ssl}, {@code sslmode} ({@code strict} | {@code none}),
 * {@code sslrootcert}, {@code socket_timeout} and {@code connect_timeout} (ms), {@code database}; the legacy
 * driver's {@code compress}/{@code decompress}/{@code user}/{@code password} are ignored (compression and
 * credentials have their own keys). Everything else is a ClickHouse setting sent with every request.
 */
public final class ClickHouseUrl {
    private final boolean https;
    private final List<HostPort> hosts;
    private final String database;
    private final Map<String, String> params;
    private final Map<String, String> serverSettings;

    private ClickHouseUrl(boolean https, List<HostPort> hosts, String database, Map<String, String> params,
            Map<String, String> serverSettings) {
        this.https = https;
        this.hosts = Collections.unmodifiableList(hosts);
        this.database = database;
        this.params = Collections.unmodifiableMap(params);
        this.serverSettings = Collections.unmodifiableMap(serverSettings);
    }

    /** One host and port. */
    public static final class HostPort {
        public final String host;
        public final int port;

        HostPort(String host, int port) {
            this.host = host;
            this.port = port;
        }

        @Override
        public String toString() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /**
     * @throws IllegalArgumentException with a message saying what is wrong (the caller names the key)
     */
    public static ClickHouseUrl parse(String url) {
        if (url == null || url.trim().isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        String u = url.trim();
        String lower = u.toLowerCase(Locale.ROOT);
        Boolean scheme = null;
        String rest;
        String[][] prefixes = {
            {"jdbc:clickhouse:https://", "s"}, {"jdbc:clickhouse:http://", "p"}, {"jdbc:clickhouse://", ""},
            {"jdbc:ch:https://", "s"}, {"jdbc:ch:http://", "p"}, {"jdbc:ch://", ""},
            {"https://", "s"}, {"http://", "p"}};
        rest = null;
        for (String[] p : prefixes) {
            if (lower.startsWith(p[0])) {
                rest = u.substring(p[0].length());
                scheme = "s".equals(p[1]) ? Boolean.TRUE : "p".equals(p[1]) ? Boolean.FALSE : null;
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
        if (!query.isEmpty()) {
            for (String kv : query.split("&")) {
                if (kv.isEmpty()) {
                    continue;
                }
                int eq = kv.indexOf('=');
                String k = decode(eq < 0 ? kv : kv.substring(0, eq)).trim();
                String v = eq < 0 ? "" : decode(kv.substring(eq + 1));
                if (k.isEmpty()) {
                    throw new IllegalArgumentException("'" + url + "' has a parameter without a name");
                }
                params.put(k, v);
            }
        }
        boolean https = scheme != null ? scheme.booleanValue() : false;
        String ssl = params.get("ssl");
        if (ssl != null) {
            if (!"true".equalsIgnoreCase(ssl) && !"false".equalsIgnoreCase(ssl) && !"1".equals(ssl) && !"0".equals(ssl)) {
                throw new IllegalArgumentException("parameter ssl must be true or false, got '" + ssl + "'");
            }
            if (scheme == null) {
                https = "true".equalsIgnoreCase(ssl) || "1".equals(ssl);
            }
        }
        if (params.containsKey("database")) {
            if (db != null && !db.isEmpty() && !db.equals(params.get("database"))) {
                throw new IllegalArgumentException("'" + url + "' names two databases: '" + db + "' and '"
                        + params.get("database") + "'");
            }
            db = params.get("database");
        }
        if (db == null || db.isEmpty()) {
            db = "default";
        }
        List<HostPort> hosts = new ArrayList<HostPort>();
        if (hostPart.trim().isEmpty()) {
            throw new IllegalArgumentException("'" + url + "' names no host");
        }
        for (String h : hostPart.split(",")) {
            hosts.add(hostPort(h.trim(), https ? 8443 : 8123, url));
        }
        Map<String, String> settings = new LinkedHashMap<String, String>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (!isDriverParameter(k)) {
                settings.put(e.getKey(), e.getValue());
            }
        }
        for (String k : new String[] {"socket_timeout", "connect_timeout"}) {
            String v = params.get(k);
            if (v != null) {
                try {
                    if (Long.parseLong(v.trim()) <= 0) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("parameter " + k + " must be a positive number of "
                            + "milliseconds, got '" + v + "'");
                }
            }
        }
        String sslmode = params.get("sslmode");
        if (sslmode != null && !"strict".equalsIgnoreCase(sslmode) && !"none".equalsIgnoreCase(sslmode)) {
            throw new IllegalArgumentException("parameter sslmode must be strict or none, got '" + sslmode + "'");
        }
        return new ClickHouseUrl(https, hosts, db, params, settings);
    }

    private static boolean isDriverParameter(String k) {
        return k.equals("ssl") || k.equals("sslmode") || k.equals("sslrootcert") || k.equals("socket_timeout")
                || k.equals("connect_timeout") || k.equals("database") || k.equals("compress")
                || k.equals("decompress") || k.equals("user") || k.equals("password");
    }

    private static HostPort hostPort(String h, int defaultPort, String url) {
        if (h.isEmpty()) {
            throw new IllegalArgumentException("'" + url + "' has an empty host in its host list");
        }
        String host;
        String port = null;
        if (h.startsWith("[")) { // [ipv6]:port
            int close = h.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + url + "' has an unclosed IPv6 address: " + h);
            }
            host = h.substring(1, close);
            if (close + 1 < h.length()) {
                if (h.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("'" + url + "' has junk after an IPv6 address: " + h);
                }
                port = h.substring(close + 2);
            }
        } else {
            int colon = h.lastIndexOf(':');
            host = colon < 0 ? h : h.substring(0, colon);
            port = colon < 0 ? null : h.substring(colon + 1);
        }
        int p = defaultPort;
        if (port != null) {
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                p = -1;
            }
            if (p <= 0 || p > 65535) {
                throw new IllegalArgumentException("'" + url + "' has a bad port '" + port + "' for host " + host);
            }
        }
        return new HostPort(host, p);
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

    public boolean https() {
        return https;
    }

    public List<HostPort> hosts() {
        return hosts;
    }

    public String database() {
        return database;
    }

    /** Every parameter as written (driver parameters and settings). */
    public Map<String, String> parameters() {
        return params;
    }

    /** The parameters that are ClickHouse settings. */
    public Map<String, String> serverSettings() {
        return serverSettings;
    }

    /** A URL parameter as a positive long, or the default. Validated at parse time. */
    public long longParameter(String name, long dflt) {
        String v = params.get(name);
        return v == null ? dflt : Long.parseLong(v.trim());
    }

    /** {@code http(s)://host:port} of one host. */
    public String endpoint(HostPort h) {
        return (https ? "https://" : "http://") + h;
    }
}
