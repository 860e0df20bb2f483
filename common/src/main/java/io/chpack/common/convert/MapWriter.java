package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.StringColumn;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.json.JsonObject;
import io.chpack.common.rowbinary.RowBinaryOutput;

import java.io.IOException;

/**
 * Map(K, V) from a JSON object, e.g. {@code {"k":1}}: members in their order (repeated names are kept,
 * as a ClickHouse Map keeps repeated keys); each name is a StringColumn converted by K's rules (so
 * {@code {"1":"a"}} fills Map(UInt8, String)), each value by V's.
 */
final class MapWriter extends TypedWriter {
    private final ValueWriter key;
    private final ValueWriter value;

    MapWriter(ClickHouseType type, ConversionOptions options, ValueWriter key, ValueWriter value) {
        super(type, options);
        this.key = key;
        this.value = value;
    }

    @Override
    void writeValue(Column c, Object raw, RowBinaryOutput out) throws IOException {
        Object tree = JsonValues.tree(c, raw, type.toString());
        if (!(tree instanceof JsonObject)) {
            throw new Reject(JsonValues.kind(tree) + " is not a JSON object, which " + type + " needs");
        }
        JsonObject o = (JsonObject) tree;
        out.writeVarUInt(o.size());
        for (int i = 0; i < o.size(); i++) {
            String name = o.nameAt(i);
            try {
                key.write(new StringColumn(name), out);
            } catch (Reject r) {
                throw r.within("key " + ValueText.quoted(name));
            }
            try {
                value.write(JsonValues.column(o.valueAt(i)), out);
            } catch (Reject r) {
                throw r.within("value of key " + ValueText.quoted(name));
            }
        }
    }

    @Override
    void writeDefault(RowBinaryOutput out) throws IOException {
        out.writeVarUInt(0);
    }
}
