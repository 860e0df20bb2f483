package io.chpack.clickhousewriter;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.chpack.clickhousewriter.client.ClickHouseConnection;
import io.chpack.clickhousewriter.meta.ServerInfo;
import io.chpack.clickhousewriter.meta.TableMetadata;

/**
 * Tells the user, at prepare time, what {@code mode: dedup} can promise on this server and table. The facts:
 * Replicated*MergeTree tables drop a block identical to one of the last {@code replicated_deduplication_window}
 * blocks (100 by default in 18.16); plain MergeTree does so only with {@code non_replicated_deduplication_window}
 * &gt; 0 (a table setting that 18.16 does not have); {@code insert_deduplication_token} (not in 18.16) makes the
 * identity the token instead of the content.
 */
final class DedupReport {
    private static final Pattern NON_REPLICATED_WINDOW = Pattern.compile("non_replicated_deduplication_window\\s*=\\s*(\\d+)");

    private DedupReport() {
    }

    static String of(ServerInfo server, TableMetadata m, ClickHouseWriterConfig config, ClickHouseConnection c) {
        String t = m.database + "." + m.table;
        if ("0".equals(config.settings.get("insert_deduplicate"))) {
            return "dedup on " + t + " is OFF: parameter.settings sets insert_deduplicate=0, so retried and rerun "
                    + "blocks are inserted again";
        }
        if (m.isReplicated()) {
            return "dedup on " + t + " (" + m.engine + "): " + (server.supportsDedupToken()
                    ? "each block carries insert_deduplication_token chpack-<jobId>-<table>-<task>-<block>; "
                    : "ClickHouse " + server.version + " has no insert_deduplication_token, so the server drops a "
                            + "block identical in content to a recent one (identical rows in identical order); ")
                    + "retries and reruns are absorbed for the last replicated_deduplication_window blocks ("
                    + window(c, "replicated_deduplication_window", m) + ") of the table";
        }
        if (m.isMergeTreeFamily()) {
            long w = nonReplicatedWindow(c, m);
            if (w > 0) {
                return "dedup on " + t + " (" + m.engine + "): non_replicated_deduplication_window = " + w
                        + (server.supportsDedupToken() ? ", blocks carry insert_deduplication_token" : "");
            }
        }
        return "dedup on " + t + " (" + m.engine + ") is NOT possible on ClickHouse " + server.version + ": only "
                + "Replicated*MergeTree tables (or MergeTree with non_replicated_deduplication_window > 0 on newer "
                + "servers) drop repeated blocks. A block resent after a network failure may be stored twice, and a "
                + "rerun stores everything again. Use a Replicated table, or mode staging for an atomic job.";
    }

    private static String window(ClickHouseConnection c, String name, TableMetadata m) {
        Matcher own = Pattern.compile(name + "\\s*=\\s*(\\d+)").matcher(m.engineFull);
        if (own.find()) {
            return own.group(1);
        }
        String v = c.queryValue("SELECT value FROM system.merge_tree_settings WHERE name = '" + name + "'");
        return v == null ? "unknown" : v;
    }

    private static long nonReplicatedWindow(ClickHouseConnection c, TableMetadata m) {
        Matcher own = NON_REPLICATED_WINDOW.matcher(m.engineFull);
        if (own.find()) {
            return Long.parseLong(own.group(1));
        }
        String v = c.queryValue("SELECT value FROM system.merge_tree_settings WHERE name = "
                + "'non_replicated_deduplication_window'");
        try {
            return v == null ? 0 : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
