package io.chpack.memcachedwriter.it;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import com.alibaba.datax.common.spi.Reader;

/**
 * A temporary DataX home for the integration tests: conf/core.json, plugin/writer/memcachedwriter with the
 * shaded plugin jar built by {@code package}, plugin/reader/clickhousereader with that module's installed
 * (shaded) jar, and plugin/reader/rowsreader compiled here from src/test-plugins for Java 8 against the DataX
 * API only, so the engine loads every plugin through its own class loader, as DataX would.
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

        Path writer = Files.createDirectories(dir.resolve("plugin/writer/memcachedwriter"));
        Files.copy(Paths.get(System.getProperty("chpack.it.pluginDir")).resolve("plugin.json"), writer.resolve("plugin.json"));
        Files.copy(existing(System.getProperty("chpack.it.pluginJar")), writer.resolve("memcachedwriter.jar"));
        Files.createDirectories(writer.resolve("libs"));

        Path ch = Files.createDirectories(dir.resolve("plugin/reader/clickhousereader"));
        Files.copy(Paths.get(System.getProperty("chpack.it.readerPluginJson")), ch.resolve("plugin.json"));
        Files.copy(readerJar(module), ch.resolve("clickhousereader.jar"));

        Path rows = Files.createDirectories(dir.resolve("plugin/reader/rowsreader"));
        Files.writeString(rows.resolve("plugin.json"), "{\"name\": \"rowsreader\", \"class\": "
                + "\"io.chpack.memcachedwriter.it.RowsReader\", \"description\": \"test\", \"developer\": \"chpack\"}");
        Path classes = module.resolve("target/it-rowsreader-classes");
        compile(classes, module.resolve("src/test-plugins/java"));
        jar(rows.resolve("rowsreader.jar"), classes);
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

    private static void compile(Path out, Path sources) throws IOException {
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of("--release", "8", "-proc:none", "-nowarn", "-Xlint:-options",
                "-d", out.toString(), "-cp", location(Reader.class).toString()));
        try (Stream<Path> walk = Files.walk(sources)) {
            walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        OutputStream err = new OutputStream() {
            @Override
            public void write(int b) {
                errors.write(b);
            }
        };
        if (javac.run(null, null, err, args.toArray(new String[0])) != 0) {
            throw new IllegalStateException("compiling the rows reader failed:\n" + errors);
        }
    }

    private static void jar(Path jar, Path root) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
    }

    private static Path location(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
