package com.alibaba.datax.common.plugin;

/** Marker for the collectors the engine hands to plugins. */
public interface PluginCollector {
}
