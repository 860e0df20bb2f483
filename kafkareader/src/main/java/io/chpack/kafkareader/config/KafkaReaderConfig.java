package io.chpack.kafkareader.config;

import java.nio.charset.Charset;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;

import io.chpack.kafkareader.KafkaReaderErrorCode;

/** Every key of kafkareader's {@code parameter}, parsed and validated once; errors name the key and the value. */
public final class KafkaReaderConfig {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaReaderConfig.class);

    static final Set<String> KEYS = new HashSet<String>(Arrays.asList("bootstrapServers", "topic", "groupId",
            "properties", "startPosition", "startTimestamp", "startOffsets", "noCommittedOffset", "outOfRange",
            "pendingPlan", "maxMessagesPerPartition", "format", "column", "missingField", "fieldDelimiter",
            "quoteChar", "nullFormat", "encoding", "blockRows", "blockKeys", "checkpoint", "pollTimeoutMs",
            "requestTimeoutMs", "idleTimeoutMs", "isolationLevel", "timeZone", "skipTombstones"));

    /** Consumer properties the reader owns: setting them in {@code properties} is refused. */
    static final Set<String> OWNED = new HashSet<String>(Arrays.asList("bootstrap.servers", "group.id",
            "enable.auto.commit", "key.deserializer", "value.deserializer", "auto.offset.reset"));

    public String bootstrapServers;
    public List<String> topics;
    public String groupId;
    public Map<String, String> properties = new LinkedHashMap<String, String>();
    public StartPosition startPosition = StartPosition.GROUP;
    public long startTimestamp = -1;
    /** "topic:partition" → offset. */
    public Map<String, Long> startOffsets = new TreeMap<String, Long>();
    /** earliest | latest | fail. */
    public String noCommittedOffset = "earliest";
    /** fail | earliest. */
    public String outOfRange = "fail";
    /** replay | discard. */
    public String pendingPlan = "replay";
    public long maxMessagesPerPartition;
    public Format format = Format.JSON;
    public List<ColumnSpec> columns;
    public boolean missingAsNull = true;
    public char fieldDelimiter = ',';
    /** 0 = no quoting. */
    public char quoteChar = '"';
    public String nullFormat;
    public Charset encoding = Charset.forName("UTF-8");
    public int blockRows = 65536;
    public boolean blockKeys = true;
    public CheckpointSpec checkpoint;
    public long pollTimeoutMs = 1000;
    public long requestTimeoutMs = 30000;
    public long idleTimeoutMs = 120000;
    public String isolationLevel = "read_committed";
    public ZoneId timeZone = ZoneId.of("UTC");
    public boolean skipTombstones = true;

    public static KafkaReaderConfig parse(Configuration p) {
        KafkaReaderConfig c = new KafkaReaderConfig();
        for (String k : keysOf(p)) {
            if (!KEYS.contains(k) && !k.startsWith("__")) {
                LOG.warn("kafkareader: unknown key parameter.{} is ignored (typo?)", k);
            }
        }
        c.bootstrapServers = required(p, "bootstrapServers");
        c.topics = stringOrList(p, "topic");
        if (c.topics.isEmpty()) {
            throw error("parameter.topic is required: a topic name or a list of them");
        }
        c.groupId = blankToNull(p.getString("groupId"));
        Object props = p.get("properties");
        if (props != null) {
            if (!(props instanceof Map)) {
                throw error("parameter.properties must be an object of consumer properties");
            }
            for (Map.Entry<?, ?> e : ((Map<?, ?>) props).entrySet()) {
                String key = String.valueOf(e.getKey());
                if (OWNED.contains(key)) {
                    throw error("parameter.properties." + key + " is set by the reader; use "
                            + ("bootstrap.servers".equals(key) ? "parameter.bootstrapServers"
                            : "group.id".equals(key) ? "parameter.groupId"
                            : "auto.offset.reset".equals(key) ? "parameter.noCommittedOffset / parameter.outOfRange"
                            : "the reader's defaults (offsets are committed in Job.post only)"));
                }
                c.properties.put(key, e.getValue() == null ? null : String.valueOf(e.getValue()));
            }
        }
        c.startPosition = enumOf(p, "startPosition", StartPosition.class, StartPosition.GROUP);
        String ts = blankToNull(p.getString("startTimestamp"));
        if (ts != null) {
            c.startTimestamp = parseTimestamp(ts);
        }
        if (c.startPosition == StartPosition.TIMESTAMP && c.startTimestamp < 0) {
            throw error("parameter.startPosition is timestamp: parameter.startTimestamp is required (epoch "
                    + "milliseconds or ISO-8601 with offset, e.g. 2026-11-21T00:00:00Z)");
        }
        Object so = p.get("startOffsets");
        if (so instanceof Map && ((Map<?, ?>) so).isEmpty()) {
            so = null;
        }
        if (so != null) {
            if (!(so instanceof Map)) {
                throw error("parameter.startOffsets must be an object {\"topic:partition\": offset}");
            }
            for (Map.Entry<?, ?> e : ((Map<?, ?>) so).entrySet()) {
                String key = String.valueOf(e.getKey());
                int colon = key.lastIndexOf(':');
                String topic = colon < 0 ? null : key.substring(0, colon);
                String part = colon < 0 ? key : key.substring(colon + 1);
                if (topic == null) {
                    if (c.topics.size() != 1) {
                        throw error("parameter.startOffsets key '" + key + "' must be topic:partition when "
                                + "several topics are read");
                    }
                    topic = c.topics.get(0);
                }
                long off;
                int pn;
                try {
                    pn = Integer.parseInt(part.trim());
                    off = Long.parseLong(String.valueOf(e.getValue()).trim());
                } catch (NumberFormatException ex) {
                    throw error("parameter.startOffsets entry '" + key + "': " + e.getValue()
                            + " (partition and offset must be integers)");
                }
                if (!c.topics.contains(topic) || pn < 0 || off < 0) {
                    throw error("parameter.startOffsets entry '" + key + "' = " + off
                            + ": not a partition of the configured topics " + c.topics + " or negative");
                }
                c.startOffsets.put(topic + ":" + pn, off);
            }
        }
        if (c.startPosition == StartPosition.OFFSETS && c.startOffsets.isEmpty()) {
            throw error("parameter.startPosition is offsets: parameter.startOffsets is required");
        }
        c.noCommittedOffset = oneOf(p, "noCommittedOffset", "earliest", "earliest", "latest", "fail");
        c.outOfRange = oneOf(p, "outOfRange", "fail", "fail", "earliest");
        c.pendingPlan = oneOf(p, "pendingPlan", "replay", "replay", "discard");
        c.maxMessagesPerPartition = nonNegative(p, "maxMessagesPerPartition", 0);
        c.format = enumOf(p, "format", Format.class, Format.JSON);
        String mf = oneOf(p, "missingField", "null", "null", "dirty");
        c.missingAsNull = "null".equals(mf);
        String fd = p.getString("fieldDelimiter");
        if (fd != null) {
            c.fieldDelimiter = singleChar("fieldDelimiter", fd);
        }
        String qc = p.getString("quoteChar");
        if (qc != null) {
            c.quoteChar = qc.isEmpty() ? 0 : singleChar("quoteChar", qc);
        }
        c.nullFormat = p.getString("nullFormat");
        String enc = p.getString("encoding");
        if (enc != null) {
            try {
                c.encoding = Charset.forName(enc);
            } catch (RuntimeException e) {
                throw error("parameter.encoding: unknown charset '" + enc + "'");
            }
        }
        c.blockRows = (int) range(p, "blockRows", 65536, 1, Integer.MAX_VALUE);
        c.blockKeys = bool(p, "blockKeys", true);
        c.skipTombstones = bool(p, "skipTombstones", true);
        c.pollTimeoutMs = range(p, "pollTimeoutMs", 1000, 1, 600_000);
        c.requestTimeoutMs = range(p, "requestTimeoutMs", 30000, 100, 3_600_000);
        c.idleTimeoutMs = range(p, "idleTimeoutMs", 120000, 100, 86_400_000);
        c.isolationLevel = oneOf(p, "isolationLevel", "read_committed", "read_committed", "read_uncommitted");
        String tz = p.getString("timeZone");
        if (tz != null) {
            try {
                c.timeZone = ZoneId.of(tz);
            } catch (RuntimeException e) {
                throw error("parameter.timeZone: unknown zone '" + tz + "'");
            }
        }
        c.checkpoint = checkpoint(p);
        if (c.checkpoint == null && c.groupId == null) {
            throw error("parameter.groupId is required (offsets are committed for the group in Job.post), "
                    + "unless parameter.checkpoint stores them in a file or ZooKeeper");
        }
        c.columns = ColumnsParser.parse(c.format, p.getList("column"));
        return c;
    }

    private static CheckpointSpec checkpoint(Configuration p) {
        Object o = p.get("checkpoint");
        if (o == null) {
            return null;
        }
        if (!(o instanceof Map)) {
            throw error("parameter.checkpoint must be an object {\"type\": \"file\"|\"zookeeper\", \"path\": ...}");
        }
        String type = oneOf(p, "checkpoint.type", null, "file", "zookeeper");
        if (type == null) {
            throw error("parameter.checkpoint.type is required: file or zookeeper");
        }
        String path = required(p, "checkpoint.path");
        if ("file".equals(type)) {
            return new CheckpointSpec(CheckpointSpec.Kind.FILE, path, null, 0);
        }
        if (!path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
            throw error("parameter.checkpoint.path must be an absolute znode path like /chpack/kafkareader/job1, "
                    + "got '" + path + "'");
        }
        String zk = required(p, "checkpoint.zookeeper");
        int session = (int) range(p, "checkpoint.sessionTimeoutMs", 30000, 1000, 600_000);
        return new CheckpointSpec(CheckpointSpec.Kind.ZOOKEEPER, path, zk, session);
    }

    /** Epoch milliseconds or ISO-8601 with offset. */
    static long parseTimestamp(String s) {
        String t = s.trim();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            // not a number
        }
        try {
            return OffsetDateTime.parse(t).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(t).toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw error("parameter.startTimestamp: '" + s + "' is neither epoch milliseconds nor ISO-8601 "
                        + "with an offset (e.g. 2026-11-21T08:00:00+08:00)");
            }
        }
    }

    /** Consumer properties safe to log: values of secret-looking keys replaced. */
    public Map<String, String> maskedProperties() {
        Map<String, String> m = new TreeMap<String, String>();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            m.put(e.getKey(), isSecret(e.getKey()) ? "******" : e.getValue());
        }
        return m;
    }

    public static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("jaas") || k.contains("secret") || k.contains("token")
                || k.contains("credential") || k.endsWith(".key") || k.contains("keystore.key");
    }

    private static List<String> keysOf(Configuration p) {
        Object root = p.get("");
        if (root instanceof Map) {
            List<String> out = new ArrayList<String>();
            for (Object k : ((Map<?, ?>) root).keySet()) {
                out.add(String.valueOf(k));
            }
            return out;
        }
        return Collections.emptyList();
    }

    static String required(Configuration p, String key) {
        String v = blankToNull(p.getString(key));
        if (v == null) {
            throw error("parameter." + key + " is required");
        }
        return v.trim();
    }

    static List<String> stringOrList(Configuration p, String key) {
        Object o = p.get(key);
        List<String> out = new ArrayList<String>();
        if (o == null) {
            return out;
        }
        if (o instanceof List) {
            for (Object e : (List<?>) o) {
                String s = e == null ? "" : String.valueOf(e).trim();
                if (s.isEmpty()) {
                    throw error("parameter." + key + " has an empty entry");
                }
                if (!out.contains(s)) {
                    out.add(s);
                }
            }
        } else {
            String s = String.valueOf(o).trim();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    static <E extends Enum<E>> E enumOf(Configuration p, String key, Class<E> type, E dflt) {
        String v = p.getString(key);
        if (v == null || v.trim().isEmpty()) {
            return dflt;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v.trim())) {
                return e;
            }
        }
        List<String> names = new ArrayList<String>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT));
        }
        throw error("parameter." + key + " must be one of " + names + ", got '" + v + "'");
    }

    static String oneOf(Configuration p, String key, String dflt, String... allowed) {
        String v = p.getString(key);
        if (v == null || v.trim().isEmpty()) {
            return dflt;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v.trim())) {
                return a;
            }
        }
        throw error("parameter." + key + " must be one of " + Arrays.toString(allowed) + ", got '" + v + "'");
    }

    static long range(Configuration p, String key, long dflt, long min, long max) {
        String v = p.getString(key);
        if (v == null || v.trim().isEmpty()) {
            return dflt;
        }
        long n;
        try {
            n = Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw error("parameter." + key + " must be an integer, got '" + v + "'");
        }
        if (n < min || n > max) {
            throw error("parameter." + key + " must be between " + min + " and " + max + ", got " + n);
        }
        return n;
    }

    static long nonNegative(Configuration p, String key, long dflt) {
        return range(p, key, dflt, 0, Long.MAX_VALUE);
    }

    static boolean bool(Configuration p, String key, boolean dflt) {
        String v = p.getString(key);
        if (v == null || v.trim().isEmpty()) {
            return dflt;
        }
        if ("true".equalsIgnoreCase(v.trim())) {
            return true;
        }
        if ("false".equalsIgnoreCase(v.trim())) {
            return false;
        }
        throw error("parameter." + key + " must be true or false, got '" + v + "'");
    }

    static char singleChar(String key, String v) {
        String s = v.replace("\\t", "\t").replace("\\u0001", "\u0001");
        if (s.length() != 1) {
            throw error("parameter." + key + " must be one character, got '" + v + "'");
        }
        return s.charAt(0);
    }

    static String blankToNull(String s) {
        return s == null || s.trim().isEmpty() ? null : s;
    }

    public static DataXException error(String message) {
        return DataXException.asDataXException(KafkaReaderErrorCode.CONFIG_ERROR, message);
    }
}
