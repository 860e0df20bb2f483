package io.chpack.kafkareader.codec;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.LongColumn;

import io.chpack.common.json.JsonNumber;
import io.chpack.common.json.JsonObject;
import io.chpack.kafkareader.config.ColumnSpec;
import io.chpack.kafkareader.config.JsonPath;

/**
 * format debezium: Debezium change events in JSON (with or without the {@code schema}/{@code payload} wrapper).
 * Creates, reads (snapshots) and updates give the {@code after} image, deletes the {@code before} image; column
 * paths resolve inside that image. Meta columns {@code op} (c/r/u/d), {@code deleted} (1 for d), {@code version}
 * (the Kafka offset: grows with every change of a key, because Debezium sends all changes of a key to one
 * partition) and {@code tsMs} feed a ReplacingMergeTree(version[, deleted]). Tombstones (null values after a
 * delete) and truncate/message events carry no row and are skipped.
 */
final class DebeziumCodec implements MessageCodec {
    private static final JsonPath PAYLOAD = JsonPath.parse("payload");
    private static final JsonPath SCHEMA = JsonPath.parse("schema");
    private static final JsonPath OP = JsonPath.parse("op");
    private static final JsonPath BEFORE = JsonPath.parse("before");
    private static final JsonPath AFTER = JsonPath.parse("after");
    private static final JsonPath TS_MS = JsonPath.parse("ts_ms");

    private final List<ColumnSpec> columns;
    private final Values values;

    DebeziumCodec(List<ColumnSpec> columns, Values values) {
        this.columns = columns;
        this.values = values;
    }

    @Override
    public boolean decode(ConsumerRecord<byte[], byte[]> m, Column[] out) throws DirtyMessageException {
        if (m.value() == null) {
            return false; // tombstone after a delete
        }
        Object root = JsonCodec.parse(values, m.value());
        if (SCHEMA.resolve(root) != JsonPath.MISSING && PAYLOAD.resolve(root) != JsonPath.MISSING) {
            root = PAYLOAD.resolve(root);
            if (root == null) {
                return false;
            }
        }
        Object op = OP.resolve(root);
        if (!(op instanceof String)) {
            throw new DirtyMessageException("not a Debezium change event: no string member 'op'");
        }
        String o = (String) op;
        Object image;
        switch (o) {
            case "c":
            case "r":
            case "u":
                image = AFTER.resolve(root);
                break;
            case "d":
                image = BEFORE.resolve(root);
                break;
            case "t":
            case "m":
                return false;
            default:
                throw new DirtyMessageException("Debezium event with unknown op '" + o + "'");
        }
        if (!(image instanceof JsonObject)) {
            throw new DirtyMessageException("Debezium " + o + " event without a row image ('"
                    + ("d".equals(o) ? "before" : "after") + "' is " + (image == JsonPath.MISSING ? "missing"
                    : image == null ? "null; for deletes set the table's REPLICA IDENTITY FULL or key columns" : "not an object")
                    + ")");
        }
        for (int i = 0; i < out.length; i++) {
            ColumnSpec c = columns.get(i);
            if (c.meta == null) {
                out[i] = values.fromJson(c, c.path.resolve(image));
                continue;
            }
            switch (c.meta) {
                case OP:
                    out[i] = values.fromText(c, o, o);
                    break;
                case DELETED:
                    out[i] = c.type == ColumnSpec.Type.AUTO ? new LongColumn(Long.valueOf("d".equals(o) ? 1 : 0))
                            : values.fromText(c, "d".equals(o) ? "1" : "0", o);
                    break;
                case VERSION:
                    out[i] = c.type == ColumnSpec.Type.AUTO ? new LongColumn(Long.valueOf(m.offset()))
                            : values.fromText(c, Long.toString(m.offset()), m.offset());
                    break;
                case TS_MS: {
                    Object ts = TS_MS.resolve(root);
                    if (ts instanceof JsonNumber || ts == null || ts == JsonPath.MISSING) {
                        out[i] = values.fromJson(c, ts);
                    } else {
                        throw Values.bad(c, ts, "not a number");
                    }
                    break;
                }
                default:
                    out[i] = values.meta(c, m);
            }
        }
        return true;
    }
}
