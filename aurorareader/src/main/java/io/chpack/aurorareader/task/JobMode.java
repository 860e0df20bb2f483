package io.chpack.aurorareader.task;

import java.util.List;

import com.alibaba.datax.common.util.Configuration;

/**
 * The job-side seam: {@code AuroraReader.Job} delegates planning and commits to the mode's implementation.
 * FULL and WATERMARK: {@link io.chpack.aurorareader.plan.TablePlanner}; CDC: the class
 * {@code io.chpack.aurorareader.cdc.CdcJobMode} (public, no-arg constructor) found by {@link ModeRegistry}.
 * Contract: {@link #post()} is the only place where positions, watermarks and completed loads are committed
 * to the checkpoint store (it runs only when the whole job, writer included, succeeded).
 */
public interface JobMode {
    /** @param parameter the reader's parameter; @param peerWriterName/peerWriter the writer's (for contracts) */
    void init(Configuration parameter, String peerWriterName, Configuration peerWriter);

    List<Configuration> split(int adviceNumber);

    void post();

    void destroy();
}
