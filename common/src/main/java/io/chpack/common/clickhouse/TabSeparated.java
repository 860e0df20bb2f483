package io.chpack.common.clickhouse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * ClickHouse's {@code TabSeparated} output, as the plugins read their small metadata queries (system tables,
 * DESCRIBE, version): rows of cells with the format's backslash escapes undone. {@code \N} (NULL) becomes
 * {@code N}, as the escape rule gives: callers query columns that are never NULL or wrap them in
 * {@code ifNull}.
 */
public final class TabSeparated {
    private TabSeparated() {
    }

    /** The whole body of a response, as UTF-8 text. */
    public static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    /** The rows of a body; empty lines (the final newline) are skipped. */
    public static List<String[]> parse(String body) {
        List<String[]> rows = new ArrayList<String[]>();
        for (String line : body.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            for (int i = 0; i < cells.length; i++) {
                cells[i] = unescape(cells[i]);
            }
            rows.add(cells);
        }
        return rows;
    }

    /** One cell with {@code \t \n \r \b \f \0} and backslash-escaped characters undone. */
    public static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 't': b.append('\t'); break;
                    case 'n': b.append('\n'); break;
                    case 'r': b.append('\r'); break;
                    case 'b': b.append('\b'); break;
                    case 'f': b.append('\f'); break;
                    case '0': b.append('\0'); break;
                    default: b.append(n);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
