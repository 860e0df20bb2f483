package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tuple(T1, T2, …): the elements one after another, nothing else. Decodes to a List in element order.
 * Encodes a List or Object[] of exactly the element count; a named tuple also takes a Map from element
 * name to value (every name required, no others).
 */
final class TupleCodec extends RowBinaryCodec {
    private final RowBinaryCodec[] elements;
    private final List<String> names;

    TupleCodec(ClickHouseType type, RowBinaryCodec[] elements) {
        super(type);
        this.elements = elements.clone();
        this.names = type.tupleElementNames();
    }

    @Override
    public void encode(Object value, RowBinaryOutput out) throws IOException {
        if (value instanceof List) {
            List<?> l = (List<?>) value;
            checkSize(l.size(), value);
            for (int i = 0; i < elements.length; i++) {
                encodeElement(i, l.get(i), out);
            }
        } else if (value instanceof Object[]) {
            Object[] a = (Object[]) value;
            checkSize(a.length, value);
            for (int i = 0; i < elements.length; i++) {
                encodeElement(i, a[i], out);
            }
        } else if (value instanceof Map && names != null) {
            Map<?, ?> m = (Map<?, ?>) value;
            for (Object k : m.keySet()) {
                if (!(k instanceof String) || !names.contains(k)) {
                    throw new RowBinaryValueException(type + " has no element named " + ValueDescriber.describe(k));
                }
            }
            for (int i = 0; i < elements.length; i++) {
                if (!m.containsKey(names.get(i))) {
                    throw new RowBinaryValueException("value for " + type + " lacks element '" + names.get(i) + "'");
                }
                encodeElement(i, m.get(names.get(i)), out);
            }
        } else if (value == null) {
            throw nullValue();
        } else {
            throw wrongClass(value, names == null ? "a List or Object[]" : "a List, Object[] or Map by element name");
        }
    }

    private void checkSize(int size, Object value) {
        if (size != elements.length) {
            throw new RowBinaryValueException("value " + ValueDescriber.describe(value) + " has " + size
                    + " elements, ClickHouse " + type + " has " + elements.length);
        }
    }

    private void encodeElement(int i, Object v, RowBinaryOutput out) throws IOException {
        try {
            elements[i].encode(v, out);
        } catch (RowBinaryValueException ex) {
            String which = names == null ? "element " + (i + 1) : "element '" + names.get(i) + "'";
            throw new RowBinaryValueException(which + " of " + type + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public Object decode(RowBinaryInput in) throws IOException {
        List<Object> l = new ArrayList<>(elements.length);
        for (RowBinaryCodec e : elements) {
            l.add(e.decode(in));
        }
        return l;
    }

    @Override
    public void skip(RowBinaryInput in) throws IOException {
        for (RowBinaryCodec e : elements) {
            e.skip(in);
        }
    }
}
