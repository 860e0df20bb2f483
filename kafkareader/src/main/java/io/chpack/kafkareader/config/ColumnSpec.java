package io.chpack.kafkareader.config;

/**
 * One output column: where its value comes from (a JSON path, a CSV field index, or a message attribute) and the
 * DataX column type it becomes.
 */
public final class ColumnSpec {
    /** Message attributes usable as columns in every format. */
    public enum Meta {
        KEY, VALUE, HEADERS, HEADER, TOPIC, PARTITION, OFFSET, TIMESTAMP, TIMESTAMP_TYPE,
        /** Debezium: c, u, d, r. */
        OP,
        /** Debezium: 1 for a delete, else 0. */
        DELETED,
        /** Debezium: a version that grows with every change of a key (the message's Kafka offset). */
        VERSION,
        /** Debezium: the envelope's ts_ms. */
        TS_MS;

        public static Meta parse(String s) {
            switch (s) {
                case "key": return KEY;
                case "value": return VALUE;
                case "headers": return HEADERS;
                case "topic": return TOPIC;
                case "partition": return PARTITION;
                case "offset": return OFFSET;
                case "timestamp": return TIMESTAMP;
                case "timestampType": return TIMESTAMP_TYPE;
                case "op": return OP;
                case "deleted": return DELETED;
                case "version": return VERSION;
                case "tsMs": return TS_MS;
                default:
                    return s.startsWith("header:") && s.length() > 7 ? HEADER : null;
            }
        }
    }

    /** DataX column type of the output. AUTO follows the JSON value (string, long, double, bool; objects as text). */
    public enum Type {
        AUTO, STRING, LONG, DOUBLE, BOOL, DATE, BYTES;

        public static Type parse(String s) {
            switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "auto": return AUTO;
                case "string": return STRING;
                case "long": case "int": case "integer": return LONG;
                case "double": case "float": case "decimal": return DOUBLE;
                case "bool": case "boolean": return BOOL;
                case "date": case "datetime": case "timestamp": return DATE;
                case "bytes": return BYTES;
                default: return null;
            }
        }
    }

    public final String name;
    public final Type type;
    /** JSON/Debezium: the parsed path; null for meta and CSV columns. */
    public final JsonPath path;
    /** CSV: 0-based field index, -1 otherwise. */
    public final int index;
    /** Non-null for a message attribute. */
    public final Meta meta;
    /** For {@link Meta#HEADER}: the header name. */
    public final String headerName;

    public ColumnSpec(String name, Type type, JsonPath path, int index, Meta meta, String headerName) {
        this.name = name;
        this.type = type;
        this.path = path;
        this.index = index;
        this.meta = meta;
        this.headerName = headerName;
    }

    @Override
    public String toString() {
        return name;
    }
}
