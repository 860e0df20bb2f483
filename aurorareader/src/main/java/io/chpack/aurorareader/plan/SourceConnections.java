package io.chpack.aurorareader.plan;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.exception.DataXException;
import io.chpack.aurorareader.AuroraErrorCode;
import io.chpack.aurorareader.config.AuroraReaderConfig;
import io.chpack.aurorareader.config.Dialect;
import io.chpack.aurorareader.conn.AwsSupport;
import io.chpack.aurorareader.conn.ConnectionFactory;
import io.chpack.aurorareader.conn.Instance;
import io.chpack.aurorareader.conn.JdbcTarget;
import io.chpack.aurorareader.conn.RdsDiscovery;
import io.chpack.aurorareader.conn.SqlFailures;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.rds.RdsClient;

/** Resolves the instances of one {@code connection[]} entry (URLs or RDS discovery) and opens the first usable. */
public final class SourceConnections {
    private static final Logger LOG = LoggerFactory.getLogger(SourceConnections.class);

    private SourceConnections() {
    }

    /** Instances in preference order: discovered (filtered by readFrom) or the listed URLs. */
    public static List<Instance> resolve(AuroraReaderConfig config, AuroraReaderConfig.Source source, int index) {
        AuroraReaderConfig.Aurora a = config.aurora;
        List<Instance> out = new ArrayList<>();
        if (a != null && a.clusterId != null) {
            JdbcTarget template = source.jdbcUrls.isEmpty() ? null : parse(source.jdbcUrls.get(0), index);
            try (RdsClient rds = AwsSupport.rdsClient(a, config.connectTimeoutSeconds)) {
                RdsDiscovery.Topology t = RdsDiscovery.discover(rds, a.clusterId, template);
                out.addAll(t.select(a.readFrom));
                LOG.info("RDS cluster {} ({}): instances {}, reading from {} ({})", a.clusterId, t.engine, t.instances,
                        out, a.readFrom);
            } catch (SdkException | IllegalStateException e) {
                throw DataXException.asDataXException(AuroraErrorCode.RDS_DISCOVERY_FAILED, "cluster '" + a.clusterId
                        + "' in " + a.region + (a.endpoint != null ? " (endpoint " + a.endpoint + ")" : "") + ": "
                        + e.getMessage(), e);
            }
            return out;
        }
        if (source.jdbcUrls.isEmpty()) {
            throw DataXException.asDataXException(AuroraErrorCode.CONFIG_ERROR, "parameter.connection[" + index
                    + "].jdbcUrl is required without aurora.clusterId");
        }
        for (String u : source.jdbcUrls) {
            JdbcTarget t = parse(u, index);
            out.add(new Instance(t.address(), Instance.Role.UNKNOWN, t));
        }
        return out;
    }

    private static JdbcTarget parse(String url, int index) {
        try {
            return JdbcTarget.parse(url);
        } catch (IllegalArgumentException e) {
            throw DataXException.asDataXException(AuroraErrorCode.CONFIG_ERROR, "parameter.connection[" + index
                    + "].jdbcUrl: " + e.getMessage());
        }
    }

    /**
     * Opens a connection to the first instance that accepts one. A refused login stops at once
     * (AuroraReader-02: the credentials are the same everywhere); unreachable instances are skipped.
     */
    public static Opened openFirst(ConnectionFactory factory, List<Instance> instances, String username) {
        StringBuilder failures = new StringBuilder();
        for (Instance i : instances) {
            try {
                Connection c = factory.open(i.target);
                return new Opened(i, c);
            } catch (SQLException e) {
                if (SqlFailures.isAuthentication(e)) {
                    throw DataXException.asDataXException(AuroraErrorCode.AUTHENTICATION_FAILED, "instance " + i
                            + " refused user '" + username + "'" + (factory.iamEnabled() ? " with an IAM token" : "")
                            + ": " + e.getMessage(), e);
                }
                if (SqlFailures.isUnknownDatabase(e)) {
                    throw DataXException.asDataXException(AuroraErrorCode.CONNECTION_FAILED, "instance " + i
                            + ": database '" + i.target.database + "' does not exist: " + e.getMessage(), e);
                }
                LOG.warn("instance {} is not usable: {}", i, e.getMessage());
                failures.append("\n  ").append(i).append(": ").append(e.getMessage());
            } catch (RuntimeException e) {
                if (e instanceof DataXException) {
                    throw e;
                }
                failures.append("\n  ").append(i).append(": ").append(e);
            }
        }
        throw DataXException.asDataXException(AuroraErrorCode.CONNECTION_FAILED, "no instance accepted a connection:"
                + failures);
    }

    /** An open connection and the instance it goes to. */
    public static final class Opened implements AutoCloseable {
        public final Instance instance;
        public final Connection connection;

        Opened(Instance instance, Connection connection) {
            this.instance = instance;
            this.connection = connection;
        }

        public Dialect dialect() {
            return instance.target.dialect;
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing {}: {}", instance, e.toString());
            }
        }
    }
}
