package io.chpack.memcachedwriter;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;

/**
 * Every key of the writer's {@code parameter}, parsed and validated once (Job.init and again in each Task).
 * Stock ocswriter keys ({@code proxy}, {@code port}, {@code username}, {@code password}, {@code writeMode},
 * {@code writeFormat}, {@code fieldDelimiter}, {@code expireTime}, {@code indexes}, {@code batchSize}) are
 * accepted with their stock meaning. {@link #toString()} never shows the password.
 */
public final class MemcachedConfig {
    /** Written by Job.split into every task's slice: the resolved warm-up version. */
    static final String RESOLVED_VERSION = "__resolvedVersion";

    public enum Distribution { KETAMA, MODULA, PARTITION }

    public enum Protocol { BINARY, TEXT }

    public enum Mode {
        SET, ADD, REPLACE, APPEND, PREPEND, DELETE, TOUCH;

        boolean storesValue() {
            return this != DELETE && this != TOUCH;
        }

        /** append/prepend are never retried after an ambiguous failure: a resend may apply twice. */
        boolean idempotent() {
            return this != APPEND && this != PREPEND;
        }
    }

    public enum Format { JSON, TEXT, RAW }

    public enum FailureMode { REDISTRIBUTE, CANCEL, FAIL }

    public enum NotStored { DIRTY, COUNT }

    public enum LongKeys { DIRTY, HASH }

    public enum KeyCheck { STRICT, BINARY }

    public enum BytesInJson { BASE64, HEX, UTF8 }

    public enum KetamaNaming { SPYMEMCACHED, LIBMEMCACHED }

    /** Memcached's own limit: relative TTLs above it are read as absolute unix times. */
    public static final int THIRTY_DAYS = 60 * 60 * 24 * 30;
    /** TTL values from here on (2001-09-09) are taken as absolute unix times, as stock ocswriter passed them. */
    public static final long ABSOLUTE_FROM = 1_000_000_000L;
    public static final int MAX_KEY_BYTES = 250;

    final List<String> servers;
    final Distribution distribution;
    final String hash;
    final KetamaNaming ketamaNaming;
    final ColumnRef partitionColumn;
    final Protocol protocol;
    final String username;
    final String password;

    final List<String> columnNames; // may be empty
    final String keyTemplate;       // null when indexes are used
    final List<Integer> indexes;    // stock key columns, ascending; null when key is used
    final String keyDelimiter;
    final String keyPrefix;
    final String namespace;
    final LongKeys longKeys;
    final KeyCheck keyCheck;

    final Mode mode;
    final Format format;
    final String fieldDelimiter;
    final List<ColumnRef> valueColumns; // null = all
    final boolean excludeKeyColumns;
    final ColumnRef rawColumn;
    final String nullText;
    final BytesInJson bytesInJson;
    final ZoneId timeZone;
    final int compressThreshold; // < 0 = off

    final long expireTime;
    final ColumnRef ttlColumn;
    final int ttlJitter;

    final boolean atomicWarmup;
    final String version; // "auto" or explicit
    final String pointerKey;
    final long pointerTtl;
    final long flipMaxDirty;

    final int maxInFlightPerNode;
    final long opTimeoutMs;
    final int retries;
    final long retryBackoffMs;
    final long retryBackoffMaxMs;
    final FailureMode failureMode;
    final NotStored notStored;
    final int verifySample;
    final boolean verifyFailOnMismatch;
    final int itemSizeMax; // 0 = ask the servers
    final boolean optimizeSets;

