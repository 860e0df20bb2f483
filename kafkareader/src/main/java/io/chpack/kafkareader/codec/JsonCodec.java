package io.chpack.kafkareader.codec;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.alibaba.datax.common.element.Column;

import io.chpack.common.json.JsonParser;
import io.chpack.common.json.JsonSyntaxException;
import io.chpack.kafkareader.config.ColumnSpec;

/** format json: the value is one JSON document; columns by name or JSON path, plus message attributes. */
final class JsonCodec implements MessageCodec {
    private final List<ColumnSpec> columns;
    private final Values values;
    private final boolean skipTombstones;

    JsonCodec(List<ColumnSpec> columns, Values values, boolean skipTombstones) {
        this.columns = columns;
        this.values = values;
        this.skipTombstones = skipTombstones;
    }

    @Override
    public boolean decode(ConsumerRecord<byte[], byte[]> m, Column[] out) throws DirtyMessageException {
        if (m.value() == null) {
            if (skipTombstones) {
                return false;
            }
            throw new DirtyMessageException("the message has no value (a tombstone)");
        }
        Object root = parse(values, m.value());
        for (int i = 0; i < out.length; i++) {
            ColumnSpec c = columns.get(i);
            out[i] = c.meta != null ? values.meta(c, m) : values.fromJson(c, c.path.resolve(root));
        }
        return true;
    }

    static Object parse(Values values, byte[] value) throws DirtyMessageException {
        String text = values.decode(value, "the value");
        try {
            return JsonParser.parse(text);
        } catch (JsonSyntaxException e) {
            throw new DirtyMessageException("the value is not JSON: " + e.getMessage() + " in "
                    + Values.abbreviate(text));
        } catch (RuntimeException e) {
            throw new DirtyMessageException("the value is not JSON: " + e + " in " + Values.abbreviate(text));
        }
    }
}
