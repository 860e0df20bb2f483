package io.chpack.aurorareader.checkpoint;

import com.alibaba.datax.common.exception.DataXException;
import io.chpack.aurorareader.AuroraErrorCode;
import io.chpack.aurorareader.config.AuroraReaderConfig;

/** Opens the configured store (null when none is configured). */
public final class CheckpointStores {
    private CheckpointStores() {
    }

    public static CheckpointStore open(AuroraReaderConfig.Checkpoint c, String id) {
        if (c == null) {
            return null;
        }
        try {
            if ("zookeeper".equals(c.type)) {
                return new ZooKeeperCheckpointStore(c.connectString, c.rootPath, id);
            }
            return new FileCheckpointStore(c.path, id);
        } catch (RuntimeException e) {
            throw DataXException.asDataXException(AuroraErrorCode.CHECKPOINT_FAILED, "cannot open the checkpoint store ("
                    + c.type + "): " + e.getMessage(), e);
        }
    }
}
