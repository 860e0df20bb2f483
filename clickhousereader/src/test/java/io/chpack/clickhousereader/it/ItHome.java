package io.chpack.clickhousereader.it;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
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

import com.alibaba.datax.common.spi.Writer;

/**
 * A temporary DataX home for the integration tests: conf/core.json, plugin/reader/clickhousereader with the
 * shaded plugin jar built by {@code package}, and plugin/writer/capturewriter compiled here from
 * src/test-plugins (for Java 8, against the DataX API only; never on the test class path, so the engine loads
 * both plugins through its own class loaders, as DataX would).
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
        Path reader = Files.createDirectories(dir.resolve("plugin/reader/clickhousereader"));
        Path pluginDir = Paths.get(System.getProperty("chpack.it.pluginDir"));
        Files.copy(pluginDir.resolve("plugin.json"), reader.resolve("plugin.json"));
        Path jar = Paths.get(System.getProperty("chpack.it.pluginJar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("the shaded plugin jar " + jar + " does not exist: run mvn package first");
        }
        Files.copy(jar, reader.resolve("clickhousereader.jar"));
        Files.createDirectories(reader.resolve("libs"));

        Path writer = Files.createDirectories(dir.resolve("plugin/writer/capturewriter"));
        Files.writeString(writer.resolve("plugin.json"), "{\"name\": \"capturewriter\", \"class\": "
                + "\"io.chpack.clickhousereader.it.CaptureWriter\", \"description\": \"test\", \"developer\": \"chpack\"}");
        Path classes = module.resolve("target/it-capturewriter-classes");
        compile(classes, module.resolve("src/test-plugins/java"));
        jar(writer.resolve("capturewriter.jar"), classes);
        return dir;
    }

    static Path moduleDir() {
        String basedir = System.getProperty("basedir");
        return basedir != null ? Paths.get(basedir) : Paths.get("").toAbsolutePath();
    }

    private static void compile(Path out, Path sources) throws IOException {
        Files.createDirectories(out);
        List<String> args = new ArrayList<>(List.of("--release", "8", "-proc:none", "-nowarn", "-Xlint:-options",
                "-d", out.toString(), "-cp", location(Writer.class).toString()));
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
            throw new IllegalStateException("compiling the capture writer failed:\n" + errors);
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

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
