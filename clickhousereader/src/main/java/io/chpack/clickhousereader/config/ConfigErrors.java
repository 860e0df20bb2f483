package io.chpack.clickhousereader.config;

import com.alibaba.datax.common.exception.DataXException;
import io.chpack.clickhousereader.ReaderErrorCode;

/** Builds CONFIG_ERROR exceptions whose message starts with {@code parameter.<key>}. */
public final class ConfigErrors {
    private ConfigErrors() {
    }

    public static DataXException error(String key, String message) {
        return DataXException.asDataXException(ReaderErrorCode.CONFIG_ERROR, "parameter." + key + " " + message);
    }
}
