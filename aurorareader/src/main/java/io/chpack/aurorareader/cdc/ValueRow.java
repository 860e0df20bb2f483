package io.chpack.aurorareader.cdc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One change-log row presented as a one-row JDBC {@link ResultSet}, so that the very readers the full load uses
 * ({@link io.chpack.common.mapping.JdbcValueReader} from {@code MysqlTypeMapping}/{@code PostgresTypeMapping})
 * turn change-log values into DataX Columns: a row that was snapshotted and the same row replayed from the log
 * become identical Columns by construction.
 *
 * <p>Each cell holds what the JDBC driver would have received: the server's text ({@link String}), or raw bytes
 * ({@code byte[]}: binary strings, BIT), or null. Getters follow the drivers' text-protocol semantics
 * (MariaDB Connector/J and PgJDBC): {@code getLong}/{@code getBigDecimal}/{@code getDouble} parse the text,
 * {@code getBoolean} accepts {@code t}/{@code true}/{@code 1}, {@code getObject(i, LocalDate/LocalDateTime/
 * OffsetDateTime)} parse PostgreSQL's ISO text with {@code infinity} as the MAX/MIN constants (PgJDBC's rule).
 */
final class ValueRow {
    private final Object[] cells;
    private boolean lastNull;
    private final ResultSet proxy;

    ValueRow(int width) {
        this.cells = new Object[width];
        this.proxy = (ResultSet) Proxy.newProxyInstance(ValueRow.class.getClassLoader(),
                new Class<?>[] {ResultSet.class}, new Handler());
    }

    void set(int zeroBasedIndex, Object value) {
        cells[zeroBasedIndex] = value;
    }

    void clear() {
        java.util.Arrays.fill(cells, null);
    }

    ResultSet resultSet() {
        return proxy;
    }

