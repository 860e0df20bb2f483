package io.chpack.clickhousewriter.sharding;

import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of a Distributed table's engine as {@code system.tables.engine_full} shows them:
 * {@code Distributed(cluster, database, table[, sharding_key[, policy_name]])}, optionally followed by
 * {@code SETTINGS …} on newer servers. Cluster, database and table may be identifiers or string literals
 * (an empty database means the cluster replica's default database); the sharding key is kept as the
 * exact text the server printed, so the self-check evaluates precisely what the server evaluates.
 */
public final class DistributedEngine {
    private final String cluster;
    private final String database;
    private final String table;
    private final String shardingKey;
    private final String policy;

    private DistributedEngine(String cluster, String database, String table, String shardingKey, String policy) {
        this.cluster = cluster;
        this.database = database;
        this.table = table;
        this.shardingKey = shardingKey;
        this.policy = policy;
    }

    /**
     * @throws IllegalArgumentException when the text is not a Distributed engine with 3 to 5 arguments
     */
    public static DistributedEngine parse(String engineFull) {
        List<SqlTokenizer.Token> tokens;
        try {
            tokens = SqlTokenizer.tokenize(engineFull);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read engine " + engineFull + ": " + e.getMessage(), e);
        }
        if (tokens.size() < 3 || !"Distributed".equals(tokens.get(0).text) || !tokens.get(1).isOp('(')) {
            throw new IllegalArgumentException("not a Distributed engine: " + engineFull);
        }
        List<int[]> spans = new ArrayList<>();
        int depth = 0;
        int argStart = 2;
        int i = 2;
        for (;; i++) {
            SqlTokenizer.Token t = tokens.get(i);
            if (t.type == SqlTokenizer.Type.END) {
                throw new IllegalArgumentException("unbalanced parentheses in engine " + engineFull);
            }
            if (t.isOp('(')) {
                depth++;
            } else if (t.isOp(')') && depth > 0) {
                depth--;
            } else if ((t.isOp(',') || t.isOp(')')) && depth == 0) {
                if (i == argStart) {
                    throw new IllegalArgumentException("empty argument in engine " + engineFull);
                }
                spans.add(new int[] {argStart, i});
                argStart = i + 1;
                if (t.isOp(')')) {
                    break;
                }
            }
        }
        if (spans.size() < 3 || spans.size() > 5) {
            throw new IllegalArgumentException("Distributed takes 3 to 5 arguments, found " + spans.size() + " in "
                    + engineFull);
        }
        String key = null;
        if (spans.size() >= 4) {
            int[] s = spans.get(3);
            key = engineFull.substring(tokens.get(s[0]).start, tokens.get(s[1] - 1).end);
        }
        String policy = spans.size() == 5 ? name(tokens, spans.get(4), engineFull) : null;
        return new DistributedEngine(name(tokens, spans.get(0), engineFull), name(tokens, spans.get(1), engineFull),
                name(tokens, spans.get(2), engineFull), key, policy);
    }

    /** A single identifier or string literal (or {@code currentDatabase()}, returned as written). */
    private static String name(List<SqlTokenizer.Token> tokens, int[] span, String engineFull) {
        SqlTokenizer.Token t = tokens.get(span[0]);
        if (span[1] - span[0] == 1) {
            if (t.type == SqlTokenizer.Type.STRING) {
                return new String(t.bytes, java.nio.charset.StandardCharsets.UTF_8);
            }
            if (t.type == SqlTokenizer.Type.IDENT || t.type == SqlTokenizer.Type.QUOTED_IDENT) {
                return t.text;
            }
        }
        return engineFull.substring(t.start, tokens.get(span[1] - 1).end);
    }

    public String cluster() {
        return cluster;
    }

    /** The remote database; empty means each replica's {@code default_database}. */
    public String database() {
        return database;
    }

    public String table() {
        return table;
    }

    /** The sharding key's text, or null when the table has none (then it accepts inserts only with one shard). */
    public String shardingKey() {
        return shardingKey;
    }

    public String policy() {
        return policy;
    }

    @Override
    public String toString() {
        return "Distributed(" + cluster + ", " + database + ", " + table + (shardingKey == null ? "" : ", " + shardingKey)
                + (policy == null ? "" : ", " + policy) + ")";
    }
}
