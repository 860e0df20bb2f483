package io.chpack.clickhousereader.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What every connection of a job shares: credentials, database, timeouts. The password is never printed. */
public final class ConnectionSettings {
    public final String username;
    final String password;
    public final String database;
    public final long connectTimeoutMs;
    public final long socketTimeoutMs;
    /** Settings sent with every request (jdbcUrl parameters that are settings). */
    public final Map<String, String> urlSettings;

    public ConnectionSettings(String username, String password, String database, long connectTimeoutMs,
            long socketTimeoutMs, Map<String, String> urlSettings) {
        this.username = username;
        this.password = password == null ? "" : password;
        this.database = database;
        this.connectTimeoutMs = connectTimeoutMs;
        this.socketTimeoutMs = socketTimeoutMs;
        this.urlSettings = Collections.unmodifiableMap(new LinkedHashMap<String, String>(urlSettings));
    }

    @Override
    public String toString() {
        return "ConnectionSettings{user=" + username + ", database=" + database + ", connectTimeoutMs="
                + connectTimeoutMs + ", socketTimeoutMs=" + socketTimeoutMs + "}";
    }
}
