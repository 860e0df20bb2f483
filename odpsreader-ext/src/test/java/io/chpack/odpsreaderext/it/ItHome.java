package io.chpack.odpsreaderext.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/**
 * A temporary DataX home for the integration tests: conf/core.json, plugin/reader/odpsreader-ext with the shaded
 * plugin jar built by {@code package}, and the shaded jars of clickhousewriter, clickhousereader and odpswriter-ext
 * (the newer of the reactor's target/ and the local repository's copy), so the engine loads every plugin through
 * its own class loader, as DataX would.
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

        Path reader = Files.createDirectories(dir.resolve("plugin/reader/odpsreader-ext"));
        Files.copy(Paths.get(System.getProperty("chpack.it.pluginDir")).resolve("plugin.json"), reader.resolve("plugin.json"));
        Files.copy(existing(Paths.get(System.getProperty("chpack.it.pluginJar"))), reader.resolve("odpsreader-ext.jar"));
        Files.createDirectories(reader.resolve("libs"));
        peer(module, dir, "writer", "clickhousewriter");
        peer(module, dir, "reader", "clickhousereader");
        peer(module, dir, "writer", "odpswriter-ext");
        return dir;
    }

    private static void peer(Path module, Path home, String kind, String name) throws IOException {
        Path d = Files.createDirectories(home.resolve("plugin/" + kind + "/" + name));
        Files.copy(module.resolve("../" + name + "/src/main/plugin/plugin.json").normalize(), d.resolve("plugin.json"));
        String version = System.getProperty("chpack.it.projectVersion");
        Path repo = Paths.get(System.getProperty("chpack.it.repo"), name, version, name + "-" + version + ".jar");
        Path reactor = module.resolve("../" + name + "/target/" + name + "-" + version + ".jar").normalize();
        Path jar = Files.isRegularFile(reactor) && (!Files.isRegularFile(repo)
                || Files.getLastModifiedTime(reactor).compareTo(Files.getLastModifiedTime(repo)) > 0) ? reactor : repo;
        Files.copy(existing(jar), d.resolve(name + ".jar"));
    }

    private static Path existing(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException(p + " does not exist: run mvn install for that module first");
        }
        return p;
    }

    static Path moduleDir() {
        String basedir = System.getProperty("basedir");
        return basedir != null ? Paths.get(basedir) : Paths.get("").toAbsolutePath();
    }
}
