package io.chpack.aurorareader.task;

import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.plugin.TaskPluginCollector;
import com.alibaba.datax.common.util.Configuration;

/**
 * The task-side seam: {@code AuroraReader.Task} hands its slice to the reader of the slice's mode.
 * FULL and WATERMARK: {@link ChunkedTableReader}; CDC: the class {@code io.chpack.aurorareader.cdc.CdcTaskReader}
 * (public, no-arg constructor) found by {@link ModeRegistry}.
 */
public interface ModeReader {
    /** Called once with the task's slice; may open connections. */
    void init(Configuration slice, TaskPluginCollector collector);

    /** Streams every record of the slice to {@code sender}; throws DataXException on failure. */
    void read(RecordSender sender);

    /** Releases connections; called even after a failure. */
    void close();
}
