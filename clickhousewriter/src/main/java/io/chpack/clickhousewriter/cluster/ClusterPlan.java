package io.chpack.clickhousewriter.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import com.alibaba.datax.common.util.Configuration;

import io.chpack.clickhousewriter.client.ClickHouseUrl;

/**
 * What Job.prepare resolved about a cluster target and every task needs to write it: the local table, the
 * sharding key and weights, and per shard the verified HTTP endpoints of its replicas (the first one is where
 * staging tables live). Travels inside the task configuration under {@code parameter.__chpack.cluster}.
 */
public final class ClusterPlan {
    static final String ROOT = "__chpack.cluster";

    public final String cluster;
    public final String localDatabase;
    public final String localTable;
    public final String shardingKey;
    public final int[] weights;
    /** True: every block goes to every replica of its shard (internal_replication=false, non-replicated table). */
    public final boolean fanOut;
    /** Per shard (index = shard_num - 1), host:port of each usable replica's HTTP endpoint, in preference order. */
    public final List<List<String>> endpoints;

    public ClusterPlan(String cluster, String localDatabase, String localTable, String shardingKey, int[] weights,
            boolean fanOut, List<List<String>> endpoints) {
        this.cluster = cluster;
        this.localDatabase = localDatabase;
        this.localTable = localTable;
        this.shardingKey = shardingKey;
        this.weights = weights.clone();
        this.fanOut = fanOut;
        List<List<String>> copy = new ArrayList<List<String>>();
        for (List<String> l : endpoints) {
            copy.add(Collections.unmodifiableList(new ArrayList<String>(l)));
        }
        this.endpoints = Collections.unmodifiableList(copy);
    }

    public int shardCount() {
        return weights.length;
    }

    public List<ClickHouseUrl.HostPort> hosts(int shardIndex) {
        List<ClickHouseUrl.HostPort> out = new ArrayList<ClickHouseUrl.HostPort>();
        for (String e : endpoints.get(shardIndex)) {
            out.add(HostPorts.parse(e));
        }
        return out;
    }

    /** Where the shard's staging tables are created and committed. */
    public ClickHouseUrl.HostPort stagingHost(int shardIndex) {
        return HostPorts.parse(endpoints.get(shardIndex).get(0));
    }

    public void writeTo(Configuration c) {
        c.set(ROOT + ".cluster", cluster);
        c.set(ROOT + ".localDatabase", localDatabase);
        c.set(ROOT + ".localTable", localTable);
        c.set(ROOT + ".shardingKey", shardingKey);
        StringBuilder w = new StringBuilder();
        for (int x : weights) {
            w.append(w.length() == 0 ? "" : ",").append(x);
        }
        c.set(ROOT + ".weights", w.toString());
        c.set(ROOT + ".fanOut", fanOut);
        List<String> e = new ArrayList<String>();
        for (List<String> l : endpoints) {
            e.add(String.join(",", l));
        }
        c.set(ROOT + ".endpoints", e);
    }

    /** The plan in a task configuration, or null when the task writes one table (not a cluster). */
    public static ClusterPlan readFrom(Configuration c) {
        if (c.get(ROOT) == null) {
            return null;
        }
        String[] w = c.getString(ROOT + ".weights").split(",");
        int[] weights = new int[w.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Integer.parseInt(w[i]);
        }
        List<List<String>> endpoints = new ArrayList<List<String>>();
        for (String s : c.getList(ROOT + ".endpoints", String.class)) {
            endpoints.add(Arrays.asList(s.split(",")));
        }
        return new ClusterPlan(c.getString(ROOT + ".cluster"), c.getString(ROOT + ".localDatabase"),
                c.getString(ROOT + ".localTable"), c.getString(ROOT + ".shardingKey"), weights,
                c.getBool(ROOT + ".fanOut", false), endpoints);
    }

    @Override
    public String toString() {
        return "cluster " + cluster + " → " + localDatabase + "." + localTable + " by " + shardingKey + ", weights "
                + Arrays.toString(weights) + (fanOut ? ", every replica" : ", one replica per block") + ", endpoints "
                + endpoints;
    }
}
