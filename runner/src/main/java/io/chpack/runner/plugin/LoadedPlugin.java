package io.chpack.runner.plugin;

import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.Arrays;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.plugin.AbstractPlugin;

import io.chpack.runner.RunnerErrorCode;

/**
 * A plugin with its class loader: creates its Job and Task objects and runs plugin code with the
 * thread context class loader set to the plugin's loader (libraries such as JDBC drivers, SPI and
 * JAXB look there), restoring the caller's afterwards.
 */
public final class LoadedPlugin implements Closeable {
    /** Plugin code run by {@link #call}. */
    public interface PluginCall<T> {
        T call() throws Exception;
    }

    private final PluginDescriptor descriptor;
    /** The plugin's own loader, or for a built-in plugin the engine's. */
    private final ClassLoader loader;

    public LoadedPlugin(PluginDescriptor descriptor, ClassLoader parent) {
        this.descriptor = descriptor;
        this.loader = descriptor.builtin() ? parent
                : new PluginClassLoader(descriptor.name(), descriptor.directory().toFile(), parent);
    }

    public PluginDescriptor descriptor() {
        return this.descriptor;
    }

    public ClassLoader classLoader() {
        return this.loader;
    }

    public String name() {
        return this.descriptor.name();
    }

    /** A new {@code class$Job} or {@code class$Task}, checked against the SPI type the engine expects. */
    public <T extends AbstractPlugin> T instantiate(final String nested, final Class<T> expected) {
        final String className = this.descriptor.className() + "$" + nested;
        final Class<?> type;
        try {
            type = Class.forName(className, false, this.loader);
        } catch (ClassNotFoundException e) {
            throw DataXException.asDataXException(RunnerErrorCode.PLUGIN_INIT_ERROR, String.format(
                    "%s plugin \"%s\": class %s was not found in its jars %s (plugin.json \"class\" must name the "
                            + "outer class, which needs public static nested classes Job and Task)",
                    this.descriptor.type().toString(), name(), className, Arrays.toString(jarNames())));
        } catch (LinkageError e) {
            throw DataXException.asDataXException(RunnerErrorCode.PLUGIN_INIT_ERROR, String.format(
                    "%s plugin \"%s\": class %s cannot be loaded: %s", this.descriptor.type().toString(), name(),
                    className, e), e);
        }
        if (!expected.isAssignableFrom(type)) {
            String why = type.getClassLoader() == this.loader && sameNameInChain(type, expected)
                    ? " (the plugin bundles its own copy of the DataX API; it must come from the engine)"
                    : "";
            throw DataXException.asDataXException(RunnerErrorCode.PLUGIN_INIT_ERROR, String.format(
                    "%s plugin \"%s\": %s does not extend %s%s", this.descriptor.type().toString(), name(),
                    className, expected.getName(), why));
        }
        return call(new PluginCall<T>() {
            @Override
            public T call() throws Exception {
                Constructor<?> constructor;
                try {
                    constructor = type.getDeclaredConstructor();
                } catch (NoSuchMethodException e) {
                    throw DataXException.asDataXException(RunnerErrorCode.PLUGIN_INIT_ERROR, String.format(
                            "plugin \"%s\": %s needs a public no-argument constructor", name(), className));
                }
                if (!Modifier.isPublic(type.getModifiers()) || !Modifier.isPublic(constructor.getModifiers())) {
                    throw DataXException.asDataXException(RunnerErrorCode.PLUGIN_INIT_ERROR, String.format(
                            "plugin \"%s\": %s and its no-argument constructor must be public", name(), className));
                }
                try {
                    return expected.cast(constructor.newInstance());
                } catch (InvocationTargetException e) {
                    throw asException(e.getCause());
                }
            }
        });
    }

    private static boolean sameNameInChain(Class<?> type, Class<?> expected) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(expected.getName())) {
                return true;
            }
        }
        return false;
    }

    /** Runs plugin code with this plugin's loader as the thread context class loader. */
    public <T> T call(PluginCall<T> body) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(this.loader);
        try {
            return body.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Error e) {
            throw e;
        } catch (Exception e) {
            throw DataXException.asDataXException(RunnerErrorCode.PLUGIN_RUNTIME_ERROR, e.toString(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    public void run(final Runnable body) {
        call(new PluginCall<Void>() {
            @Override
            public Void call() {
                body.run();
                return null;
            }
        });
    }

    private static RuntimeException asException(Throwable t) throws Exception {
        if (t instanceof Error) {
            throw (Error) t;
        }
        if (t instanceof Exception) {
            throw (Exception) t;
        }
        return new IllegalStateException(t);
    }

    private String[] jarNames() {
        if (!(this.loader instanceof PluginClassLoader)) {
            return new String[] {"(built in)"};
        }
        URL[] urls = ((PluginClassLoader) this.loader).getURLs();
        String[] names = new String[urls.length];
        for (int i = 0; i < urls.length; i++) {
            String path = urls[i].getPath();
            names[i] = path.substring(path.lastIndexOf('/') + 1);
        }
        return names;
    }

    @Override
    public void close() throws IOException {
        if (this.loader instanceof PluginClassLoader) {
            ((PluginClassLoader) this.loader).close();
        }
    }
}
