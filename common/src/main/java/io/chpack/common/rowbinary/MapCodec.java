package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Map(K, V): VarUInt entry count, then key, value, key, value… Encodes any java.util.Map in its iteration
 * order. Decodes to a LinkedHashMap in wire order; String keys decode to byte[] like all Strings, so
 * iterate such a map rather than look keys up. A repeated (equal) key is a format error, since a
 * java.util.Map cannot hold it; read such data with CAST(col AS Array(Tuple(K, V))).
 */
final class MapCodec extends RowBinaryCodec {
    private final RowBinaryCodec key;
    private final RowBinaryCodec value;

    MapCodec(ClickHouseType type, RowBinaryCodec key, RowBinaryCodec value) {
        super(type);
        this.key = key;
        this.value = value;
    }

    @Override
    public void encode(Object v, RowBinaryOutput out) throws IOException {
        if (v instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) v;
            out.writeVarUInt(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                try {
                    key.encode(e.getKey(), out);
                } catch (RowBinaryValueException ex) {
                    throw new RowBinaryValueException("key of " + type + ": " + ex.getMessage(), ex);
                }
                try {
                    value.encode(e.getValue(), out);
                } catch (RowBinaryValueException ex) {
                    throw new RowBinaryValueException("value of key " + ValueDescriber.describe(e.getKey()) + " in "
                            + type + ": " + ex.getMessage(), ex);
                }
            }
        } else if (v == null) {
            throw nullValue();
        } else {
            throw wrongClass(v, "a java.util.Map");
        }
    }

    @Override
    public Object decode(RowBinaryInput in) throws IOException {
        int n = in.readLength(type.toString());
        Map<Object, Object> m = new LinkedHashMap<>(Math.min(n, 1024) * 4 / 3 + 1);
        for (int i = 0; i < n; i++) {
            long at = in.offset();
            Object k = key.decode(in);
            Object v = value.decode(in);
            if (m.containsKey(k)) {
                throw new RowBinaryFormatException(type + " value at offset " + at + " repeats the key "
                        + ValueDescriber.describe(k) + "; read it as CAST(col AS Array(Tuple(K, V))) instead");
            }
            m.put(k, v);
        }
        return m;
    }

    @Override
    public void skip(RowBinaryInput in) throws IOException {
        int n = in.readLength(type.toString());
        for (int i = 0; i < n; i++) {
            key.skip(in);
            value.skip(in);
        }
    }
}
