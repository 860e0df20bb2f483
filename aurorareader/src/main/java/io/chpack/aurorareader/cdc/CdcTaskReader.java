package io.chpack.aurorareader.cdc;

import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.plugin.TaskPluginCollector;
import com.alibaba.datax.common.util.Configuration;
import io.chpack.aurorareader.config.AuroraReaderConfig;
import io.chpack.aurorareader.task.ModeReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code mode: cdc}, task side: reads the slice's [from, to) range of the change log into the channel. */
public final class CdcTaskReader implements ModeReader {
    private static final Logger LOG = LoggerFactory.getLogger(CdcTaskReader.class);

    private ChangeSource source;
    private CdcPosition from;
    private CdcPosition to;

    @Override
    public void init(Configuration slice, TaskPluginCollector collector) {
        CdcSettings settings = CdcSettings.fromConfiguration(slice, AuroraReaderConfig.parse(slice).readOptions);
        from = CdcPosition.parse(slice.getString(CdcJobMode.FROM));
        to = CdcPosition.parse(slice.getString(CdcJobMode.TO));
        source = ChangeSources.open(settings);
    }

    @Override
    public void read(RecordSender sender) {
        CdcRunStats stats = source.read(from, to, ChangeSink.of(sender));
        sender.flush();
        LOG.info("{}", stats);
    }

    @Override
    public void close() {
        if (source != null) {
            source.close();
            source = null;
        }
    }
}