    private MemcachedConfig(Configuration p) {
        // ---------------------------------------------------------------- servers
        List<String> list = new ArrayList<>();
        Object s = p.get("servers");
        if (s instanceof List) {
            for (Object o : (List<?>) s) {
                addServers(list, String.valueOf(o));
            }
        } else if (s != null) {
            addServers(list, String.valueOf(s));
        }
        String proxy = p.getString("proxy");
        if (proxy != null && !proxy.trim().isEmpty()) {
            if (!list.isEmpty()) {
                throw config("proxy", "and parameter.servers are both set: use servers only");
            }
            String port = p.getString("port", "11211").trim();
            for (String h : proxy.split("[,\\s]+")) {
                if (!h.isEmpty()) {
                    list.add(h.contains(":") ? h : h + ":" + port);
                }
            }
        }
        if (list.isEmpty()) {
            throw config("servers", "is required: a list of \"host:port\" (or the stock proxy + port)");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String a : list) {
            int colon = a.lastIndexOf(':');
            if (colon <= 0 || colon == a.length() - 1) {
                throw config("servers", "entry '" + a + "' is not host:port");
            }
            try {
                int port = Integer.parseInt(a.substring(colon + 1));
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw config("servers", "entry '" + a + "' has no valid port");
            }
            if (!seen.add(a)) {
                throw config("servers", "lists '" + a + "' twice");
            }
        }
        servers = Collections.unmodifiableList(list);
        distribution = enumOf(p, "distribution", Distribution.class, Distribution.KETAMA);
        String h = p.getString("hash");
        hash = h == null ? (distribution == Distribution.MODULA ? "native" : "ketama") : h.trim().toLowerCase(Locale.ROOT);
        if (!Ring.HASHES.containsKey(hash)) {
            throw config("hash", "must be one of " + Ring.HASHES.keySet() + "; got '" + h + "'");
        }
        ketamaNaming = enumOf(p, "ketamaNodeNaming", KetamaNaming.class, KetamaNaming.SPYMEMCACHED);
        protocol = enumOf(p, "protocol", Protocol.class, Protocol.BINARY);
        String user = p.getString("username");
        username = user == null || user.isEmpty() ? null : user;
        password = p.getString("password", "");
        if (username != null && protocol == Protocol.TEXT) {
            throw config("username", "needs protocol binary: SASL authentication exists only in the binary protocol");
        }

        // ---------------------------------------------------------------- columns and key
        columnNames = readColumnNames(p);
        String key = p.getString("key");
        String idx = p.getString("indexes");
        if (key != null && !key.trim().isEmpty()) {
            if (idx != null && !idx.trim().isEmpty()) {
                throw config("key", "and parameter.indexes are both set: use one (key is the template form)");
            }
            keyTemplate = key;
            indexes = null;
        } else {
            keyTemplate = null;
            TreeSet<Integer> sorted = new TreeSet<>(); // stock: a HashSet of small ints iterates ascending
            for (String part : (idx == null || idx.trim().isEmpty() ? "0" : idx).split(",")) {
                try {
                    int i = Integer.parseInt(part.trim());
                    if (i < 0) {
                        throw new NumberFormatException();
                    }
                    sorted.add(i);
                } catch (NumberFormatException e) {
                    throw config("indexes", "must be column indexes separated by commas, e.g. \"0,2\"; got '" + idx + "'");
                }
            }
            indexes = Collections.unmodifiableList(new ArrayList<>(sorted));
        }
        fieldDelimiter = p.getString("fieldDelimiter", "\u0001");
        if (fieldDelimiter.isEmpty()) {
            throw config("fieldDelimiter", "must not be empty");
        }
        keyDelimiter = p.getString("keyDelimiter", fieldDelimiter);
        keyPrefix = p.getString("keyPrefix", "");
        String ns = p.getString("namespace", "");
        namespace = ns;
        longKeys = enumOf(p, "longKeys", LongKeys.class, LongKeys.DIRTY);
        KeyCheck defaultCheck = keyTemplate == null && indexes.size() > 1 && protocol == Protocol.BINARY
                ? KeyCheck.BINARY : KeyCheck.STRICT;
        keyCheck = enumOf(p, "keyCheck", KeyCheck.class, defaultCheck);
        if (keyCheck == KeyCheck.BINARY && protocol == Protocol.TEXT) {
            throw config("keyCheck", "binary (keys with spaces or control characters) needs protocol binary");
        }

        // ---------------------------------------------------------------- mode and value
        mode = enumOf(p, "writeMode", Mode.class, Mode.SET);
        Format defaultFormat = columnNames.isEmpty() ? Format.TEXT : Format.JSON;
        format = enumOf(p, "writeFormat", Format.class, defaultFormat);
        if (format == Format.JSON && columnNames.isEmpty() && mode.storesValue()) {
            throw config("column", "is required for writeFormat json: the field names, in record order");
        }
        List<Object> vc = p.getList("valueColumns");
        if (vc == null) {
            valueColumns = null;
        } else {
            List<ColumnRef> refs = new ArrayList<>();
            for (Object o : vc) {
                refs.add(ColumnRef.parse(String.valueOf(o), "valueColumns", columnNames));
            }
            if (refs.isEmpty()) {
                throw config("valueColumns", "must name at least one column");
            }
            valueColumns = Collections.unmodifiableList(refs);
        }
        excludeKeyColumns = bool(p, "excludeKeyColumns", false);
        String raw = p.getString("rawColumn");
        rawColumn = raw == null ? null : ColumnRef.parse(raw, "rawColumn", columnNames);
        nullText = p.getString("nullText", "");
        bytesInJson = enumOf(p, "bytesInJson", BytesInJson.class, BytesInJson.BASE64);
        String tz = p.getString("timeZone", "UTC").trim();
        try {
            timeZone = ZoneId.of(tz);
        } catch (RuntimeException e) {
            throw config("timeZone", "'" + tz + "' is not a time zone id (e.g. \"UTC\", \"Asia/Shanghai\", \"+08:00\")");
        }
        compressThreshold = p.getInt("compressThreshold", -1);

        // ---------------------------------------------------------------- TTL
        expireTime = p.getLong("expireTime", 0);
        if (expireTime < 0) {
            throw config("expireTime", "must be >= 0 seconds (0 = never expires); got " + expireTime);
        }
        String ttlc = p.getString("ttlColumn");
        ttlColumn = ttlc == null ? null : ColumnRef.parse(ttlc, "ttlColumn", columnNames);
        ttlJitter = p.getInt("ttlJitter", 0);
        if (ttlJitter < 0) {
            throw config("ttlJitter", "must be >= 0 seconds; got " + ttlJitter);
        }

        // ---------------------------------------------------------------- distribution by column
        String pc = p.getString("partitionColumn");
        partitionColumn = pc == null ? null : ColumnRef.parse(pc, "partitionColumn", columnNames);
        if (distribution == Distribution.PARTITION && partitionColumn == null) {
            throw config("partitionColumn", "is required with distribution partition: the column whose value picks the node");
        }

        // ---------------------------------------------------------------- atomic warm-up
        atomicWarmup = bool(p, "atomicWarmup", false);
        version = p.getString(RESOLVED_VERSION, p.getString("version", "auto")).trim();
        if (atomicWarmup) {
            if (namespace.isEmpty()) {
                throw config("namespace", "is required with atomicWarmup: keys are written as <namespace>:v<version>:<key>");
            }
            if (!version.matches("[A-Za-z0-9_.-]{1,64}")) {
                throw config("version", "must be 'auto' or 1-64 characters of [A-Za-z0-9_.-]; got '" + version + "'");
            }
            if (mode != Mode.SET && mode != Mode.ADD) {
                throw config("atomicWarmup", "fills a fresh namespace: writeMode must be set or add, not " + lower(mode));
            }
        }
        pointerKey = p.getString("pointerKey", namespace + ":current");
        pointerTtl = p.getLong("pointerTtl", 0);
        flipMaxDirty = p.getLong("flipMaxDirty", 0);

        // ---------------------------------------------------------------- pipeline and failures
        Integer window = p.getInt("maxInFlightPerNode", 0);
        if (window == 0) {
            window = p.getInt("batchSize", 0); // stock key, never implemented there: our per-node window
        }
        maxInFlightPerNode = window <= 0 ? 1024 : window;
        if (maxInFlightPerNode > 16384) {
            throw config("maxInFlightPerNode", "must be <= 16384 (spymemcached's per-node queue); got " + maxInFlightPerNode);
        }
        opTimeoutMs = positive(p, "opTimeoutMs", 2500);
        retries = p.getInt("retries", 3);
        if (retries < 0) {
            throw config("retries", "must be >= 0; got " + retries);
        }
        retryBackoffMs = positive(p, "retryBackoffMs", 100);
        retryBackoffMaxMs = positive(p, "retryBackoffMaxMs", 3000);
        failureMode = enumOf(p, "failureMode", FailureMode.class, FailureMode.REDISTRIBUTE);
        NotStored defaultNotStored = mode == Mode.DELETE || mode == Mode.TOUCH || mode == Mode.ADD
                ? NotStored.COUNT : NotStored.DIRTY;
        notStored = enumOf(p, "notStored", NotStored.class, defaultNotStored);
        verifySample = p.getInt("verifySample", 0);
        if (verifySample < 0 || verifySample > 100000) {
            throw config("verifySample", "must be 0..100000 keys per task; got " + verifySample);
        }
        verifyFailOnMismatch = bool(p, "verifyFailOnMismatch", true);
        itemSizeMax = p.getInt("itemSizeMax", 0);
        optimizeSets = bool(p, "optimizeSets", false);

        // ---------------------------------------------------------------- cross checks
        if (format == Format.RAW && mode.storesValue() && rawColumn == null) {
            throw config("rawColumn", "is required for writeFormat raw: the one column whose value is stored");
        }
        if (keyTemplate != null) {
            KeyTemplate.compile(keyTemplate, columnNames); // throws a named CONFIG_ERROR
        }
    }

