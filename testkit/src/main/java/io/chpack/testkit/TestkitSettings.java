package io.chpack.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;

/**
 * The knobs of the kit, read from system properties so tests, Maven and shell scripts can set them
 * without code changes.
 *
 * <ul>
 *   <li>{@code chpack.testkit.root}: where scratch directories go (default {@code java.io.tmpdir/chpack-testkit})</li>
 *   <li>{@code chpack.testkit.keep}: {@code true} keeps scratch directories after a clean stop too</li>
 *   <li>{@code chpack.testkit.serversLib}: the directory with the ZooKeeper/Kafka jars (default: the
 *       {@code testkit-servers/target/lib} path that the build wrote into {@code chpack-testkit.properties})</li>
 *   <li>{@code chpack.testkit.bin.<name>}: the exact path of a server binary, e.g.
 *       {@code chpack.testkit.bin.clickhouse-server}</li>
 * </ul>
 */
public final class TestkitSettings {
    public static final String ROOT = "chpack.testkit.root";
    public static final String KEEP = "chpack.testkit.keep";
    public static final String SERVERS_LIB = "chpack.testkit.serversLib";
    public static final String BIN_PREFIX = "chpack.testkit.bin.";

    private TestkitSettings() {
    }

    public static Path scratchRoot() {
        String configured = System.getProperty(ROOT);
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured).toAbsolutePath();
        }
        return Paths.get(System.getProperty("java.io.tmpdir"), "chpack-testkit").toAbsolutePath();
    }

    public static boolean keepScratch() {
        return Boolean.getBoolean(KEEP);
    }

    /** Explicit binary path for {@code name}, or null when the kit should search for it. */
    public static String binaryOverride(String name) {
        String v = System.getProperty(BIN_PREFIX + name);
        return v == null || v.isBlank() ? null : v;
    }

    /**
     * The jars of the separately run JVM servers. Found without Maven at run time: the build filters the
     * absolute path into a resource of this jar.
     */
    public static Path serversLib() {
        String configured = System.getProperty(SERVERS_LIB);
        if (configured == null || configured.isBlank()) {
            Properties p = new Properties();
            try (InputStream in = TestkitSettings.class.getResourceAsStream("/chpack-testkit.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read chpack-testkit.properties", e);
            }
            configured = p.getProperty("servers.lib");
        }
        if (configured == null || configured.isBlank() || configured.contains("${")) {
            throw new IllegalStateException("the ZooKeeper/Kafka jar directory is unknown: build testkit-servers "
                    + "(mvn -pl testkit-servers,testkit install) or set -D" + SERVERS_LIB + "=DIR");
        }
        return Paths.get(configured).toAbsolutePath().normalize();
    }
}
