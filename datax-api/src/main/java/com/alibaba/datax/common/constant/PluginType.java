package com.alibaba.datax.common.constant;

/** Kind of plugin; its text is also the directory name under the engine's plugin/ folder. */
public enum PluginType {
    READER("reader"), TRANSFORMER("transformer"), WRITER("writer"), HANDLER("handler");

    private final String pluginType;

    PluginType(String pluginType) {
        this.pluginType = pluginType;
    }

    @Override
    public String toString() {
        return this.pluginType;
    }
}
