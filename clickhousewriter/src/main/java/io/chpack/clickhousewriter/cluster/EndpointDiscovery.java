package io.chpack.clickhousewriter.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chpack.clickhousewriter.client.ClickHouseConnection;
import io.chpack.clickhousewriter.client.ClickHouseRequestException;
import io.chpack.clickhousewriter.client.ClickHouseUrl;
import io.chpack.clickhousewriter.client.ConnectionSettings;
import io.chpack.clickhousewriter.meta.Identifiers;

/**
 * Finds an HTTP endpoint for the replicas of every shard. system.clusters and ZooKeeper know replicas by their
 * native address (host, TCP port); HTTP endpoints come from: every host of the jdbcUrl, {@code clusterHttpEndpoints}
 * (native address → HTTP address), and {@code host:clusterHttpPort}. Every candidate is asked which shard it is
 * ({@code is_local} in system.clusters; 18.16 marks all replicas of the server's own shard) and which replica of
 * the local table it is (replica_path for Replicated tables, else host name + table metadata path), so a wrong
 * mapping can never send a shard's rows to another shard, and two addresses of one server count once.
 * Candidates that do not answer now are not used by this job.
 */
final class EndpointDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointDiscovery.class);

    /** A verified endpoint. */
    static final class Found {
        final ClickHouseUrl.HostPort endpoint;
        final int shard;
        final String identity;
        /** replica_path of the local table, or null when it is not Replicated. */
        final String replicaPath;

        Found(ClickHouseUrl.HostPort endpoint, int shard, String identity, String replicaPath) {
            this.endpoint = endpoint;
            this.shard = shard;
            this.identity = identity;
            this.replicaPath = replicaPath;
        }

        @Override
        public String toString() {
            return endpoint.toString();
        }
    }

    private EndpointDiscovery() {
    }

    /**
     * @param zkReplicas replicas ZooKeeper reports for the local table (empty without ZooKeeper)
     * @return shard number → usable endpoints (inactive replicas per ZooKeeper left out), in candidate order
     */
    static Map<Integer, List<Found>> discover(ConnectionSettings cs, ClusterLayout layout, ClusterOptions opts,
            List<ClickHouseUrl.HostPort> urlHosts, String localDb, String localTable, boolean replicated,
            List<ZooKeeperReplicas.Replica> zkReplicas) {
        Set<String> candidates = new LinkedHashSet<String>();
        for (ClickHouseUrl.HostPort h : urlHosts) {
            candidates.add(h.toString());
        }
        List<String> nativeAddresses = new ArrayList<String>();
        for (ClusterLayout.Shard s : layout.shards) {
            for (ClusterLayout.Replica r : s.replicas) {
                nativeAddresses.add(r.address());
            }
        }
        for (ZooKeeperReplicas.Replica r : zkReplicas) {
            nativeAddresses.add(r.address());
        }
        for (String a : nativeAddresses) {
            String mapped = opts.clusterHttpEndpoints.get(a);
            if (mapped != null) {
                candidates.add(HostPorts.parse(mapped).toString());
            } else if (opts.clusterHttpPort != null) {
                candidates.add(HostPorts.text(HostPorts.parse(a).host, opts.clusterHttpPort));
            }
        }
        Map<String, ZooKeeperReplicas.Replica> zkByPath = new HashMap<String, ZooKeeperReplicas.Replica>();
        for (ZooKeeperReplicas.Replica r : zkReplicas) {
            zkByPath.put(r.replicaPath(), r);
        }
        Map<Integer, List<Found>> out = new LinkedHashMap<Integer, List<Found>>();
        for (ClusterLayout.Shard s : layout.shards) {
            out.put(s.number, new ArrayList<Found>());
        }
        // A replica ZooKeeper knows but remote_servers does not list is local in no shard of the cluster: it
        // belongs to the shard of the other replicas under the same zookeeper_path.
        Map<String, Integer> shardOfPath = new HashMap<String, Integer>();
        for (ZooKeeperReplicas.Replica r : zkReplicas) {
            int shard = layout.shardOf(r.host, r.tcpPort);
            if (shard > 0) {
                shardOfPath.put(r.zookeeperPath, shard);
            }
        }
        Set<String> identities = new LinkedHashSet<String>();
        for (String c : candidates) {
            Found f = probe(cs, HostPorts.parse(c), layout.name, localDb, localTable, replicated);
            if (f == null) {
                continue;
            }
            ZooKeeperReplicas.Replica zr = f.replicaPath == null ? null : zkByPath.get(f.replicaPath);
            if (f.shard == 0) {
                Integer shard = zr == null ? null : shardOfPath.get(zr.zookeeperPath);
                if (shard == null) {
                    LOG.info("cluster {}: endpoint {} is in no shard of the cluster; not used", layout.name, c);
                    continue;
                }
                LOG.info("cluster {}: endpoint {} is replica {} of shard {} per ZooKeeper (not in remote_servers)",
                        layout.name, c, zr, shard);
                f = new Found(f.endpoint, shard, f.identity, f.replicaPath);
            }
            if (!identities.add(f.identity)) {
                LOG.info("cluster {}: {} is a server already found under another address; not used twice",
                        layout.name, c);
                continue;
            }
            ZooKeeperReplicas.Replica z = f.replicaPath == null ? null : zkByPath.get(f.replicaPath);
            if (z != null && !z.active) {
                LOG.warn("cluster {}: {} answers but ZooKeeper says replica {} is not active; not used", layout.name, c,
                        z);
                continue;
            }
            out.get(f.shard).add(f);
        }
        return out;
    }

    /** Null when the endpoint does not answer, is not in exactly one shard, or lacks the local table. */
    private static Found probe(ConnectionSettings cs, ClickHouseUrl.HostPort hp, String cluster, String db,
            String table, boolean replicated) {
        try (ClickHouseConnection c = new ClickHouseConnection(cs, hp)) {
            List<String[]> shards = c.query("SELECT DISTINCT shard_num FROM system.clusters WHERE cluster = "
                    + Identifiers.literal(cluster) + " AND is_local = 1");
            if (shards.size() > 1) {
                LOG.info("cluster {}: endpoint {} is local in shards {}; not used", cluster, hp, flat(shards));
                return null;
            }
            int shard = shards.isEmpty() ? 0 : Integer.parseInt(shards.get(0)[0]);
            String replicaPath = null;
            String identity;
            if (replicated) {
                replicaPath = c.queryValue("SELECT replica_path FROM system.replicas WHERE database = "
                        + Identifiers.literal(db) + " AND table = " + Identifiers.literal(table));
                identity = replicaPath;
            } else {
                identity = c.queryValue("SELECT concat(hostName(), ':', metadata_path) FROM system.tables WHERE "
                        + "database = " + Identifiers.literal(db) + " AND name = " + Identifiers.literal(table));
            }
            if (identity == null) {
                LOG.warn("cluster {}: endpoint {} (shard {}) has no table {}.{}; not used", cluster, hp, shard, db,
                        table);
                return null;
            }
            LOG.info("cluster {}: endpoint {} is shard {}{}", cluster, hp, shard,
                    replicaPath == null ? "" : ", replica " + replicaPath);
            return new Found(hp, shard, identity, replicaPath);
        } catch (ClickHouseRequestException e) {
            LOG.info("cluster {}: candidate endpoint {} is not usable: {}", cluster, hp, e.getMessage());
            return null;
        }
    }

    private static List<String> flat(List<String[]> rows) {
        List<String> out = new ArrayList<String>();
        for (String[] r : rows) {
            out.add(r[0]);
        }
        return out;
    }
}
