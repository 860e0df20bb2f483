package io.chpack.testplugins;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import com.alibaba.datax.common.util.Configuration;

/**
 * Lifecycle events of the test plugins, appended as lines to the file named by the "eventsFile"
 * parameter, so a test can check what the engine called and in which order. Each line is one write
 * to a file opened for appending, which the OS keeps whole across threads and class loaders.
 */
public final class Events {
    /** Ids of slice s start at s * SLICE_STRIDE, so a writer can tell which reader slice a record came from. */
    public static final long SLICE_STRIDE = 1000000L;
    private Events() {
    }

    public static void record(Configuration conf, String event) {
        String file = conf == null ? null : conf.getString("eventsFile");
        if (file == null) {
            return;
        }
        byte[] line = (event + "\n").getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = new FileOutputStream(file, true)) {
            out.write(line);
        } catch (IOException e) {
            throw new IllegalStateException("cannot record event to " + file, e);
        }
    }

    public static long checksum(long id) {
        return id * 31 + (id % 7);
    }

    /** Whether the thread's context class loader is the one that loaded the plugin. */
    public static String tccl(Object plugin) {
        return Thread.currentThread().getContextClassLoader() == plugin.getClass().getClassLoader() ? "own" : "other";
    }

    /**
     * A counter shared by the reader and the writer of a test, which live in different class loaders:
     * kept in the system properties (a Hashtable of Objects) under a key the test chooses.
     */
    public static AtomicLong shared(String key) {
        Properties properties = System.getProperties();
        synchronized (properties) {
            Object value = properties.get(key);
            if (!(value instanceof AtomicLong)) {
                value = new AtomicLong();
                properties.put(key, value);
            }
            return (AtomicLong) value;
        }
    }
}
