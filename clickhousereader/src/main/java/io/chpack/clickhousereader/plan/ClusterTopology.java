package io.chpack.clickhousereader.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chpack.clickhousereader.client.ClickHouseConnection;
import io.chpack.clickhousereader.client.ConnectionSettings;
import io.chpack.clickhousereader.client.Endpoint;
import io.chpack.clickhousereader.client.ReadRequestException;
import io.chpack.clickhousereader.client.Sql;

/**
 * Shards of a cluster and an HTTP endpoint for each of their replicas. system.clusters knows only native
 * (TCP) ports, so endpoints are found by asking candidate HTTP endpoints which shard they are: every host
 * of every jdbcUrl of the connection entry, plus {@code host_name:clusterHttpPort} for each replica. The
 * answer is the shard whose {@code is_local} is 1 — in 18.16 is_local marks every replica of the server's
 * own shard (checked on the 2x2 test cluster), so a shard, not a replica, is what an endpoint can prove;
 * that is exactly what matters, since all replicas of a shard hold the same data. Replicas no candidate
 * answers for are unreachable now; their guessed endpoint stays as a last resort, and every read checks
 * the endpoint's shard first, so a wrong guess can never read another shard's data.
 */
public final class ClusterTopology {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterTopology.class);

    /** One way to reach a shard. */
    public static final class Replica {
        public final int shard;
        public final Endpoint endpoint;
        public final boolean reachable;

        Replica(int shard, Endpoint endpoint, boolean reachable) {
            this.shard = shard;
            this.endpoint = endpoint;
            this.reachable = reachable;
        }

        @Override
        public String toString() {
            return endpoint + (reachable ? "" : " (unreachable)");
        }
    }

    public final String cluster;
    /** Shard number → ways to reach it, reachable ones first. */
    public final Map<Integer, List<Replica>> shards;

    private ClusterTopology(String cluster, Map<Integer, List<Replica>> shards) {
        this.cluster = cluster;
        this.shards = Collections.unmodifiableMap(shards);
    }

    /**
     * @param entry a connection to any server that knows the cluster
     * @param candidates HTTP endpoints to identify (all hosts of the connection entry's jdbcUrls)
     * @param httpPort the port for {@code host_name:port} guesses
     * @throws IllegalArgumentException when the entry server does not know the cluster
     */
    public static ClusterTopology discover(ClickHouseConnection entry, ConnectionSettings cs, String cluster,
            List<Endpoint> candidates, int httpPort, boolean https) {
        List<String[]> rows = entry.query("SELECT shard_num, replica_num, host_name FROM system.clusters WHERE cluster = "
                + Sql.quote(cluster) + " ORDER BY shard_num, replica_num");
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("cluster '" + cluster + "' is not in system.clusters of " + entry.endpoint());
        }
        Map<Integer, Integer> replicaCount = new LinkedHashMap<Integer, Integer>();
        Map<Integer, List<Endpoint>> guesses = new LinkedHashMap<Integer, List<Endpoint>>();
        Set<Endpoint> all = new LinkedHashSet<Endpoint>(candidates);
        for (String[] r : rows) {
            int shard = Integer.parseInt(r[0]);
            Integer n = replicaCount.get(shard);
            replicaCount.put(shard, n == null ? 1 : n + 1);
            Endpoint guess = new Endpoint(https, r[2], httpPort);
            all.add(guess);
            if (!guesses.containsKey(shard)) {
                guesses.put(shard, new ArrayList<Endpoint>());
            }
            guesses.get(shard).add(guess);
        }
        Map<Integer, List<Endpoint>> identified = new LinkedHashMap<Integer, List<Endpoint>>();
        Set<Endpoint> known = new LinkedHashSet<Endpoint>();
        for (Endpoint e : all) {
            Integer shard = identify(e.equals(entry.endpoint()) ? entry : null, cs, e, cluster);
            known.add(e);
            if (shard != null) {
                if (!identified.containsKey(shard)) {
                    identified.put(shard, new ArrayList<Endpoint>());
                }
                identified.get(shard).add(e);
            }
        }
        Set<Endpoint> identifiedAny = new LinkedHashSet<Endpoint>();
        for (List<Endpoint> l : identified.values()) {
            identifiedAny.addAll(l);
        }
        Map<Integer, List<Replica>> shards = new LinkedHashMap<Integer, List<Replica>>();
        for (Map.Entry<Integer, Integer> s : replicaCount.entrySet()) {
            List<Replica> list = new ArrayList<Replica>();
            List<Endpoint> ids = identified.containsKey(s.getKey()) ? identified.get(s.getKey())
                    : new ArrayList<Endpoint>();
            for (Endpoint e : ids) {
                list.add(new Replica(s.getKey(), e, true));
            }
            // Replicas nobody answered for: keep their guessed endpoints (unless that endpoint is a known other
            // server) as a last resort, checked again at read time.
            int missing = s.getValue() - ids.size();
            for (Endpoint g : guesses.get(s.getKey())) {
                if (missing <= 0) {
                    break;
                }
                if (!identifiedAny.contains(g)) {
                    list.add(new Replica(s.getKey(), g, false));
                    missing--;
                }
            }
            shards.put(s.getKey(), list);
            LOG.info("cluster {} shard {} ({} replicas): {}", cluster, s.getKey(), s.getValue(), list);
        }
        return new ClusterTopology(cluster, shards);
    }

    /** The one shard the endpoint says it belongs to, or null (unreachable, not a member, or ambiguous). */
    private static Integer identify(ClickHouseConnection existing, ConnectionSettings cs, Endpoint e, String cluster) {
        ClickHouseConnection c = existing != null ? existing : new ClickHouseConnection(cs, e);
        try {
            List<String[]> rows = c.query(shardSql(cluster));
            if (rows.size() != 1) {
                LOG.info("cluster {}: endpoint {} is local in shards {}; not used", cluster, e, flat(rows));
                return null;
            }
            return Integer.valueOf(rows.get(0)[0]);
        } catch (ReadRequestException ex) {
            LOG.info("cluster {}: candidate endpoint {} is not usable: {}", cluster, e, ex.getMessage());
            return null;
        } finally {
            if (existing == null) {
                c.close();
            }
        }
    }

    private static List<String> flat(List<String[]> rows) {
        List<String> out = new ArrayList<String>();
        for (String[] r : rows) {
            out.add(r[0]);
        }
        return out;
    }

    /** The shards in which the server itself is local (exactly one for a usable endpoint). */
    public static String shardSql(String cluster) {
        return "SELECT DISTINCT shard_num FROM system.clusters WHERE cluster = " + Sql.quote(cluster) + " AND is_local = 1";
    }
}
