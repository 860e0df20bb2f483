package io.chpack.aurorareader.conn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.chpack.aurorareader.config.Dialect;
import io.chpack.aurorareader.config.ReadFrom;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterMember;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbClustersRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbClustersResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.Filter;

/**
 * Finds an Aurora cluster's instances through the RDS API: DescribeDBClusters (members and which one is the
 * writer, engine, port, database) and DescribeDBInstances filtered by {@code db-cluster-id} (each instance's
 * own endpoint and status). Instances that are not {@code available} are left out.
 */
public final class RdsDiscovery {
    /** The discovered cluster. */
    public static final class Topology {
        public final String clusterId;
        public final Dialect dialect;
        public final String engine;
        public final String databaseName;
        public final List<Instance> instances;

        Topology(String clusterId, Dialect dialect, String engine, String databaseName, List<Instance> instances) {
            this.clusterId = clusterId;
            this.dialect = dialect;
            this.engine = engine;
            this.databaseName = databaseName;
            this.instances = instances;
        }

        /** The instances {@code readFrom} allows, readers first in the cluster's order; never empty. */
        public List<Instance> select(ReadFrom readFrom) {
            List<Instance> writers = new ArrayList<>();
            List<Instance> readers = new ArrayList<>();
            for (Instance i : instances) {
                (i.role == Instance.Role.WRITER ? writers : readers).add(i);
            }
            List<Instance> out = new ArrayList<>();
            switch (readFrom) {
                case WRITER:
                    out.addAll(writers);
                    break;
                case ANY:
                    out.addAll(readers);
                    out.addAll(writers);
                    break;
                default:
                    out.addAll(readers.isEmpty() ? writers : readers);
            }
            if (out.isEmpty()) {
                throw new IllegalStateException("cluster '" + clusterId + "' has no available " + (readFrom == ReadFrom.WRITER
                        ? "writer" : "instance") + " (readFrom " + readFrom.name().toLowerCase(Locale.ROOT) + ")");
            }
            return out;
        }
    }

    private RdsDiscovery() {
    }

    /**
     * @param template the URL whose scheme, database and parameters every instance URL keeps (null: derived
     *                 from the engine and the cluster's database name)
     */
    public static Topology discover(RdsClient rds, String clusterId, JdbcTarget template) {
        DescribeDbClustersResponse clusters = rds.describeDBClusters(DescribeDbClustersRequest.builder()
                .dbClusterIdentifier(clusterId).build());
        if (clusters.dbClusters().isEmpty()) {
            throw new IllegalStateException("DescribeDBClusters returned no cluster '" + clusterId + "'");
        }
        DBCluster cluster = clusters.dbClusters().get(0);
        String engine = cluster.engine() == null ? "" : cluster.engine().toLowerCase(Locale.ROOT);
        Dialect dialect = engine.contains("postgres") ? Dialect.POSTGRES : Dialect.MYSQL;
        Map<String, Boolean> writerFlags = new HashMap<>();
        List<String> order = new ArrayList<>();
        for (DBClusterMember m : cluster.dbClusterMembers()) {
            writerFlags.put(m.dbInstanceIdentifier(), Boolean.TRUE.equals(m.isClusterWriter()));
            order.add(m.dbInstanceIdentifier());
        }
        Map<String, DBInstance> byId = new HashMap<>();
        String marker = null;
        do {
            DescribeDbInstancesResponse r = rds.describeDBInstances(DescribeDbInstancesRequest.builder()
                    .filters(Filter.builder().name("db-cluster-id").values(clusterId).build())
                    .marker(marker).build());
            for (DBInstance i : r.dbInstances()) {
                byId.put(i.dbInstanceIdentifier(), i);
            }
            marker = r.marker();
        } while (marker != null && !marker.isEmpty());
        JdbcTarget base = template;
        if (base == null) {
            String db = cluster.databaseName() == null ? "" : cluster.databaseName();
            base = JdbcTarget.parse((dialect == Dialect.POSTGRES ? "jdbc:postgresql://" : "jdbc:mariadb://")
                    + "localhost:1/" + db);
        } else if (base.database.isEmpty() && cluster.databaseName() != null) {
            base = base.withDatabase(cluster.databaseName());
        }
        List<Instance> instances = new ArrayList<>();
        for (String id : order) {
            DBInstance i = byId.get(id);
            if (i == null || i.endpoint() == null || i.endpoint().address() == null) {
                continue;
            }
            String status = i.dbInstanceStatus() == null ? "available" : i.dbInstanceStatus();
            if (!status.equalsIgnoreCase("available")) {
                continue;
            }
            int port = i.endpoint().port() != null ? i.endpoint().port()
                    : cluster.port() != null ? cluster.port() : base.port;
            instances.add(new Instance(id, writerFlags.get(id) ? Instance.Role.WRITER : Instance.Role.READER,
                    base.withHost(i.endpoint().address(), port)));
        }
        return new Topology(clusterId, dialect, engine, cluster.databaseName(), instances);
    }
}
