package io.chpack.aurorareader.cdc;

import com.alibaba.datax.common.util.Configuration;
import io.chpack.common.mapping.SourceReadOptions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link ChangeSource} needs. Built with {@link #builder()} or from the reader's job
 * configuration with {@link #fromConfiguration(Configuration, SourceReadOptions)}:
 * <pre>
 * "username", "password", "connection": [{"jdbcUrl": ["jdbc:mysql://h:3306/db" | "jdbc:postgresql://h/db"],
 *                                         "table": ["t1", "db.t2" | "schema.t2"]}],
 * "cdc": {
 *   "serverId": 1234567,            // MySQL: replica server id; default derived from user, host and tables
 *   "slot": "chpack_slot",          // PostgreSQL: logical slot (pgoutput); default chpack_&lt;db&gt;
 *   "publication": "chpack_pub",    // PostgreSQL: publication; default chpack_pub
 *   "createSlot": false,            // PostgreSQL: create slot and publication when missing
 *   "requireReplicaIdentityFull": false, // PostgreSQL: error (true) or warning (false) without FULL
 *   "tableColumn": false,           // leading _table column (default: on when more than one table)
 *   "timeoutSeconds": 600           // a run that cannot reach its end within this fails
 * }
 * </pre>
 */
public final class CdcSettings {
    final String jdbcUrl;
    final String username;
    final String password;
    final List<String> tables;
    final long serverId;
    final String slot;
    final String publication;
    final boolean createSlot;
    final boolean requireReplicaIdentityFull;
    final boolean tableColumn;
    final long timeoutMillis;
    final SourceReadOptions readOptions;

    private CdcSettings(Builder b) {
        this.jdbcUrl = Objects.requireNonNull(b.jdbcUrl, "jdbcUrl");
        this.username = b.username;
        this.password = b.password;
        if (b.tables.isEmpty()) {
            throw CdcErrorCode.BAD_CONFIG.error("CDC needs at least one table");
        }
        this.tables = Collections.unmodifiableList(new ArrayList<>(b.tables));
        this.serverId = b.serverId != 0 ? b.serverId : defaultServerId(b);
        this.slot = b.slot;
        this.publication = b.publication != null ? b.publication : "chpack_pub";
        this.createSlot = b.createSlot;
        this.requireReplicaIdentityFull = b.requireReplicaIdentityFull;
        this.tableColumn = b.tableColumn != null ? b.tableColumn : b.tables.size() > 1;
        this.timeoutMillis = b.timeoutMillis;
        this.readOptions = b.readOptions;
    }

    /**
     * A random-looking but stable server id in 2^20..2^31-1 from user, URL and tables, so reruns of one job reuse
     * one id and different jobs (almost surely) do not collide with each other or with real replicas (small ids).
     */
    private static long defaultServerId(Builder b) {
        String k = b.username + "@" + b.jdbcUrl + "/" + b.tables;
        long h = 1125899906842597L;
        for (int i = 0; i < k.length(); i++) {
            h = 31 * h + k.charAt(i);
        }
        return (1L << 20) + Math.floorMod(h, (1L << 31) - 1 - (1L << 20));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True for a {@code jdbc:postgresql:} URL. */
    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    public long serverId() {
        return serverId;
    }

    public List<String> tables() {
        return tables;
    }

    /** Whether records start with a {@code _table} column. */
    public boolean tableColumn() {
        return tableColumn;
    }

    /** The replication slot name (PostgreSQL), defaulted from the database name. */
    String slotName(String database) {
        if (slot != null) {
            return slot;
        }
        return ("chpack_" + database).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    /**
     * Reads the stock keys ({@code username}, {@code password}, {@code connection[0].jdbcUrl[0]} or
     * {@code connection[0].jdbcUrl}, {@code connection[0].table[]}) and the {@code cdc.*} keys above.
     */
    public static CdcSettings fromConfiguration(Configuration c, SourceReadOptions options) {
        Builder b = builder().readOptions(options);
        b.username(c.getString("username")).password(c.getString("password"));
        Object url = c.get("connection[0].jdbcUrl");
        if (url instanceof List) {
            List<?> l = (List<?>) url;
            if (l.isEmpty()) {
                throw CdcErrorCode.BAD_CONFIG.error("connection[0].jdbcUrl is empty");
            }
            b.jdbcUrl(String.valueOf(l.get(0)));
        } else if (url != null) {
            b.jdbcUrl(url.toString());
        } else {
            throw CdcErrorCode.BAD_CONFIG.error("connection[0].jdbcUrl is missing");
        }
        List<Object> tables = c.getList("connection[0].table", new ArrayList<Object>());
        for (Object t : tables) {
            b.table(String.valueOf(t));
        }
        b.serverId(c.getLong("cdc.serverId", 0L));
        b.slot(c.getString("cdc.slot"));
        b.publication(c.getString("cdc.publication"));
        b.createSlot(c.getBool("cdc.createSlot", false));
        b.requireReplicaIdentityFull(c.getBool("cdc.requireReplicaIdentityFull", false));
        if (c.get("cdc.tableColumn") != null) {
            b.tableColumn(c.getBool("cdc.tableColumn"));
        }
        b.timeoutMillis(c.getLong("cdc.timeoutSeconds", 600L) * 1000L);
        return b.build();
    }

    public static final class Builder {
        private String jdbcUrl;
        private String username;
        private String password;
        private final List<String> tables = new ArrayList<>();
        private long serverId;
        private String slot;
        private String publication;
        private boolean createSlot;
        private boolean requireReplicaIdentityFull;
        private Boolean tableColumn;
        private long timeoutMillis = 600_000L;
        private SourceReadOptions readOptions = SourceReadOptions.defaults();

        public Builder jdbcUrl(String url) {
            this.jdbcUrl = url;
            return this;
        }

        public Builder username(String u) {
            this.username = u;
            return this;
        }

        public Builder password(String p) {
            this.password = p;
            return this;
        }

        /** {@code table}, {@code db.table} (MySQL) or {@code schema.table} (PostgreSQL; default schema public). */
        public Builder table(String t) {
            this.tables.add(t);
            return this;
        }

        public Builder serverId(long id) {
            this.serverId = id;
            return this;
        }

        public Builder slot(String s) {
            this.slot = s;
            return this;
        }

        public Builder publication(String p) {
            this.publication = p;
            return this;
        }

        public Builder createSlot(boolean on) {
            this.createSlot = on;
            return this;
        }

        public Builder requireReplicaIdentityFull(boolean on) {
            this.requireReplicaIdentityFull = on;
            return this;
        }

        public Builder tableColumn(boolean on) {
            this.tableColumn = on;
            return this;
        }

        public Builder timeoutMillis(long ms) {
            this.timeoutMillis = ms;
            return this;
        }

        public Builder readOptions(SourceReadOptions o) {
            this.readOptions = Objects.requireNonNull(o);
            return this;
        }

        public CdcSettings build() {
            return new CdcSettings(this);
        }
    }
}
