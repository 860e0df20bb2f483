package io.chpack.clickhousereader.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Table names as DataX writes them: {@code t}, {@code db.t}, backquoted parts, and the rdbms readers'
 * range expansion {@code t_[0-31]} (also {@code t_[00-31]}, zero-padded to the width of the bounds).
 */
public final class TableNames {
    private static final Pattern RANGE = Pattern.compile("\\[(\\d+)-(\\d+)\\]");

    private TableNames() {
    }

    /** One parsed name; {@code database} is null when the name has none. */
    public static final class Name {
        public final String database;
        public final String table;

        Name(String database, String table) {
            this.database = database;
            this.table = table;
        }
    }

    /** Expands every {@code [a-b]} range (at most one per name). */
    public static List<String> expand(String key, String name) {
        List<String> out = new ArrayList<String>();
        Matcher m = RANGE.matcher(name);
        if (!m.find()) {
            out.add(name);
            return out;
        }
        String a = m.group(1);
        String b = m.group(2);
        long from = Long.parseLong(a);
        long to = Long.parseLong(b);
        if (from > to || to - from > 100000) {
            throw ConfigErrors.error(key, "'" + name + "' has a bad range [" + a + "-" + b + "]");
        }
        int width = a.startsWith("0") && a.length() > 1 ? a.length() : 0;
        for (long i = from; i <= to; i++) {
            String n = String.valueOf(i);
            while (n.length() < width) {
                n = "0" + n;
            }
            out.add(name.substring(0, m.start()) + n + name.substring(m.end()));
        }
        return out;
    }

    /** Splits {@code db.t} / {@code `my db`.`t`} at the dot outside quotes. */
    public static Name parse(String key, String raw) {
        List<String> parts = new ArrayList<String>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        String s = raw.trim();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\' && i + 1 < s.length()) {
                    cur.append(s.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '`' || c == '"') {
                quote = c;
            } else if (c == '.') {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        if (quote != 0 || parts.size() > 2 || parts.contains("")) {
            throw ConfigErrors.error(key, "'" + raw + "' is not a table name (expected table or database.table)");
        }
        return parts.size() == 2 ? new Name(parts.get(0), parts.get(1)) : new Name(null, parts.get(0));
    }
}
