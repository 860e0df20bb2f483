package io.chpack.bench.plugin;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.element.StringColumn;
import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.spi.Reader;
import com.alibaba.datax.common.util.Configuration;

/**
 * Bench-only baseline ({@code dataxstylereader}): DataX mysqlreader's approach re-created — the job reads
 * MIN/MAX of {@code splitPk} over one connection and cuts equal-width ranges (one per channel); each task runs one
 * plain query on one connection with the driver's default, non-streaming result set (the whole range is held
 * in memory), and converts values by JDBC type as CommonRdbmsReader does.
 */
public final class DataxStyleMysqlReader extends Reader {

    /** The driver from the plugin's libs/ (the thread context class loader is the plugin's, as in DataX). */
    static Connection connect(Configuration c) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", c.getString("username"));
        p.setProperty("password", c.getString("password", ""));
        try {
            Driver d = (Driver) Class.forName("org.mariadb.jdbc.Driver", true,
                    Thread.currentThread().getContextClassLoader()).getDeclaredConstructor().newInstance();
            return d.connect(c.getString("jdbcUrl"), p);
        } catch (ReflectiveOperationException e) {
            throw new SQLException(e);
        }
    }

    public static final class Job extends Reader.Job {
        private Configuration parameter;

        @Override
        public void init() {
            parameter = getPluginJobConf();
        }

        @Override
        public List<Configuration> split(int adviceNumber) {
            String pk = parameter.getString("splitPk");
            long min;
            long max;
            try (Connection c = connect(parameter); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT MIN(" + pk + "), MAX(" + pk + ") FROM "
                            + parameter.getString("table"))) {
                rs.next();
                min = rs.getLong(1);
                max = rs.getLong(2);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            int n = Math.max(1, adviceNumber);
            List<Configuration> out = new ArrayList<Configuration>();
            long width = (max - min + n) / n;
            for (int i = 0; i < n; i++) {
                Configuration slice = parameter.clone();
                long lo = min + width * i;
                long hi = i == n - 1 ? max + 1 : lo + width;
                slice.set("querySql", "SELECT " + parameter.getString("columns") + " FROM " + parameter.getString("table")
                        + " WHERE " + pk + " >= " + lo + " AND " + pk + " < " + hi);
                out.add(slice);
            }
            return out;
        }

        @Override
        public void destroy() {
        }
    }

    public static final class Task extends Reader.Task {
        private Configuration slice;

        @Override
        public void init() {
            slice = getPluginJobConf();
        }

        @Override
        public void startRead(RecordSender sender) {
            try (Connection c = connect(slice); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(slice.getString("querySql"))) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                int[] types = new int[n + 1];
                for (int i = 1; i <= n; i++) {
                    types[i] = md.getColumnType(i);
                }
                while (rs.next()) {
                    Record r = sender.createRecord();
                    for (int i = 1; i <= n; i++) {
                        switch (types[i]) {
                            case Types.TINYINT:
                            case Types.SMALLINT:
                            case Types.INTEGER:
                            case Types.BIGINT:
                                r.addColumn(new LongColumn(rs.getString(i)));
                                break;
                            case Types.DECIMAL:
                            case Types.NUMERIC:
                            case Types.FLOAT:
                            case Types.REAL:
                            case Types.DOUBLE:
                                r.addColumn(new DoubleColumn(rs.getString(i)));
                                break;
                            case Types.DATE:
                            case Types.TIME:
                            case Types.TIMESTAMP:
                                r.addColumn(new DateColumn(rs.getTimestamp(i)));
                                break;
                            case Types.BINARY:
                            case Types.VARBINARY:
                            case Types.BLOB:
                            case Types.LONGVARBINARY:
                                r.addColumn(new BytesColumn(rs.getBytes(i)));
                                break;
                            default:
                                r.addColumn(new StringColumn(rs.getString(i)));
                        }
                    }
                    sender.sendToWriter(r);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void destroy() {
        }
    }
}
