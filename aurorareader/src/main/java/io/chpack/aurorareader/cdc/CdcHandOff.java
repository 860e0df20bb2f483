package io.chpack.aurorareader.cdc;

import com.alibaba.datax.common.util.Configuration;
import io.chpack.aurorareader.checkpoint.CheckpointStore;
import io.chpack.aurorareader.checkpoint.CheckpointStores;
import io.chpack.aurorareader.config.AuroraReaderConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Snapshot → CDC hand-off for the full load. A full load whose job has {@code "cdc": {"captureStart": true}}
 * ({@code plan.TablePlanner}) calls {@link #capture(Configuration)} in {@code Job.init} before planning (the
 * PostgreSQL slot is created first when {@code cdc.createSlot} is on, so the WAL from that point is retained),
 * keeps the returned text (also next to its checkpoint plan, so a resumed load reuses it), and calls
 * {@link #commit(Configuration, String)} in {@code Job.post} only: the position lands in the CDC checkpoint
 * (key {@value #POSITION_KEY}) that the first {@code mode: cdc} run of the same source starts from.
 */
public final class CdcHandOff {
    /** The checkpoint-store key of the committed CDC position ({@link CdcPosition#toString()} text). */
    public static final String POSITION_KEY = "cdc.position";

    private CdcHandOff() {
    }

    /**
     * The position a snapshot whose reads start after this call may hand over to CDC, as checkpoint text: the
     * server's CDC prerequisites are checked first (a load that could never be followed by CDC fails at start),
     * the log from here on is made to be kept (PostgreSQL: the slot, with {@code cdc.createSlot}), then
     * {@link ChangeSource#handOffPosition()} (no transaction logged before it is invisible to a later read).
     */
    public static String capture(Configuration parameter) {
        CdcSettings s = CdcSettings.fromConfiguration(parameter, AuroraReaderConfig.parse(parameter).readOptions);
        try (ChangeSource source = ChangeSources.open(s)) {
            source.checkPrerequisites();
            source.prepareHandOff();
            return source.handOffPosition().toString();
        }
    }

    /** Stores a captured position as the CDC start (only from {@code Job.post}). */
    public static void commit(Configuration parameter, String position) {
        CdcPosition.parse(position); // validates
        try (CheckpointStore store = openStore(parameter)) {
            store.put(POSITION_KEY, position);
        }
    }

    /**
     * The CDC checkpoint of a source: {@code checkpoint.id} when given (give the full load and the CDC job the
     * same one), else derived from the first JDBC URL and the tables, so that a full load and a CDC job over the
     * same tables meet without configuration.
     */
    public static String checkpointId(Configuration parameter) {
        String id = parameter.getString("checkpoint.id");
        if (id != null && !id.trim().isEmpty()) {
            return id.trim();
        }
        StringBuilder sb = new StringBuilder();
        Object url = parameter.get("connection[0].jdbcUrl");
        sb.append(url instanceof List && !((List<?>) url).isEmpty() ? ((List<?>) url).get(0) : url).append('\n');
        sb.append(parameter.getString("connection[0].table")).append('\n');
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder("cdc-");
            for (int i = 0; i < 8; i++) {
                hex.append(String.format("%02x", h[i] & 0xFF));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The checkpoint store a CDC job uses (the job's {@code checkpoint.*}, file store by default). */
    static CheckpointStore openStore(Configuration parameter) {
        Configuration asCdc = parameter.clone();
        asCdc.set("mode", "cdc");
        AuroraReaderConfig config = AuroraReaderConfig.parse(asCdc);
        return CheckpointStores.open(config.checkpoint, checkpointId(parameter));
    }
}
