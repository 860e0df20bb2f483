package io.chpack.clickhousereader.client;

import java.util.Locale;

/** One ClickHouse HTTP endpoint: scheme, host, port. Immutable; equal by value. */
public final class Endpoint {
    public final boolean https;
    public final String host;
    public final int port;

    public Endpoint(boolean https, String host, int port) {
        this.https = https;
        this.host = host;
        this.port = port;
    }

    /** Parses {@code http(s)://host:port} as produced by {@link #url()}. */
    public static Endpoint parse(String url) {
        boolean https = url.toLowerCase(Locale.ROOT).startsWith("https://");
        String rest = url.substring(url.indexOf("://") + 3);
        int colon = rest.lastIndexOf(':');
        String host = rest.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new Endpoint(https, host, Integer.parseInt(rest.substring(colon + 1)));
    }

    public String url() {
        return (https ? "https://" : "http://") + hostPort();
    }

    public String hostPort() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Endpoint)) {
            return false;
        }
        Endpoint e = (Endpoint) o;
        return https == e.https && port == e.port && host.equalsIgnoreCase(e.host);
    }

    @Override
    public int hashCode() {
        return host.toLowerCase(Locale.ROOT).hashCode() * 31 + port;
    }

    @Override
    public String toString() {
        return hostPort();
    }
}
