package io.chpack.aurorareader.conn;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.chpack.aurorareader.config.Dialect;

/**
 * A parsed {@code jdbc:mysql://}, {@code jdbc:mariadb://} or {@code jdbc:postgresql://} URL with one host:
 * scheme, host, port, database and parameters, so discovery can point the same URL at other instances and
 * IAM can add TLS parameters. Multi-host URLs are not accepted here: list several URLs instead.
 */
public final class JdbcTarget {
    public final String scheme;
    public final Dialect dialect;
    public final String host;
    public final int port;
    public final String database;
    public final Map<String, String> params;

    public JdbcTarget(String scheme, String host, int port, String database, Map<String, String> params) {
        this.scheme = scheme;
        this.dialect = scheme.equals("postgresql") ? Dialect.POSTGRES : Dialect.MYSQL;
        this.host = host;
        this.port = port;
        this.database = database;
        this.params = params;
    }

    public static JdbcTarget parse(String url) {
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("'" + url + "' is not a JDBC URL");
        }
        int sep = url.indexOf("://");
        if (sep < 0) {
            throw new IllegalArgumentException("JDBC URL '" + mask(url) + "' has no //host part");
        }
        String scheme = url.substring(5, sep).toLowerCase(Locale.ROOT);
        if (!scheme.equals("mysql") && !scheme.equals("mariadb") && !scheme.equals("postgresql")) {
            throw new IllegalArgumentException("JDBC URL '" + mask(url) + "': scheme jdbc:" + scheme
                    + ": is not jdbc:mysql:, jdbc:mariadb: or jdbc:postgresql:");
        }
        String rest = url.substring(sep + 3);
        int q = rest.indexOf('?');
        String query = q >= 0 ? rest.substring(q + 1) : "";
        String hostPart = q >= 0 ? rest.substring(0, q) : rest;
        int slash = hostPart.indexOf('/');
        String db = slash >= 0 ? hostPart.substring(slash + 1) : "";
        String hp = slash >= 0 ? hostPart.substring(0, slash) : hostPart;
        if (hp.contains(",")) {
            throw new IllegalArgumentException("JDBC URL '" + mask(url) + "' names several hosts: list one URL per "
                    + "instance in connection[].jdbcUrl (they are tried in order and used for failover)");
        }
        String host = hp;
        int port = scheme.equals("postgresql") ? 5432 : 3306;
        if (hp.startsWith("[")) {
            int end = hp.indexOf(']');
            host = hp.substring(1, end);
            if (end + 1 < hp.length() && hp.charAt(end + 1) == ':') {
                port = Integer.parseInt(hp.substring(end + 2));
            }
        } else {
            int colon = hp.lastIndexOf(':');
            if (colon >= 0) {
                host = hp.substring(0, colon);
                try {
                    port = Integer.parseInt(hp.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("JDBC URL '" + mask(url) + "' has a bad port", e);
                }
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String kv : query.split("&")) {
            if (kv.isEmpty()) {
                continue;
            }
            int eq = kv.indexOf('=');
            params.put(eq >= 0 ? kv.substring(0, eq) : kv, eq >= 0 ? kv.substring(eq + 1) : "");
        }
        return new JdbcTarget(scheme, host, port, db, params);
    }

    public JdbcTarget withHost(String newHost, int newPort) {
        return new JdbcTarget(scheme, newHost, newPort, database, params);
    }

    public JdbcTarget withDatabase(String db) {
        return new JdbcTarget(scheme, host, port, db, params);
    }

    public JdbcTarget withParam(String key, String value) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.put(key, value);
        return new JdbcTarget(scheme, host, port, database, p);
    }

    public boolean hasParamIgnoreCase(String key) {
        for (String k : params.keySet()) {
            if (k.equalsIgnoreCase(key)) {
                return true;
            }
        }
        return false;
    }

    public String url() {
        StringBuilder sb = new StringBuilder("jdbc:").append(scheme).append("://");
        sb.append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port).append('/').append(database);
        boolean first = true;
        for (Map.Entry<String, String> e : params.entrySet()) {
            sb.append(first ? '?' : '&').append(e.getKey());
            if (!e.getValue().isEmpty()) {
                sb.append('=').append(e.getValue());
            }
            first = false;
        }
        return sb.toString();
    }

    /** host:port, for logs and error messages (never the parameters, which may hold a password). */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The URL with password-like parameters replaced by ***. */
    public static String mask(String url) {
        return url.replaceAll("(?i)(password|pwd|secret|token)=[^&]*", "$1=***");
    }

    @Override
    public String toString() {
        return mask(url());
    }
}
