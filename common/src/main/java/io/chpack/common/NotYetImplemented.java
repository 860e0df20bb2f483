package io.chpack.common;

import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;

/**
 * The error a plugin shell raises before its implementation lands, so a job that names it fails at
 * once with the reason instead of running and moving nothing.
 */
public final class NotYetImplemented {
    private NotYetImplemented() {
    }

    public static DataXException plugin(String pluginName) {
        return DataXException.asDataXException(CommonErrorCode.CONFIG_ERROR,
                "plugin '" + pluginName + "' is not implemented in this chpack build yet; see the project's open issues");
    }
}
