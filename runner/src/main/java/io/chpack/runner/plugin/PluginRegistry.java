package io.chpack.runner.plugin;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.alibaba.datax.common.constant.PluginType;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;

import io.chpack.runner.RunnerErrorCode;

/**
 * The plugins installed in a home: every directory under plugin/reader and plugin/writer must hold a
 * plugin.json with a {@code name} (unique across readers and writers) and a {@code class}. DataX
 * refuses to start on a broken plugin directory, and so does the runner, naming the directory.
 * DataX's smoke-test plugins streamreader and streamwriter are built into the runner; an installed
 * plugin directory of the same name takes precedence.
 */
public final class PluginRegistry {
    private final Path home;
    private final Map<String, PluginDescriptor> readers = new LinkedHashMap<String, PluginDescriptor>();
    private final Map<String, PluginDescriptor> writers = new LinkedHashMap<String, PluginDescriptor>();
    private final Map<String, PluginDescriptor> builtins = new LinkedHashMap<String, PluginDescriptor>();

    private PluginRegistry(Path home) {
        this.home = home;
    }

    public static PluginRegistry scan(Path home) {
        PluginRegistry registry = new PluginRegistry(home);
        Map<String, PluginDescriptor> byName = new LinkedHashMap<String, PluginDescriptor>();
        registry.scanKind(PluginType.READER, registry.readers, byName);
        registry.scanKind(PluginType.WRITER, registry.writers, byName);
        registry.builtin(PluginType.READER, "streamreader", "io.chpack.runner.builtin.StreamReader");
        registry.builtin(PluginType.WRITER, "streamwriter", "io.chpack.runner.builtin.StreamWriter");
        return registry;
    }

    private void builtin(PluginType type, String name, String className) {
        Configuration conf = Configuration.newDefault();
        conf.set("name", name);
        conf.set("class", className);
        conf.set("description", "DataX's " + name + ", built into the chpack runner");
        conf.set("developer", "chpack");
        this.builtins.put(name, new PluginDescriptor(type, name, className, null, conf, true));
    }

    public Path kindDirectory(PluginType type) {
        return this.home.resolve("plugin").resolve(type == PluginType.READER ? "reader" : "writer");
    }

    private void scanKind(PluginType type, Map<String, PluginDescriptor> target,
                          Map<String, PluginDescriptor> byName) {
        File[] dirs = kindDirectory(type).toFile().listFiles();
        if (dirs == null) {
            return;
        }
        Arrays.sort(dirs);
        for (File dir : dirs) {
            if (!dir.isDirectory()) {
                continue;
            }
            PluginDescriptor descriptor = read(type, dir);
            PluginDescriptor clash = byName.get(descriptor.name());
            if (clash != null) {
                throw DataXException.asDataXException(RunnerErrorCode.PLUGIN_INSTALL_ERROR, String.format(
                        "plugin name \"%s\" is used twice: by %s and by %s; plugin names must be unique across "
                                + "readers and writers", descriptor.name(), clash.directory(), descriptor.directory()));
            }
            byName.put(descriptor.name(), descriptor);
            target.put(descriptor.name(), descriptor);
        }
    }

    private static PluginDescriptor read(PluginType type, File dir) {
        File json = new File(dir, "plugin.json");
        if (!json.isFile()) {
            throw DataXException.asDataXException(RunnerErrorCode.PLUGIN_INSTALL_ERROR,
                    "plugin directory " + dir + " has no plugin.json (every directory under plugin/"
                            + type.toString() + "/ must be a plugin)");
        }
        Configuration conf;
        try {
            conf = Configuration.from(json);
        } catch (DataXException e) {
            throw DataXException.asDataXException(RunnerErrorCode.PLUGIN_INSTALL_ERROR,
                    json + " cannot be read: " + e.getMessage());
        }
        String name = text(conf, "name", json);
        String className = text(conf, "class", json);
        if (conf.get("path") == null || conf.getString("path").trim().isEmpty()) {
            conf.set("path", dir.getAbsolutePath());
        }
        return new PluginDescriptor(type, name, className, dir.toPath().toAbsolutePath(), conf, false);
    }

    private static String text(Configuration conf, String key, File json) {
        Object value = conf.get(key);
        if (!(value instanceof String) || ((String) value).trim().isEmpty()) {
            throw DataXException.asDataXException(RunnerErrorCode.PLUGIN_INSTALL_ERROR,
                    json + ": \"" + key + "\" must be a non-empty string");
        }
        return ((String) value).trim();
    }

    public PluginDescriptor find(PluginType type, String name) {
        Map<String, PluginDescriptor> own = type == PluginType.READER ? this.readers : this.writers;
        PluginDescriptor descriptor = own.get(name);
        if (descriptor != null) {
            return descriptor;
        }
        PluginDescriptor builtin = this.builtins.get(name);
        if (builtin != null && builtin.type() == type) {
            return builtin;
        }
        Map<String, PluginDescriptor> other = type == PluginType.READER ? this.writers : this.readers;
        String hint = other.containsKey(name)
                ? String.format(" (\"%s\" is installed, but as a %s)", name, other.get(name).type().toString())
                : "";
        throw DataXException.asDataXException(RunnerErrorCode.PLUGIN_NOT_FOUND, String.format(
                "%s plugin \"%s\" is not installed: looked for a plugin.json with \"name\": \"%s\" in the "
                        + "directories under %s; available %ss: %s%s", type.toString(), name, name,
                kindDirectory(type).toAbsolutePath(), type.toString(), names(own, builtinNames(type)), hint));
    }

    private List<String> builtinNames(PluginType type) {
        List<String> names = new ArrayList<String>();
        for (PluginDescriptor builtin : this.builtins.values()) {
            if (builtin.type() == type) {
                names.add(builtin.name());
            }
        }
        return names;
    }

    private static String names(Map<String, PluginDescriptor> plugins, List<String> builtins) {
        List<String> names = new ArrayList<String>(plugins.keySet());
        Collections.sort(names);
        for (String builtin : builtins) {
            if (!plugins.containsKey(builtin)) {
                names.add(builtin + " (built in)");
            }
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    public List<PluginDescriptor> all() {
        List<PluginDescriptor> all = new ArrayList<PluginDescriptor>(this.readers.values());
        all.addAll(this.writers.values());
        return all;
    }
}
