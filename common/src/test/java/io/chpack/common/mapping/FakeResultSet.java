package io.chpack.common.mapping;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.ResultSet;

/**
 * A one-row ResultSet over given values, answering the getters the readers use the way JDBC drivers do
 * (getLong of NULL is 0 and wasNull() turns true). Values are what the driver would hold: Strings for text
 * columns, byte[] for binary, java.time objects for getObject(i, Class).
 */
final class FakeResultSet {
    private FakeResultSet() {
    }

    static ResultSet row(Object... values) {
        boolean[] lastNull = {false};
        return (ResultSet) Proxy.newProxyInstance(FakeResultSet.class.getClassLoader(), new Class<?>[]{ResultSet.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("wasNull")) {
                        return lastNull[0];
                    }
                    if (!name.startsWith("get") || args == null || !(args[0] instanceof Integer)) {
                        throw new UnsupportedOperationException(name);
                    }
                    Object v = values[(Integer) args[0] - 1];
                    lastNull[0] = v == null;
                    switch (name) {
                        case "getString":
                            return v == null ? null : v instanceof byte[] ? new String((byte[]) v) : v.toString();
                        case "getLong":
                            return v == null ? 0L : v instanceof Boolean ? ((Boolean) v ? 1L : 0L) : Long.parseLong(v.toString());
                        case "getFloat":
                            return v == null ? 0f : Float.parseFloat(v.toString());
                        case "getDouble":
                            return v == null ? 0d : Double.parseDouble(v.toString());
                        case "getBoolean":
                            return v != null && (v instanceof Boolean ? (Boolean) v : v.toString().equals("t") || v.toString().equals("1"));
                        case "getBigDecimal":
                            return v == null ? null : new BigDecimal(v.toString());
                        case "getBytes":
                            return v;
                        case "getObject":
                            if (v == null) {
                                return null;
                            }
                            Class<?> c = (Class<?>) args[1];
                            if (!c.isInstance(v)) {
                                throw new IllegalStateException("fake holds " + v.getClass() + ", asked for " + c);
                            }
                            return v;
                        default:
                            throw new UnsupportedOperationException(name);
                    }
                });
    }
}
