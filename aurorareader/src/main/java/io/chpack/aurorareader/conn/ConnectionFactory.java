package io.chpack.aurorareader.conn;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import io.chpack.aurorareader.config.AuroraReaderConfig;
import io.chpack.aurorareader.config.Dialect;

/**
 * Opens read connections: picks the driver for the URL (MariaDB Connector/J for {@code jdbc:mariadb:} and,
 * with {@code permitMysqlScheme}, for {@code jdbc:mysql:} unless MySQL Connector/J was dropped into the
 * plugin's libs/; PgJDBC for {@code jdbc:postgresql:}), adds the IAM token and TLS when IAM is on, and
 * prepares the session: MySQL {@code time_zone = '+00:00'} (TIMESTAMP text in UTC, as the type mapping
 * expects), PostgreSQL autocommit off (cursor-based fetches), then the user's {@code session} statements.
 */
public final class ConnectionFactory {
    private final String username;
    private final String password;
    private final List<String> session;
    private final int connectTimeoutSeconds;
    private final IamTokens iam;

    public ConnectionFactory(AuroraReaderConfig config, IamTokens iam) {
        this.username = config.username;
        this.password = config.password;
        this.session = config.session;
        this.connectTimeoutSeconds = config.connectTimeoutSeconds;
        this.iam = iam;
    }

    public boolean iamEnabled() {
        return iam != null;
    }

    /** The URL actually used for an instance: TLS forced on for IAM, timeouts set. */
    public JdbcTarget effective(JdbcTarget t) {
        JdbcTarget out = t;
        if (t.dialect == Dialect.MYSQL) {
            if (t.scheme.equals("mysql") && !mysqlConnectorPresent() && !t.hasParamIgnoreCase("permitMysqlScheme")) {
                out = out.withParam("permitMysqlScheme", "");
            }
            if (!t.hasParamIgnoreCase("connectTimeout")) {
                out = out.withParam("connectTimeout", Integer.toString(connectTimeoutSeconds * 1000));
            }
            if (iam != null && !t.hasParamIgnoreCase("sslMode") && !t.hasParamIgnoreCase("useSSL")) {
                out = out.withParam("sslMode", mysqlConnectorPresent() && t.scheme.equals("mysql") ? "VERIFY_IDENTITY"
                        : "verify-full");
            }
        } else {
            if (!t.hasParamIgnoreCase("connectTimeout")) {
                out = out.withParam("connectTimeout", Integer.toString(connectTimeoutSeconds));
            }
            if (iam != null && !t.hasParamIgnoreCase("sslmode") && !t.hasParamIgnoreCase("ssl")) {
                out = out.withParam("sslmode", "verify-full");
            }
        }
        return out;
    }

    public Connection open(JdbcTarget target) throws SQLException {
        JdbcTarget t = effective(target);
        Properties p = new Properties();
        if (username != null) {
            p.setProperty("user", username);
        }
        if (iam != null) {
            p.setProperty("password", iam.token(t.host, t.port, username));
        } else if (password != null) {
            p.setProperty("password", password);
        }
        Driver driver = driverFor(t);
        Connection c = driver.connect(t.url(), p);
        if (c == null) {
            throw new SQLException("no driver accepts " + t);
        }
        try {
            if (t.dialect == Dialect.MYSQL) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET time_zone = '+00:00'");
                }
            } else {
                c.setAutoCommit(false);
            }
            for (String sql : session) {
                try (Statement s = c.createStatement()) {
                    s.execute(sql);
                }
            }
            if (t.dialect == Dialect.POSTGRES) {
                c.commit();
            }
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the original error matters
            }
            throw e;
        }
        return c;
    }

    static Driver driverFor(JdbcTarget t) throws SQLException {
        try {
            if (t.dialect == Dialect.POSTGRES) {
                return new org.postgresql.Driver();
            }
            if (t.scheme.equals("mysql") && mysqlConnectorPresent()) {
                return (Driver) Class.forName("com.mysql.cj.jdbc.Driver", true, ConnectionFactory.class.getClassLoader())
                        .getDeclaredConstructor().newInstance();
            }
            return new org.mariadb.jdbc.Driver();
        } catch (ReflectiveOperationException e) {
            throw new SQLException("cannot load the JDBC driver for " + t + ": " + e, e);
        }
    }

    /** MySQL Connector/J (GPL, not bundled) is used for jdbc:mysql: when a user put it into libs/. */
    static boolean mysqlConnectorPresent() {
        try {
            Class.forName("com.mysql.cj.jdbc.Driver", false, ConnectionFactory.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Whether a driver streams with fetchSize as given (MariaDB 3.x, PgJDBC) or needs Integer.MIN_VALUE. */
    public static int streamingFetchSize(JdbcTarget t, int fetchSize) {
        if (t.dialect == Dialect.MYSQL && t.scheme.equals("mysql") && mysqlConnectorPresent()
                && !"true".equalsIgnoreCase(t.params.get("useCursorFetch"))) {
            return Integer.MIN_VALUE;
        }
        return fetchSize;
    }
}
