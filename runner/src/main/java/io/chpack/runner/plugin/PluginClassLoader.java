package io.chpack.runner.plugin;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One class loader per plugin directory, as DataX's JarLoader builds it: every *.jar in the plugin
 * directory and in all of its subdirectories (libs/ and any other), delegating parent-first to the
 * engine's own class path. So the engine's API, slf4j and its lib/ libraries always win over a copy
 * in a plugin, exactly the clash a plugin would hit in real DataX.
 */
public final class PluginClassLoader extends URLClassLoader {
    private final String pluginName;

    static {
        ClassLoader.registerAsParallelCapable();
    }

    public PluginClassLoader(String pluginName, File directory, ClassLoader parent) {
        super(jarUrls(directory), parent);
        this.pluginName = pluginName;
    }

    static URL[] jarUrls(File directory) {
        List<File> dirs = new ArrayList<File>();
        dirs.add(directory);
        collectDirectories(directory, dirs);
        List<URL> urls = new ArrayList<URL>();
        for (File dir : dirs) {
            File[] jars = dir.listFiles();
            if (jars == null) {
                continue;
            }
            Arrays.sort(jars);
            for (File jar : jars) {
                if (jar.isFile() && jar.getName().endsWith(".jar")) {
                    try {
                        urls.add(jar.toURI().toURL());
                    } catch (MalformedURLException e) {
                        throw new IllegalStateException("cannot turn " + jar + " into a URL", e);
                    }
                }
            }
        }
        return urls.toArray(new URL[0]);
    }

    private static void collectDirectories(File dir, List<File> into) {
        File[] children = dir.listFiles();
        if (children == null) {
            return;
        }
        Arrays.sort(children);
        for (File child : children) {
            if (child.isDirectory()) {
                into.add(child);
                collectDirectories(child, into);
            }
        }
    }

    @Override
    public String toString() {
        return "PluginClassLoader[" + this.pluginName + "]";
    }
}
