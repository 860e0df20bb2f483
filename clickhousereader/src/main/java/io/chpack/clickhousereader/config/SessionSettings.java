package io.chpack.clickhousereader.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses the stock {@code session} key (a list of {@code SET name = value[, name2 = value2]} statements, as
 * DataX's rdbms readers take) and chpack's {@code settings} map into ClickHouse query settings. The stock
 * reader ignored {@code session}; here every entry is sent as a setting of every query the reader runs, and
 * the server validates the names (an unknown one fails the job at init).
 */
public final class SessionSettings {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private SessionSettings() {
    }

    /** @param node the raw {@code session} value: a list of strings, or an object of name → value */
    public static Map<String, String> parseSession(Object node) {
        Map<String, String> out = new LinkedHashMap<String, String>();
        if (node == null) {
            return out;
        }
        if (node instanceof Map) {
            return parseMap(Keys.SESSION, (Map<?, ?>) node);
        }
        if (!(node instanceof List)) {
            throw ConfigErrors.error(Keys.SESSION, "must be a list of \"SET name = value\" strings or an object of "
                    + "settings; got " + node);
        }
        List<?> list = (List<?>) node;
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            String key = Keys.SESSION + "[" + i + "]";
            if (!(item instanceof String)) {
                throw ConfigErrors.error(key, "must be a \"SET name = value\" string; got " + item);
            }
            parseStatement(key, (String) item, out);
        }
        return out;
    }

    /** The {@code settings} object: name → string/number/boolean. */
    public static Map<String, String> parseMap(String key, Map<?, ?> map) {
        Map<String, String> out = new LinkedHashMap<String, String>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = String.valueOf(e.getKey()).trim();
            Object v = e.getValue();
            if (!NAME.matcher(name).matches()) {
                throw ConfigErrors.error(key, "has '" + name + "', which is not a setting name");
            }
            if (v == null || v instanceof Map || v instanceof List) {
                throw ConfigErrors.error(key + "." + name, "must be a string, number or boolean; got " + v);
            }
            out.put(name, v instanceof Boolean ? (((Boolean) v) ? "1" : "0") : String.valueOf(v));
        }
        return out;
    }

    static void parseStatement(String key, String statement, Map<String, String> out) {
        String s = statement.trim();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        if (s.regionMatches(true, 0, "SET ", 0, 4)) {
            s = s.substring(4).trim();
        }
        if (s.regionMatches(true, 0, "SESSION ", 0, 8)) { // mysqlreader style "set session x=1"
            s = s.substring(8).trim();
        }
        if (s.isEmpty()) {
            throw ConfigErrors.error(key, "'" + statement + "' sets nothing; expected \"SET name = value\"");
        }
        for (String assignment : splitTopLevel(s)) {
            int eq = assignment.indexOf('=');
            String name = eq < 0 ? assignment.trim() : assignment.substring(0, eq).trim();
            if (eq < 0 || !NAME.matcher(name).matches()) {
                throw ConfigErrors.error(key, "'" + statement + "' is not a \"SET name = value\" statement");
            }
            String value = unquote(assignment.substring(eq + 1).trim());
            if (value == null) {
                throw ConfigErrors.error(key, "'" + statement + "' has no value for " + name);
            }
            out.put(name, value);
        }
    }

    /** Splits {@code a = 1, b = 'x,y'} at commas outside quotes. */
    static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<String>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == '\\' && i + 1 < s.length()) {
                    cur.append(s.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                cur.append(c);
            } else if (c == ',') {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }

    private static String unquote(String v) {
        if (v.isEmpty()) {
            return null;
        }
        if (v.length() >= 2 && (v.charAt(0) == '\'' || v.charAt(0) == '"') && v.charAt(v.length() - 1) == v.charAt(0)) {
            String inner = v.substring(1, v.length() - 1);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (c == '\\' && i + 1 < inner.length()) {
                    b.append(inner.charAt(++i));
                } else {
                    b.append(c);
                }
            }
            return b.toString();
        }
        return v;
    }
}