    private Object cell(Object[] args) throws SQLException {
        int i = (Integer) args[0];
        if (i < 1 || i > cells.length) {
            throw new SQLException("column index " + i + " out of 1.." + cells.length);
        }
        Object v = cells[i - 1];
        lastNull = v == null;
        return v;
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof byte[]) {
            return new String((byte[]) v, StandardCharsets.UTF_8);
        }
        return v.toString();
    }

    private final class Handler implements InvocationHandler {
        @Override
        public Object invoke(Object p, Method m, Object[] args) throws Throwable {
            String name = m.getName();
            switch (name) {
                case "wasNull":
                    return lastNull;
                case "getString":
                    return text(cell(args));
                case "getBytes": {
                    Object v = cell(args);
                    return v == null ? null : v instanceof byte[] ? v : text(v).getBytes(StandardCharsets.UTF_8);
                }
                case "getLong": {
                    String s = text(cell(args));
                    return s == null ? 0L : Long.parseLong(s.trim());
                }
                case "getInt": {
                    String s = text(cell(args));
                    return s == null ? 0 : Integer.parseInt(s.trim());
                }
                case "getBigDecimal": {
                    String s = text(cell(args));
                    return s == null ? null : new BigDecimal(s.trim());
                }
                case "getDouble": {
                    String s = text(cell(args));
                    return s == null ? 0d : Double.parseDouble(s.trim());
                }
                case "getFloat": {
                    String s = text(cell(args));
                    return s == null ? 0f : Float.parseFloat(s.trim());
                }
                case "getBoolean": {
                    String s = text(cell(args));
                    if (s == null) {
                        return false;
                    }
                    String t = s.trim().toLowerCase(java.util.Locale.ROOT);
                    return t.equals("t") || t.equals("true") || t.equals("1") || t.equals("y") || t.equals("yes")
                            || t.equals("on");
                }
                case "getObject": {
                    Object v = cell(args);
                    if (args.length == 2 && args[1] instanceof Class) {
                        return v == null ? null : PgText.temporal(text(v), (Class<?>) args[1]);
                    }
                    return v;
                }
                case "unwrap":
                    throw new SQLException("not a wrapper");
                case "isWrapperFor":
                    return false;
                case "hashCode":
                    return System.identityHashCode(p);
                case "equals":
                    return p == args[0];
                case "toString":
                    return "ValueRow" + java.util.Arrays.deepToString(cells);
                default:
                    throw new SQLFeatureNotSupportedException("ValueRow does not implement ResultSet." + name);
            }
        }
    }

    /** PostgreSQL's ISO date/time text (DateStyle ISO) → java.time, PgJDBC-style. */
    static final class PgText {
        private PgText() {
        }

        static Object temporal(String s, Class<?> type) throws SQLException {
            String t = s.trim();
            boolean inf = t.equals("infinity");
            boolean negInf = t.equals("-infinity");
            if (type == LocalDate.class) {
                return inf ? LocalDate.MAX : negInf ? LocalDate.MIN : date(t);
            }
            if (type == LocalDateTime.class) {
                return inf ? LocalDateTime.MAX : negInf ? LocalDateTime.MIN : dateTime(t);
            }
            if (type == OffsetDateTime.class) {
                if (inf || negInf) {
                    return inf ? OffsetDateTime.MAX : OffsetDateTime.MIN;
                }
                return offsetDateTime(t);
            }
            if (type == String.class) {
                return s;
            }
            throw new SQLException("ValueRow cannot convert '" + s + "' to " + type.getName());
        }

        /** {@code 2024-01-02}, {@code 0044-03-15 BC}. */
        static LocalDate date(String t) {
            boolean bc = t.endsWith(" BC");
            String d = bc ? t.substring(0, t.length() - 3) : t;
            int dash1 = d.indexOf('-', 1);
            int year = Integer.parseInt(d.substring(0, dash1));
            int month = Integer.parseInt(d.substring(dash1 + 1, dash1 + 3));
            int day = Integer.parseInt(d.substring(dash1 + 4, dash1 + 6));
            return LocalDate.of(bc ? 1 - year : year, month, day);
        }

        static LocalDateTime dateTime(String t) {
            boolean bc = t.endsWith(" BC");
            String d = bc ? t.substring(0, t.length() - 3) : t;
            int space = d.indexOf(' ');
            LocalDate date = date(d.substring(0, space) + (bc ? " BC" : ""));
            return LocalDateTime.of(date, time(d.substring(space + 1)));
        }

        /** {@code 2024-01-02 03:04:05.123456+05:30} (offset hours, optional minutes and seconds). */
        static OffsetDateTime offsetDateTime(String t) {
            boolean bc = t.endsWith(" BC");
            String d = bc ? t.substring(0, t.length() - 3) : t;
            int space = d.indexOf(' ');
            String rest = d.substring(space + 1);
            int sign = Math.max(rest.lastIndexOf('+'), rest.lastIndexOf('-'));
            ZoneOffset off = offset(rest.substring(sign));
            LocalDate date = date(d.substring(0, space) + (bc ? " BC" : ""));
            return OffsetDateTime.of(date, time(rest.substring(0, sign)), off);
        }

        static LocalTime time(String t) {
            int h = Integer.parseInt(t.substring(0, 2));
            int m = Integer.parseInt(t.substring(3, 5));
            int sec = Integer.parseInt(t.substring(6, 8));
            int nanos = 0;
            if (t.length() > 9 && t.charAt(8) == '.') {
                String f = t.substring(9);
                nanos = Integer.parseInt((f + "000000000").substring(0, 9));
            }
            if (h == 24) {
                return LocalTime.MAX;
            }
            return LocalTime.of(h, m, sec, nanos);
        }

        static ZoneOffset offset(String o) {
            int sign = o.charAt(0) == '-' ? -1 : 1;
            String[] parts = o.substring(1).split(":");
            int h = Integer.parseInt(parts[0]);
            int m = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            int s = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
            return ZoneOffset.ofHoursMinutesSeconds(sign * h, sign * m, sign * s);
        }
    }
}
