package io.chpack.aurorareader.config;

import java.util.ArrayList;
import java.util.List;

/** Splits {@code schema.table} (parts optionally quoted with ` or ") into unquoted parts. */
public final class TableName {
    private TableName() {
    }

    public static List<String> parts(String name) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    if (i + 1 < name.length() && name.charAt(i + 1) == quote) {
                        cur.append(c);
                        i++;
                    } else {
                        quote = 0;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '`' || c == '"') {
                quote = c;
            } else if (c == '.') {
                out.add(cur.toString());
                cur.setLength(0);
            } else if (!Character.isWhitespace(c)) {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        for (String p : out) {
            if (p.isEmpty()) {
                throw new IllegalArgumentException("table name '" + name + "' has an empty part");
            }
        }
        if (out.size() > 2) {
            throw new IllegalArgumentException("table name '" + name + "' has more than two parts (schema.table)");
        }
        return out;
    }

    /** The schema part, or null. */
    public static String schema(String name) {
        List<String> p = parts(name);
        return p.size() == 2 ? p.get(0) : null;
    }

    public static String table(String name) {
        List<String> p = parts(name);
        return p.get(p.size() - 1);
    }
}
