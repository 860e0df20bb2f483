package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;

import java.io.IOException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Array(T) (and Nested, which travels as Array(Tuple(...))): VarUInt element count, then the elements.
 * Decodes to an ArrayList; encodes any Collection (in iteration order), an Object[] or a primitive array.
 */
final class ArrayCodec extends RowBinaryCodec {
    private static final int MAX_PREALLOCATED = 1024;
    private final RowBinaryCodec element;

    ArrayCodec(ClickHouseType type, RowBinaryCodec element) {
        super(type);
        this.element = element;
    }

    @Override
    public void encode(Object value, RowBinaryOutput out) throws IOException {
        if (value instanceof Collection) {
            Collection<?> c = (Collection<?>) value;
            out.writeVarUInt(c.size());
            int i = 0;
            for (Object e : c) {
                encodeElement(e, i++, out);
            }
        } else if (value instanceof Object[]) {
            Object[] a = (Object[]) value;
            out.writeVarUInt(a.length);
            for (int i = 0; i < a.length; i++) {
                encodeElement(a[i], i, out);
            }
        } else if (value instanceof byte[] && elementTakesBytes()) {
            byte[] b = (byte[]) value;
            boolean unsigned = element.type().kind() == io.chpack.common.chtype.ClickHouseTypeKind.UINT8;
            out.writeVarUInt(b.length);
            for (byte x : b) {
                element.encodeLong(unsigned ? x & 0xFF : x, out);
            }
        } else if (value != null && value.getClass().isArray() && !(value instanceof byte[])) {
            int n = Array.getLength(value);
            out.writeVarUInt(n);
            for (int i = 0; i < n; i++) {
                encodeElement(Array.get(value, i), i, out);
            }
        } else if (value == null) {
            throw nullValue();
        } else {
            throw wrongClass(value, "a Collection or an array");
        }
    }

    /**
     * A byte[] is an Array(Int8) or Array(UInt8) value (bytes read unsigned for UInt8); for other element
     * types it is more likely a mistake.
     */
    private boolean elementTakesBytes() {
        switch (element.type().kind()) {
            case INT8:
            case UINT8:
                return true;
            default:
                return false;
        }
    }

    private void encodeElement(Object e, int index, RowBinaryOutput out) throws IOException {
        try {
            element.encode(e, out);
        } catch (RowBinaryValueException ex) {
            throw new RowBinaryValueException("element " + index + " of " + type + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public Object decode(RowBinaryInput in) throws IOException {
        int n = in.readLength(type.toString());
        List<Object> list = new ArrayList<>(Math.min(n, MAX_PREALLOCATED));
        for (int i = 0; i < n; i++) {
            list.add(element.decode(in));
        }
        return list;
    }

    @Override
    public void skip(RowBinaryInput in) throws IOException {
        int n = in.readLength(type.toString());
        int w = element.type().fixedByteWidth();
        if (w >= 0) {
            in.skip((long) n * w, type.toString());
            return;
        }
        for (int i = 0; i < n; i++) {
            element.skip(in);
        }
    }

    RowBinaryCodec elementCodec() {
        return element;
    }
}
