package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.StringColumn;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.json.JsonStrings;
import io.chpack.common.rowbinary.RowBinaryInput;

import java.io.IOException;
import java.util.List;

/**
 * Array, Nested, Map and Tuple → StringColumn of compact JSON, elements rendered by their own readers'
 * {@code appendJson}: Array/Nested → {@code [..]} (Nested elements as objects); Map → {@code {..}} with
 * keys as JSON strings (a number key 1 becomes "1"; repeated keys are kept, in wire order); unnamed
 * Tuple → {@code [..]}; named Tuple → {@code {"a":..}}. If an element fails, the rest of the value is
 * still consumed before the rejection, so the stream stays aligned.
 */
final class JsonTextReader extends ValueReader {
    private enum Shape { ARRAY, MAP, TUPLE, NAMED_TUPLE }

    private final Shape shape;
    private final ValueReader[] parts; // array: [element]; map: [key, value]; tuple: elements
    private final String[] quotedNames;

    JsonTextReader(ClickHouseType type, ValueReader[] parts) {
        super(type);
        this.parts = parts;
        switch (type.kind()) {
            case ARRAY:
            case NESTED:
                shape = Shape.ARRAY;
                quotedNames = null;
                break;
            case MAP:
                shape = Shape.MAP;
                quotedNames = null;
                break;
            default:
                List<String> names = type.tupleElementNames();
                shape = names == null ? Shape.TUPLE : Shape.NAMED_TUPLE;
                quotedNames = names == null ? null : new String[names.size()];
                for (int i = 0; quotedNames != null && i < quotedNames.length; i++) {
                    quotedNames[i] = JsonStrings.quote(names.get(i));
                }
        }
    }

    @Override
    Column read(RowBinaryInput in) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        appendJson(in, sb);
        return new StringColumn(sb.toString());
    }

    @Override
    void appendJson(RowBinaryInput in, StringBuilder sb) throws IOException {
        Reject first = null;
        switch (shape) {
            case ARRAY: {
                int n = in.readLength(type.toString());
                sb.append('[');
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    first = part(parts[0], in, sb, first, ELEMENT, i);
                }
                sb.append(']');
                break;
            }
            case MAP: {
                int n = in.readLength(type.toString());
                sb.append('{');
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    int at = sb.length();
                    first = part(parts[0], in, sb, first, KEY, i);
                    if (sb.length() == at || sb.charAt(at) != '"') { // JSON names are strings
                        sb.insert(at, '"').append('"');
                    }
                    sb.append(':');
                    first = part(parts[1], in, sb, first, VALUE, i);
                }
                sb.append('}');
                break;
            }
            default: {
                boolean named = shape == Shape.NAMED_TUPLE;
                sb.append(named ? '{' : '[');
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    if (named) {
                        sb.append(quotedNames[i]).append(':');
                    }
                    first = part(parts[i], in, sb, first, named ? NAMED_ELEMENT : TUPLE_ELEMENT, i);
                }
                sb.append(named ? '}' : ']');
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static final int ELEMENT = 0;
    private static final int KEY = 1;
    private static final int VALUE = 2;
    private static final int NAMED_ELEMENT = 3;
    private static final int TUPLE_ELEMENT = 4;

    /** Where a part is, for messages; built only when the part is rejected. */
    private String where(int kind, int i) {
        switch (kind) {
            case ELEMENT: return "element [" + i + "]";
            case KEY: return "key of entry [" + i + "]";
            case VALUE: return "value of entry [" + i + "]";
            case NAMED_ELEMENT: return "element " + quotedNames[i].replace('"', '\'');
            default: return "element " + (i + 1);
        }
    }

    /** Renders one part; on rejection remembers the first and keeps consuming. */
    private Reject part(ValueReader r, RowBinaryInput in, StringBuilder sb, Reject first, int kind, int i)
            throws IOException {
        try {
            r.appendJson(in, sb);
            return first;
        } catch (Reject e) {
            return first != null ? first : e.within(where(kind, i));
        }
    }

    @Override
    Column nullColumn() {
        return new StringColumn(null);
    }
}
