package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryOutput;

import java.io.IOException;
import java.util.List;

/**
 * Array(T) and Nested(…) (an array of named tuples) from a JSON array — JSON text in a StringColumn or
 * UTF-8 JSON in a BytesColumn, e.g. {@code [1,2,3]}, {@code [[1],[]]}, {@code [{"a":1,"b":"x"}]} — each
 * element converted by T's own rules; JSON null elements follow T's NULL rule.
 */
final class ArrayWriter extends TypedWriter {
    private final ValueWriter element;

    ArrayWriter(ClickHouseType type, ConversionOptions options, ValueWriter element) {
        super(type, options);
        this.element = element;
    }

    @Override
    void writeValue(Column c, Object raw, RowBinaryOutput out) throws IOException {
        Object tree = JsonValues.tree(c, raw, type.toString());
        if (!(tree instanceof List)) {
            throw new Reject(JsonValues.kind(tree) + " is not a JSON array, which " + type + " needs");
        }
        List<?> items = (List<?>) tree;
        out.writeVarUInt(items.size());
        for (int i = 0; i < items.size(); i++) {
            try {
                element.write(JsonValues.column(items.get(i)), out);
            } catch (Reject r) {
                throw r.within("element [" + i + "]");
            }
        }
    }

    @Override
    void writeDefault(RowBinaryOutput out) throws IOException {
        out.writeVarUInt(0);
    }
}
