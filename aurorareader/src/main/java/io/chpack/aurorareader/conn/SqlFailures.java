package io.chpack.aurorareader.conn;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/** Classifies driver errors (MariaDB Connector/J, MySQL Connector/J, PgJDBC) by SQLState and vendor code. */
public final class SqlFailures {
    private SqlFailures() {
    }

    /** The server refused the login: wrong password, unknown user, expired or forged IAM token. */
    public static boolean isAuthentication(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            String st = x.getSQLState();
            if (st != null && st.startsWith("28")) {
                return true;
            }
            if (x.getErrorCode() == 1045 || x.getErrorCode() == 1698) {
                return true;
            }
            if (x.getMessage() != null && x.getMessage().contains("Access denied for user")) {
                return true;
            }
            if (x.getNextException() == x) {
                break;
            }
        }
        return false;
    }

    /** Unknown database (MySQL 1049, PostgreSQL 3D000). */
    public static boolean isUnknownDatabase(SQLException e) {
        return e.getErrorCode() == 1049 || "3D000".equals(e.getSQLState());
    }

    /**
     * The connection or the instance failed (refused, reset, closed, timed out, shut down, failover in
     * progress): the chunk can continue on another instance. Query errors (syntax, privileges, data) are not.
     */
    public static boolean isConnectionLevel(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause() == x ? null : x.getCause()) {
            if (x instanceof SQLNonTransientConnectionException || x instanceof SQLTransientConnectionException
                    || x instanceof IOException) {
                return true;
            }
            if (x instanceof SQLException) {
                SQLException s = (SQLException) x;
                String st = s.getSQLState();
                if (st != null && (st.startsWith("08") || st.equals("57P01") || st.equals("57P02")
                        || st.equals("57P03") || st.equals("HY000") && isGoneAway(s))) {
                    return true;
                }
                int code = s.getErrorCode();
                // 2006 gone away, 2013 lost connection, 1053 shutdown in progress, 1927 connection killed,
                // 1290 --read-only (Aurora failover turned the instance into a reader mid-way is not ours: reads).
                if (code == 2006 || code == 2013 || code == 1053 || code == 1927) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isGoneAway(SQLException s) {
        String m = s.getMessage();
        return m != null && (m.contains("Connection") && m.contains("closed") || m.contains("socket"));
    }
}
