package io.chpack.aurorareader.cdc;

import com.alibaba.datax.common.util.Configuration;
import io.chpack.aurorareader.checkpoint.CheckpointStore;
import io.chpack.aurorareader.config.AuroraReaderConfig;
import io.chpack.aurorareader.task.JobMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.List;

/**
 * {@code mode: cdc}, job side (found by {@code task.ModeRegistry} by name). {@link #init}: checks the server's
 * prerequisites (named errors), reads the committed start from the checkpoint store (key
 * {@value CdcHandOff#POSITION_KEY}, written by a full load's hand-off or the previous CDC run), else
 * {@code cdc.startPosition} ({@code binlog:…}/{@code lsn:…} text, or {@code current} to start from now without
 * history), and fixes the end at the server's current position. {@link #split} makes one task (a change log is
 * one ordered stream). {@link #post} commits the end to the store and then confirms it to the server
 * (PostgreSQL slot advance), so a failed job reruns the same range and the version column absorbs replays.
 */
public final class CdcJobMode implements JobMode {
    private static final Logger LOG = LoggerFactory.getLogger(CdcJobMode.class);
    static final String FROM = "__cdc.from";
    static final String TO = "__cdc.to";

    private Configuration parameter;
    private CdcSettings settings;
    private CheckpointStore store;
    private CdcPosition from;
    private CdcPosition to;

    @Override
    public void init(Configuration parameter, String peerWriterName, Configuration peerWriter) {
        this.parameter = parameter;
        AuroraReaderConfig config = AuroraReaderConfig.parse(parameter);
        this.settings = CdcSettings.fromConfiguration(parameter, config.readOptions);
        this.store = CdcHandOff.openStore(parameter);
        try (ChangeSource source = ChangeSources.open(settings)) {
            source.checkPrerequisites();
            String saved = store.get(CdcHandOff.POSITION_KEY);
            if (saved == null) {
                String start = parameter.getString("cdc.startPosition");
                if (start == null || start.trim().isEmpty()) {
                    throw CdcErrorCode.BAD_CONFIG.error("no committed CDC position in " + store.describe() + ": run "
                            + "the full load first with \"cdc\": {\"captureStart\": true} and the same checkpoint.id, "
                            + "or set cdc.startPosition (\"current\", \"binlog:<file>:<pos>\" or \"lsn:<X>/<Y>\")");
                }
                if ("current".equalsIgnoreCase(start.trim())) {
                    source.prepareHandOff();
                    from = source.currentPosition();
                } else {
                    try {
                        from = CdcPosition.parse(start);
                    } catch (IllegalArgumentException e) {
                        throw CdcErrorCode.BAD_CONFIG.error("cdc.startPosition: " + e.getMessage());
                    }
                }
            } else {
                from = CdcPosition.parse(saved);
            }
            to = source.currentPosition();
        }
        if (from.kind() != to.kind()) {
            throw CdcErrorCode.POSITION_MISMATCH.error("saved position " + from + " does not belong to "
                    + settings.jdbcUrl);
        }
        if (from.compareTo(to) > 0) {
            throw CdcErrorCode.POSITION_MISMATCH.error("saved position " + from + " is after the server's current "
                    + "position " + to + ": the checkpoint belongs to another server (restored or failed over?)");
        }
        LOG.info("CDC run from {} to {} (checkpoint {})", from, to, store.describe());
    }

    @Override
    public List<Configuration> split(int adviceNumber) {
        Configuration slice = parameter.clone();
        slice.set(FROM, from.toString());
        slice.set(TO, to.toString());
        return Collections.singletonList(slice);
    }

    @Override
    public void post() {
        store.put(CdcHandOff.POSITION_KEY, to.toString());
        try (ChangeSource source = ChangeSources.open(settings)) {
            source.commit(to);
        }
        LOG.info("CDC position {} committed to {}", to, store.describe());
    }

    @Override
    public void destroy() {
        if (store != null) {
            store.close();
            store = null;
        }
    }

    /** The range this job reads (after {@link #init}). */
    CdcPosition from() {
        return from;
    }

    CdcPosition to() {
        return to;
    }
}