    public static MemcachedConfig parse(Configuration parameter) {
        if (parameter == null) {
            throw DataXException.asDataXException(MemcachedWriterErrorCode.CONFIG_ERROR, "parameter is missing");
        }
        return new MemcachedConfig(parameter);
    }

    /** The key the warm-up pointer names: {@code <namespace>:v<version>:}. */
    String versionPrefix() {
        return namespace + ":v" + version + ":";
    }

    private static void addServers(List<String> list, String text) {
        for (String a : text.split("[,\\s]+")) {
            if (!a.isEmpty()) {
                list.add(a);
            }
        }
    }

    private static List<String> readColumnNames(Configuration p) {
        List<Object> cols = p.getList("column");
        List<String> names = new ArrayList<>();
        if (cols == null) {
            return names;
        }
        for (Object o : cols) {
            String name;
            if (o instanceof Map) {
                Object n = ((Map<?, ?>) o).get("name");
                if (n == null) {
                    throw config("column", "entries must be names or {\"name\": ...} objects; got " + o);
                }
                name = String.valueOf(n);
            } else {
                name = String.valueOf(o);
            }
            name = name.trim();
            if (name.equals("*")) {
                if (cols.size() != 1) {
                    throw config("column", "[\"*\"] cannot be mixed with names");
                }
                return new ArrayList<>();
            }
            if (name.isEmpty()) {
                throw config("column", "has an empty name");
            }
            if (names.contains(name)) {
                throw config("column", "names '" + name + "' twice");
            }
            names.add(name);
        }
        return Collections.unmodifiableList(names);
    }

