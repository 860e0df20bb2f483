package io.chpack.aurorareader.ddl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;
import io.chpack.aurorareader.AuroraErrorCode;
import io.chpack.aurorareader.config.AuroraReaderConfig;
import io.chpack.aurorareader.config.Dialect;
import io.chpack.aurorareader.config.TableName;
import io.chpack.aurorareader.plan.ColumnInfo;
import io.chpack.aurorareader.plan.Mappings;
import io.chpack.aurorareader.plan.TableMeta;
import io.chpack.common.mapping.ClickHouseColumnSpec;
import io.chpack.common.mapping.ClickHouseDdl;
import io.chpack.common.mapping.ClickHouseEngine;
import io.chpack.common.mapping.ClickHouseGeneration;
import io.chpack.common.mapping.ClickHouseTableOptions;
import io.chpack.common.mapping.SourceColumn;

/**
 * {@code ddl.mode = print | execute}: the ClickHouse {@code CREATE TABLE IF NOT EXISTS} for a source table, from
 * common's type mapping and {@link ClickHouseDdl} (ORDER BY the primary key, Nullable for nullable columns,
 * ReplacingMergeTree by default: the deduplicating target a resumed load needs). Printed to the log and stdout, or
 * executed over ClickHouse's HTTP interface (the writer's jdbcUrl host unless {@code ddl.clickhouseUrl} is given)
 * in {@code Job.init}, before the writer looks at its table.
 */
public final class DdlHelper {
    private static final Logger LOG = LoggerFactory.getLogger(DdlHelper.class);

    private DdlHelper() {
    }

    public static String ddl(AuroraReaderConfig.Ddl o, TableMeta meta, Dialect d, AuroraReaderConfig config) {
        return ddl(o, o.database, meta, d, config);
    }

    static String ddl(AuroraReaderConfig.Ddl o, String database, TableMeta meta, Dialect d, AuroraReaderConfig config) {
        Mappings mappings = new Mappings(d, config.readOptions);
        List<ClickHouseColumnSpec> specs = new ArrayList<>();
        for (ColumnInfo c : meta.columns) {
            SourceColumn sc = c.keyPosition > 0 ? SourceColumn.key(c.name, c.type, c.keyPosition)
                    : SourceColumn.of(c.name, c.type, c.nullable);
            specs.add(ClickHouseColumnSpec.from(sc, mappings.map(c, meta.name)));
        }
        ClickHouseTableOptions opts = ClickHouseTableOptions.defaults()
                .withGeneration(o.legacy ? ClickHouseGeneration.LEGACY_18_16 : ClickHouseGeneration.MODERN)
                .withEngine(o.engine.equals("MergeTree") || meta.primaryKey.isEmpty() ? ClickHouseEngine.MERGE_TREE
                        : ClickHouseEngine.REPLACING_MERGE_TREE)
                .withVersionColumn(o.versionColumn);
        try {
            return ClickHouseDdl.createTable(database, o.table != null ? o.table : TableName.table(meta.name), specs, opts);
        } catch (IllegalArgumentException e) {
            throw DataXException.asDataXException(AuroraErrorCode.DDL_FAILED, e.getMessage(), e);
        }
    }

    public static void run(AuroraReaderConfig config, TableMeta meta, Dialect d, Configuration peerWriter) {
        AuroraReaderConfig.Ddl o = config.ddl;
        String database = o.database != null ? o.database : writerDatabase(peerWriter);
        String sql = ddl(o, database, meta, d, config);
        LOG.info("ClickHouse DDL for {}:\n{}", meta.name, sql);
        if (o.mode.equals("print")) {
            System.out.println(sql + ";");
            return;
        }
        String url = o.clickhouseUrl;
        String user = o.clickhouseUser;
        String password = o.clickhousePassword;
        if (url == null && peerWriter != null) {
            String jdbc = peerWriter.getString("connection[0].jdbcUrl");
            if (jdbc != null && jdbc.startsWith("[")) {
                jdbc = peerWriter.getString("connection[0].jdbcUrl[0]");
            }
            if (jdbc != null) {
                String rest = jdbc.replaceFirst("^jdbc:(clickhouse|ch):(http:)?//", "");
                int slash = rest.indexOf('/');
                url = "http://" + (slash >= 0 ? rest.substring(0, slash) : rest) + "/";
            }
            if (user == null) {
                user = peerWriter.getString("username");
                password = peerWriter.getString("password");
            }
        }
        if (url == null) {
            throw DataXException.asDataXException(AuroraErrorCode.CONFIG_ERROR, "parameter.ddl.mode execute needs "
                    + "ddl.clickhouseUrl (http://host:8123/) or a writer with connection[0].jdbcUrl");
        }
        execute(url, user, password, sql);
        LOG.info("executed the DDL for {} on {}", meta.name, url);
    }

    /** The database of the writer's {@code jdbc:clickhouse://host:port/db?…} URL, or null. */
    static String writerDatabase(Configuration peerWriter) {
        if (peerWriter == null) {
            return null;
        }
        String jdbc = peerWriter.getString("connection[0].jdbcUrl");
        if (jdbc != null && jdbc.startsWith("[")) {
            jdbc = peerWriter.getString("connection[0].jdbcUrl[0]");
        }
        if (jdbc == null || !jdbc.contains("://")) {
            return null;
        }
        String rest = jdbc.substring(jdbc.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String db = rest.substring(slash + 1);
        int q = db.indexOf('?');
        db = q >= 0 ? db.substring(0, q) : db;
        return db.isEmpty() ? null : db;
    }

    static void execute(String url, String user, String password, String sql) {
        try {
            HttpURLConnection h = (HttpURLConnection) new URL(url).openConnection();
            h.setRequestMethod("POST");
            h.setDoOutput(true);
            h.setConnectTimeout(10_000);
            h.setReadTimeout(60_000);
            if (user != null) {
                h.setRequestProperty("X-ClickHouse-User", user);
            }
            if (password != null && !password.isEmpty()) {
                h.setRequestProperty("X-ClickHouse-Key", password);
            }
            try (OutputStream out = h.getOutputStream()) {
                out.write(sql.getBytes(StandardCharsets.UTF_8));
            }
            int code = h.getResponseCode();
            if (code != 200) {
                InputStream err = h.getErrorStream();
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                if (err != null) {
                    byte[] buf = new byte[4096];
                    int n;
                    while ((n = err.read(buf)) > 0 && b.size() < 8192) {
                        b.write(buf, 0, n);
                    }
                }
                throw DataXException.asDataXException(AuroraErrorCode.DDL_FAILED, "ClickHouse " + url + " answered "
                        + code + ": " + new String(b.toByteArray(), StandardCharsets.UTF_8).trim());
            }
            h.getInputStream().close();
        } catch (IOException e) {
            throw DataXException.asDataXException(AuroraErrorCode.DDL_FAILED, "ClickHouse " + url + ": " + e, e);
        }
    }
}
