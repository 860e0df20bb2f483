package io.chpack.odpswriterext.conn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;

import io.chpack.common.chtype.ClickHouseType;
import io.chpack.odpswriterext.OdpsWriterErrorCode;

/**
 * The column types of what a peer {@code clickhousereader} reads, for {@code createTable}: its first
 * {@code connection[0].jdbcUrl} host, its {@code table} (with its {@code column} list) or {@code querySql}, and its
 * {@code username}/{@code password}, asked with {@code DESCRIBE TABLE (SELECT ...)} over ClickHouse's HTTP
 * interface (18.16 and later), and the server's {@code timezone()}. The password is sent as HTTP basic auth and
 * never appears in messages.
 */
public final class ClickHouseSchemaSource {
    private final String baseUrl;
    private final String database;
    private final String user;
    private final String password;
    private final String select;

    private ClickHouseSchemaSource(String baseUrl, String database, String user, String password, String select) {
        this.baseUrl = baseUrl;
        this.database = database;
        this.user = user;
        this.password = password;
        this.select = select;
    }

    /** From the reader's {@code parameter}. */
    public static ClickHouseSchemaSource fromReaderConfig(Configuration reader) {
        String url = first(reader, "connection[0].jdbcUrl");
        if (url == null) {
            throw error("the clickhousereader configuration has no connection[0].jdbcUrl");
        }
        String rest = url.replaceFirst("^jdbc:(clickhouse|ch):", "");
        boolean https = rest.startsWith("https://") || url.contains("ssl=true");
        rest = rest.replaceFirst("^(https?:)?//", "");
        int q = rest.indexOf('?');
        if (q >= 0) {
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String hosts = slash >= 0 ? rest.substring(0, slash) : rest;
        String db = slash >= 0 ? rest.substring(slash + 1) : "";
        String host = hosts.split(",")[0];
        if (!host.contains(":")) {
            host = host + (https ? ":8443" : ":8123");
        }
        String user = reader.getString("username", "default");
        String password = reader.getString("password", "");
        String select;
        String querySql = first(reader, "connection[0].querySql");
        if (querySql != null) {
            select = querySql.trim().replaceAll(";\\s*$", "");
        } else {
            String table = first(reader, "connection[0].table");
            if (table == null) {
                throw error("the clickhousereader configuration has neither connection[0].table nor querySql");
            }
            List<String> cols = reader.getList("column", String.class);
            String list = cols == null || cols.isEmpty() || (cols.size() == 1 && cols.get(0).trim().equals("*"))
                    ? "*" : String.join(", ", cols);
            select = "SELECT " + list + " FROM " + table;
        }
        return new ClickHouseSchemaSource((https ? "https://" : "http://") + host + "/", db.isEmpty() ? null : db,
                user, password, select);
    }

    private static String first(Configuration c, String path) {
        Object v = c.get(path);
        if (v instanceof List) {
            List<?> l = (List<?>) v;
            return l.isEmpty() || l.get(0) == null ? null : l.get(0).toString();
        }
        return v == null ? null : v.toString();
    }

    /** Name → type of the columns the reader emits, in its order. */
    public Map<String, ClickHouseType> columns() {
        String tsv = query("DESCRIBE TABLE (" + select + ") FORMAT TabSeparated");
        Map<String, ClickHouseType> out = new LinkedHashMap<>();
        for (String line : tsv.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            out.put(unescape(f[0]), ClickHouseType.parse(unescape(f[1])));
        }
        return out;
    }

    /** The server's time zone. */
    public String timeZone() {
        return query("SELECT timezone() FORMAT TabSeparated").trim();
    }

    private String query(String sql) {
        try {
            String url = baseUrl + (database != null ? "?database=" + URLEncoder.encode(database, "UTF-8") : "");
            HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
            c.setConnectTimeout(10000);
            c.setReadTimeout(60000);
            c.setDoOutput(true);
            c.setRequestMethod("POST");
            c.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8)));
            try (OutputStream o = c.getOutputStream()) {
                o.write(sql.getBytes(StandardCharsets.UTF_8));
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            String body = in == null ? "" : read(in);
            if (status >= 400) {
                String msg = body.trim();
                if (password != null && !password.isEmpty()) {
                    msg = msg.replace(password, "***");
                }
                throw error("ClickHouse at " + baseUrl + " refused '" + sql + "' (HTTP " + status + "): "
                        + (msg.length() > 500 ? msg.substring(0, 500) + "..." : msg));
            }
            return body;
        } catch (IOException e) {
            throw error("cannot read the source column types from ClickHouse at " + baseUrl + ": " + e);
        }
    }

    private static String read(InputStream in) throws IOException {
        try (InputStream i = in) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            for (int n; (n = i.read(buf)) > 0;) {
                b.write(buf, 0, n);
            }
            return new String(b.toByteArray(), StandardCharsets.UTF_8);
        }
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == '0' ? '\0' : n == 'r' ? '\r' : n);
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static DataXException error(String m) {
        return DataXException.asDataXException(OdpsWriterErrorCode.TABLE_ERROR, m);
    }
}
