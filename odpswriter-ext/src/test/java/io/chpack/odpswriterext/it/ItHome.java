package io.chpack.odpswriterext.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/**
 * A temporary DataX home for the integration tests: conf/core.json, plugin/writer/odpswriter-ext with the shaded
 * plugin jar built by {@code package}, and plugin/reader/clickhousereader with that module's installed (shaded)
 * jar, so the engine loads every plugin through its own class loader, as DataX would.
 */
public final class ItHome {
    private static Path home;

    private ItHome() {
    }

    public static synchronized Path get() {
        if (home == null) {
            try {
                home = build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return home;
    }

    private static Path build() throws IOException {
        Path module = moduleDir();
        Path dir = module.resolve("target/it-home");
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Files.copy(Paths.get(System.getProperty("chpack.it.coreJson")), conf.resolve("core.json"));

        Path writer = Files.createDirectories(dir.resolve("plugin/writer/odpswriter-ext"));
        Files.copy(Paths.get(System.getProperty("chpack.it.pluginDir")).resolve("plugin.json"), writer.resolve("plugin.json"));
        Files.copy(existing(System.getProperty("chpack.it.pluginJar")), writer.resolve("odpswriter-ext.jar"));
        Files.createDirectories(writer.resolve("libs"));

        Path ch = Files.createDirectories(dir.resolve("plugin/reader/clickhousereader"));
        Files.copy(Paths.get(System.getProperty("chpack.it.readerPluginJson")), ch.resolve("plugin.json"));
        Files.copy(readerJar(module), ch.resolve("clickhousereader.jar"));
        return dir;
    }

    private static Path existing(String path) {
        Path p = Paths.get(path);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException(p + " does not exist: run mvn install for that module first");
        }
        return p;
    }

    /** clickhousereader's shaded jar: the newer of the reactor's target/ and the local repository's copy. */
    private static Path readerJar(Path module) throws IOException {
        Path repo = Paths.get(System.getProperty("chpack.it.readerJar"));
        Path reactor = module.resolve("../clickhousereader/target/clickhousereader-0.1.0-SNAPSHOT.jar").normalize();
        if (Files.isRegularFile(reactor) && (!Files.isRegularFile(repo)
                || Files.getLastModifiedTime(reactor).compareTo(Files.getLastModifiedTime(repo)) > 0)) {
            return reactor;
        }
        return existing(repo.toString());
    }

    static Path moduleDir() {
        String basedir = System.getProperty("basedir");
        return basedir != null ? Paths.get(basedir) : Paths.get("").toAbsolutePath();
    }
}
