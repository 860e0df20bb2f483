package io.chpack.clickhousewriter.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every connection of a job shares: credentials, timeouts, compression, TLS, URL-level settings. */
public final class ConnectionSettings {
    public final String username;
    /** Never logged; {@link #toString()} leaves it out. */
    final String password;
    public final String database;
    public final boolean https;
    public final String sslRootCert;
    public final boolean sslVerify;
    public final boolean compression;
    public final long connectTimeoutMs;
    public final long socketTimeoutMs;
    /** Sent with every request (URL parameters that are settings). */
    public final Map<String, String> urlSettings;

    public ConnectionSettings(String username, String password, String database, boolean https, String sslRootCert,
            boolean sslVerify, boolean compression, long connectTimeoutMs, long socketTimeoutMs,
            Map<String, String> urlSettings) {
        this.username = username;
        this.password = password == null ? "" : password;
        this.database = database;
        this.https = https;
        this.sslRootCert = sslRootCert;
        this.sslVerify = sslVerify;
        this.compression = compression;
        this.connectTimeoutMs = connectTimeoutMs;
        this.socketTimeoutMs = socketTimeoutMs;
        this.urlSettings = Collections.unmodifiableMap(new LinkedHashMap<String, String>(urlSettings));
    }

    @Override
    public String toString() {
        return "ConnectionSettings{user=" + username + ", database=" + database + ", https=" + https
                + ", compression=" + compression + ", connectTimeoutMs=" + connectTimeoutMs + ", socketTimeoutMs="
                + socketTimeoutMs + "}";
    }
}