    static <E extends Enum<E>> E enumOf(Configuration p, String key, Class<E> type, E def) {
        String v = p.getString(key);
        if (v == null || v.trim().isEmpty()) {
            return def;
        }
        try {
            return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                allowed.add(lower(c));
            }
            throw config(key, "must be one of " + String.join(", ", allowed) + "; got '" + v + "'");
        }
    }

    private static boolean bool(Configuration p, String key, boolean def) {
        String v = p.getString(key);
        if (v == null) {
            return def;
        }
        if (v.trim().equalsIgnoreCase("true")) {
            return true;
        }
        if (v.trim().equalsIgnoreCase("false")) {
            return false;
        }
        throw config(key, "must be true or false; got '" + v + "'");
    }

    private static long positive(Configuration p, String key, long def) {
        long v = p.getLong(key, def);
        if (v <= 0) {
            throw config(key, "must be > 0; got " + v);
        }
        return v;
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static DataXException config(String key, String message) {
        return DataXException.asDataXException(MemcachedWriterErrorCode.CONFIG_ERROR, "parameter." + key + " " + message);
    }

    @Override
    public String toString() {
        return "servers=" + servers + ", distribution=" + lower(distribution) + ", hash=" + hash + ", protocol="
                + lower(protocol) + ", username=" + (username == null ? "-" : username) + ", password="
                + (password.isEmpty() ? "-" : "***") + ", writeMode=" + lower(mode) + ", writeFormat=" + lower(format)
                + ", key=" + (keyTemplate != null ? keyTemplate : "indexes " + indexes) + ", namespace=" + namespace
                + ", atomicWarmup=" + atomicWarmup + ", failureMode=" + lower(failureMode)
                + ", maxInFlightPerNode=" + maxInFlightPerNode;
    }

    /** A column named in {@code column} or given by its 0-based index. */
    static final class ColumnRef {
        final int index;
        final String label;

        ColumnRef(int index, String label) {
            this.index = index;
            this.label = label;
        }

        static ColumnRef parse(String text, String key, List<String> names) {
            String t = text.trim();
            int i = names.indexOf(t);
            if (i >= 0) {
                return new ColumnRef(i, "'" + t + "'");
            }
            try {
                int n = Integer.parseInt(t);
                if (n >= 0 && (names.isEmpty() || n < names.size())) {
                    return new ColumnRef(n, names.isEmpty() ? "#" + n : "'" + names.get(n) + "'");
                }
            } catch (NumberFormatException e) {
                // fall through
            }
            throw config(key, "refers to column '" + t + "', which parameter.column does not name"
                    + (names.isEmpty() ? " (give column names, or a 0-based index)" : " (columns: " + String.join(", ", names) + ")"));
        }
    }
}
