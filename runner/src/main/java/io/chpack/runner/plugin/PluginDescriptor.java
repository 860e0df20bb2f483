package io.chpack.runner.plugin;

import java.nio.file.Path;

import com.alibaba.datax.common.constant.PluginType;
import com.alibaba.datax.common.util.Configuration;

/** One installed plugin: its plugin.json and the directory it was found in. */
public final class PluginDescriptor {
    private final PluginType type;
    private final String name;
    private final String className;
    private final Path directory;
    private final Configuration pluginConf;
    private final boolean builtin;

    PluginDescriptor(PluginType type, String name, String className, Path directory, Configuration pluginConf,
                     boolean builtin) {
        this.type = type;
        this.name = name;
        this.className = className;
        this.directory = directory;
        this.pluginConf = pluginConf;
        this.builtin = builtin;
    }

    /** Part of the runner itself (loaded by the engine's class loader), not a plugin directory. */
    public boolean builtin() {
        return this.builtin;
    }

    public PluginType type() {
        return this.type;
    }

    public String name() {
        return this.name;
    }

    /** The outer class from plugin.json; the engine instantiates {@code class$Job} and {@code class$Task}. */
    public String className() {
        return this.className;
    }

    /** The plugin directory; null for a built-in plugin. */
    public Path directory() {
        return this.directory;
    }

    /** plugin.json with {@code path} set to the directory, as DataX hands it to setPluginConf. */
    public Configuration pluginConf() {
        return this.pluginConf.clone();
    }

    @Override
    public String toString() {
        return this.type + " " + this.name + " (" + (this.builtin ? "built in" : this.directory) + ")";
    }
}
