package io.chpack.clickhousereader.plan;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.exception.DataXException;
import io.chpack.clickhousereader.ReaderErrorCode;
import io.chpack.clickhousereader.client.ClickHouseConnection;
import io.chpack.clickhousereader.client.ClickHouseUrl;
import io.chpack.clickhousereader.client.ConnectionSettings;
import io.chpack.clickhousereader.client.Endpoint;
import io.chpack.clickhousereader.client.ReadRequestException;
import io.chpack.clickhousereader.config.ClickHouseReaderConfig;
import io.chpack.clickhousereader.config.ConfigErrors;
import io.chpack.clickhousereader.config.ConnectionBlock;
import io.chpack.clickhousereader.config.Keys;

/**
 * The server a connection entry talks to: the first reachable host of its jdbcUrl list (as DataX's readers
 * do). Reaching it also validates the credentials and the settings (the probe carries them; 18.16 rejects an
 * unknown setting with Code 115), and reads the server's version and time zone.
 */
public final class EntryServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EntryServer.class);

    public final ConnectionBlock block;
    public final ClickHouseUrl url;
    public final ClickHouseConnection connection;
    public final ConnectionSettings settings;
    /** URL settings, then session/settings. */
    public final Map<String, String> querySettings;
    public final String version;
    public final ZoneId timeZone;

    private EntryServer(ConnectionBlock block, ClickHouseUrl url, ClickHouseConnection connection,
            ConnectionSettings settings, Map<String, String> querySettings, String version, ZoneId timeZone) {
        this.block = block;
        this.url = url;
        this.connection = connection;
        this.settings = settings;
        this.querySettings = querySettings;
        this.version = version;
        this.timeZone = timeZone;
    }

    public Endpoint endpoint() {
        return connection.endpoint();
    }

    /** Every host of every jdbcUrl of the entry (cluster mode identifies them). */
    public List<Endpoint> allEndpoints() {
        List<Endpoint> out = new ArrayList<Endpoint>();
        for (ClickHouseUrl u : block.urls) {
            out.addAll(u.endpoints());
        }
        return out;
    }

    public static ConnectionSettings settingsFor(ClickHouseReaderConfig config, ClickHouseUrl url) {
        return new ConnectionSettings(config.username, config.password, url.database(),
                config.connectTimeoutMs, config.socketTimeoutMs,
                new LinkedHashMap<String, String>());
    }

    public static Map<String, String> querySettings(ClickHouseReaderConfig config, ClickHouseUrl url) {
        Map<String, String> s = new LinkedHashMap<String, String>(url.serverSettings());
        s.putAll(config.settings);
        return s;
    }

    public static EntryServer connect(ClickHouseReaderConfig config, ConnectionBlock block) {
        List<String> failures = new ArrayList<String>();
        for (int u = 0; u < block.urls.size(); u++) {
            ClickHouseUrl url = block.urls.get(u);
            ConnectionSettings cs = settingsFor(config, url);
            Map<String, String> qs = querySettings(config, url);
            for (Endpoint e : url.endpoints()) {
                ClickHouseConnection c = new ClickHouseConnection(cs, e);
                try {
                    List<String[]> rows = c.query("SELECT version(), timezone()", qs);
                    String version = rows.get(0)[0];
                    ZoneId zone = zone(rows.get(0)[1]);
                    LOG.info("{}: using {} (ClickHouse {}, time zone {}, database {}, user {})", block.key(), e,
                            version, zone, url.database(), config.username);
                    return new EntryServer(block, url, c, cs, qs, version, zone);
                } catch (ReadRequestException ex) {
                    c.close();
                    String key = block.key() + "." + Keys.JDBC_URL + "[" + u + "]";
                    if (ex.isAuthenticationFailure()) {
                        throw DataXException.asDataXException(ReaderErrorCode.AUTHENTICATION_FAILED,
                                "parameter." + Keys.USERNAME + "/" + Keys.PASSWORD + ": " + e + " rejects user '"
                                        + config.username + "': " + ex.getMessage());
                    }
                    if (ex.code() == 115) {
                        throw ConfigErrors.error(Keys.SESSION + "/" + Keys.SETTINGS, "has a setting " + e
                                + " does not know: " + ex.getMessage());
                    }
                    if (ex.code() == 81) {
                        throw ConfigErrors.error(key, "names database '" + url.database() + "', which " + e
                                + " does not have: " + ex.getMessage());
                    }
                    if (!ex.isTransient()) {
                        throw DataXException.asDataXException(ReaderErrorCode.CONNECTION_FAILED, "parameter." + key
                                + ": " + ex.getMessage());
                    }
                    failures.add(ex.getMessage());
                }
            }
        }
        throw DataXException.asDataXException(ReaderErrorCode.CONNECTION_FAILED, "parameter." + block.key() + "."
                + Keys.JDBC_URL + " " + block.jdbcUrls + ": no server is reachable: " + failures);
    }

    private static ZoneId zone(String tz) {
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            return null; // the conversion options then require parameter.timeZone
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
