package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.json.JsonObject;
import io.chpack.common.rowbinary.RowBinaryOutput;

import java.io.IOException;
import java.util.List;

/**
 * Tuple(T1, …, Tn) from a JSON array of exactly n elements ({@code [1,"a"]}); a named tuple also from a
 * JSON object ({@code {"a":1,"b":"x"}}): unknown or repeated names are rejected, a missing name counts as
 * JSON null (so it follows that element's NULL rule).
 */
final class TupleWriter extends TypedWriter {
    private final ValueWriter[] elements;
    private final List<String> names;

    TupleWriter(ClickHouseType type, ConversionOptions options, ValueWriter[] elements) {
        super(type, options);
        this.elements = elements;
        this.names = type.tupleElementNames();
    }

    @Override
    void writeValue(Column c, Object raw, RowBinaryOutput out) throws IOException {
        Object tree = JsonValues.tree(c, raw, type.toString());
        if (tree instanceof List) {
            List<?> items = (List<?>) tree;
            if (items.size() != elements.length) {
                throw new Reject("a JSON array of " + items.size() + " elements does not fit " + type + ", which has "
                        + elements.length);
            }
            for (int i = 0; i < elements.length; i++) {
                writeElement(i, items.get(i), out);
            }
        } else if (tree instanceof JsonObject && names != null) {
            JsonObject o = (JsonObject) tree;
            String dup = o.firstDuplicateName();
            if (dup != null) {
                throw new Reject("the JSON object names " + ValueText.quoted(dup) + " twice");
            }
            Object[] items = new Object[elements.length];
            for (int m = 0; m < o.size(); m++) {
                int i = names.indexOf(o.nameAt(m));
                if (i < 0) {
                    throw new Reject(ValueText.quoted(o.nameAt(m)) + " is not an element of " + type);
                }
                items[i] = o.valueAt(m);
            }
            for (int i = 0; i < elements.length; i++) {
                writeElement(i, items[i], out);
            }
        } else {
            throw new Reject(JsonValues.kind(tree) + " cannot be " + type + " (expected a JSON array"
                    + (names != null ? " or object" : "") + ")");
        }
    }

    private void writeElement(int i, Object node, RowBinaryOutput out) throws IOException {
        try {
            elements[i].write(JsonValues.column(node), out);
        } catch (Reject r) {
            throw r.within(names != null ? "element '" + names.get(i) + "'" : "element " + (i + 1));
        }
    }

    @Override
    void writeDefault(RowBinaryOutput out) throws IOException {
        for (ValueWriter e : elements) {
            e.writeDefault(out);
        }
    }
}
