package io.chpack.clickhousewriter.meta;

import java.time.ZoneId;
import java.util.Set;

/** What the writer learned about the server at prepare time; decides which features are switched on. */
public final class ServerInfo {
    public final String version;
    public final int major;
    public final int minor;
    public final ZoneId timeZone;
    /** Every setting name in {@code system.settings}. */
    public final Set<String> settings;

    public ServerInfo(String version, ZoneId timeZone, Set<String> settings) {
        this.version = version;
        String[] parts = version.split("\\.");
        this.major = parts.length > 0 ? parseInt(parts[0]) : 0;
        this.minor = parts.length > 1 ? parseInt(parts[1]) : 0;
        this.timeZone = timeZone;
        this.settings = settings;
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public boolean hasSetting(String name) {
        return settings.contains(name);
    }

    /** {@code insert_deduplication_token} exists (21.x+; not in 18.16). */
    public boolean supportsDedupToken() {
        return hasSetting("insert_deduplication_token");
    }

    @Override
    public String toString() {
        return "ClickHouse " + version + " (time zone " + timeZone + ")";
    }
}
