package io.chpack.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/** Where the assembled DataX-style home is, and the plugin directories in it. */
final class AssembledHome {
    static final List<String> KINDS = List.of("reader", "writer");

    private AssembledHome() {
    }

    static Path home() {
        String home = System.getProperty("chpack.home");
        if (home == null) {
            throw new IllegalStateException("system property chpack.home is not set: run through Maven (mvn verify)");
        }
        Path path = Paths.get(home).toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("assembled home " + path + " does not exist: the package phase did not run");
        }
        return path;
    }

    static Path tarball() {
        return Paths.get(System.getProperty("chpack.tarball"));
    }

    /** Every plugin directory: plugin/reader/* and plugin/writer/*. */
    static List<Path> pluginDirs() {
        return KINDS.stream().flatMap(kind -> list(home().resolve("plugin").resolve(kind))).sorted().toList();
    }

    static Stream<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> jarsUnder(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
