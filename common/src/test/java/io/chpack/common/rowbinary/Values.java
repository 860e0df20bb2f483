package io.chpack.common.rowbinary;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Structural equality for decoded values (byte[] by content, Map by entry order, NaN equal to NaN). */
final class Values {
    private Values() {
    }

    static boolean deepEquals(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof byte[] && b instanceof byte[]) {
            return Arrays.equals((byte[]) a, (byte[]) b);
        }
        if (a instanceof List && b instanceof List) {
            List<?> x = (List<?>) a;
            List<?> y = (List<?>) b;
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!deepEquals(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map && b instanceof Map) {
            Map<?, ?> x = (Map<?, ?>) a;
            Map<?, ?> y = (Map<?, ?>) b;
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<? extends Map.Entry<?, ?>> i = x.entrySet().iterator();
            Iterator<? extends Map.Entry<?, ?>> j = y.entrySet().iterator();
            while (i.hasNext()) {
                Map.Entry<?, ?> e = i.next();
                Map.Entry<?, ?> f = j.next();
                if (!deepEquals(e.getKey(), f.getKey()) || !deepEquals(e.getValue(), f.getValue())) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b); // Float/Double.equals: NaN == NaN, -0.0 != 0.0 — exactly bit-level for our purpose
    }

    static String show(Object v) {
        if (v instanceof byte[]) {
            return "bytes" + Arrays.toString((byte[]) v);
        }
        if (v instanceof List) {
            StringBuilder sb = new StringBuilder("[");
            for (Object o : (List<?>) v) {
                sb.append(show(o)).append(", ");
            }
            return sb.append(']').toString();
        }
        if (v instanceof Map) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                sb.append(show(e.getKey())).append('=').append(show(e.getValue())).append(", ");
            }
            return sb.append('}').toString();
        }
        return v == null ? "null" : v + " (" + v.getClass().getSimpleName() + ")";
    }
}
