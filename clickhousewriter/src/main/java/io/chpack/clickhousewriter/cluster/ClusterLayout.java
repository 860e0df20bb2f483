package io.chpack.clickhousewriter.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chpack.clickhousewriter.client.ClickHouseConnection;
import io.chpack.clickhousewriter.meta.Identifiers;

/**
 * A cluster as {@code system.clusters} of one server describes it: shards in {@code shard_num} order with their
 * weights and their replicas' native (TCP) addresses. {@code internal_replication} is a column only on newer
 * servers (not on 18.16); {@link #internalReplication} is null where the server does not say.
 */
public final class ClusterLayout {
    /** One replica as remote_servers lists it (the native port, not HTTP). */
    public static final class Replica {
        public final int number;
        public final String host;
        public final int nativePort;
        public final String defaultDatabase;

        Replica(int number, String host, int nativePort, String defaultDatabase) {
            this.number = number;
            this.host = host;
            this.nativePort = nativePort;
            this.defaultDatabase = defaultDatabase;
        }

        public String address() {
            return HostPorts.text(host, nativePort);
        }

        @Override
        public String toString() {
            return address();
        }
    }

    /** One shard: 1-based number, weight, replicas. */
    public static final class Shard {
        public final int number;
        public final int weight;
        public final List<Replica> replicas;

        Shard(int number, int weight, List<Replica> replicas) {
            this.number = number;
            this.weight = weight;
            this.replicas = Collections.unmodifiableList(replicas);
        }
    }

    public final String name;
    public final List<Shard> shards;
    /** Null when the server has no internal_replication column; else true only if every shard has it on. */
    public final Boolean internalReplication;

    private ClusterLayout(String name, List<Shard> shards, Boolean internalReplication) {
        this.name = name;
        this.shards = Collections.unmodifiableList(shards);
        this.internalReplication = internalReplication;
    }

    /**
     * @throws IllegalArgumentException when the server does not know the cluster, or shard numbers have gaps
     */
    public static ClusterLayout read(ClickHouseConnection c, String cluster) {
        boolean hasIr = !c.query("SELECT name FROM system.columns WHERE database = 'system' AND table = 'clusters' "
                + "AND name = 'internal_replication'").isEmpty();
        List<String[]> rows = c.query("SELECT shard_num, shard_weight, replica_num, host_name, port, default_database"
                + (hasIr ? ", internal_replication" : "") + " FROM system.clusters WHERE cluster = "
                + Identifiers.literal(cluster) + " ORDER BY shard_num, replica_num");
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("cluster '" + cluster + "' is not in system.clusters of "
                    + c.endpoint());
        }
        Map<Integer, List<Replica>> replicas = new LinkedHashMap<Integer, List<Replica>>();
        Map<Integer, Integer> weights = new LinkedHashMap<Integer, Integer>();
        Boolean ir = hasIr ? Boolean.TRUE : null;
        for (String[] r : rows) {
            int shard = Integer.parseInt(r[0]);
            weights.put(shard, Integer.parseInt(r[1]));
            if (!replicas.containsKey(shard)) {
                replicas.put(shard, new ArrayList<Replica>());
            }
            replicas.get(shard).add(new Replica(Integer.parseInt(r[2]), r[3], Integer.parseInt(r[4]), r[5]));
            if (hasIr && "0".equals(r[6])) {
                ir = Boolean.FALSE;
            }
        }
        List<Shard> shards = new ArrayList<Shard>();
        int expected = 1;
        for (Map.Entry<Integer, List<Replica>> e : replicas.entrySet()) {
            if (e.getKey() != expected) {
                throw new IllegalArgumentException("cluster '" + cluster + "' has shard numbers " + replicas.keySet()
                        + " on " + c.endpoint() + "; expected 1.." + replicas.size());
            }
            shards.add(new Shard(e.getKey(), weights.get(e.getKey()), e.getValue()));
            expected++;
        }
        return new ClusterLayout(cluster, shards, ir);
    }

    public int[] weights() {
        int[] w = new int[shards.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = shards.get(i).weight;
        }
        return w;
    }

    /** The shard (1-based) a native address belongs to, or 0. */
    public int shardOf(String host, int nativePort) {
        for (Shard s : shards) {
            for (Replica r : s.replicas) {
                if (r.host.equals(host) && r.nativePort == nativePort) {
                    return s.number;
                }
            }
        }
        return 0;
    }
}
