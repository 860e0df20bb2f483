package io.chpack.runner.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
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

import org.slf4j.Logger;

import com.alibaba.datax.common.spi.Reader;

/**
 * Compiles src/test-plugins/java (with javac, for Java 8 like real plugins) into the jars of the two
 * test plugins, once per test JVM. The classes are deliberately NOT on the test class path: the engine
 * can only reach them through its plugin class loaders, so class loading is the real thing.
 *
 * <p>Each plugin also gets libs/ jars: its own {@code io.chpack.testplugins.Version} (a class both
 * plugins contain with different code, to show the loaders are separate), and the writer a fake
 * {@code org.apache.commons.lang3.StringUtils} (a class the engine's class path also has, to show the
 * engine's copy wins, parent-first).
 */
public final class PluginJars {
    private static PluginJars instance;

    public final Path readerJar;
    public final Path writerJar;
    public final Path readerVersionJar;
    public final Path writerVersionJar;
    public final Path fakeLang3Jar;

    private PluginJars(Path dir) throws IOException {
        Path sources = moduleDir().resolve("src/test-plugins/java");
        Path versionA = compileVersion(dir.resolve("version-reader"), "genreader");
        Path versionB = compileVersion(dir.resolve("version-writer"), "collectwriter");
        Path lang3 = dir.resolve("lang3");
        compile(lang3, List.of(write(dir.resolve("lang3-src/org/apache/commons/lang3/StringUtils.java"),
                "package org.apache.commons.lang3;\npublic class StringUtils {\n}\n")), List.of());

        Path classes = dir.resolve("classes");
        List<Path> pluginSources;
        try (Stream<Path> walk = Files.walk(sources)) {
            pluginSources = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        compile(classes, pluginSources, List.of(location(Reader.class), location(Logger.class),
                location(com.alibaba.fastjson2.JSONObject.class), versionA));

        this.readerJar = jar(dir.resolve("genreader.jar"), classes, "Events", "GenReader");
        this.writerJar = jar(dir.resolve("collectwriter.jar"), classes, "Events", "CollectWriter");
        this.readerVersionJar = jar(dir.resolve("version-genreader.jar"), versionA, "Version");
        this.writerVersionJar = jar(dir.resolve("version-collectwriter.jar"), versionB, "Version");
        this.fakeLang3Jar = jar(dir.resolve("fake-commons-lang3.jar"), lang3, "StringUtils");
    }

    public static synchronized PluginJars get() {
        if (instance == null) {
            try {
                Path dir = moduleDir().resolve("target/test-plugin-jars");
                Files.createDirectories(dir);
                instance = new PluginJars(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public static Path moduleDir() {
        String basedir = System.getProperty("basedir");
        return basedir != null ? Paths.get(basedir) : Paths.get("").toAbsolutePath();
    }

    private static Path compileVersion(Path out, String owner) throws IOException {
        Path source = write(out.resolveSibling(out.getFileName() + "-src/io/chpack/testplugins/Version.java"),
                "package io.chpack.testplugins;\n"
                        + "public final class Version {\n"
                        + "    public static String owner() { return \"" + owner + "\"; }\n"
                        + "}\n");
        compile(out, List.of(source), List.of());
        return out;
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static void compile(Path out, List<Path> sources, List<Path> classpath) throws IOException {
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "8", "-proc:none", "-nowarn", "-Xlint:-options",
                "-d", out.toString()));
        if (!classpath.isEmpty()) {
            args.add("-cp");
            args.add(String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        }
        sources.forEach(s -> args.add(s.toString()));
        java.io.StringWriter errors = new java.io.StringWriter();
        int code = javac.run(null, null, new WriterOutputStream(errors), args.toArray(new String[0]));
        if (code != 0) {
            throw new IllegalStateException("compiling the test plugins failed:\n" + errors);
        }
    }

    /** Jars every class under root whose simple name is one of the prefixes or an inner class of one. */
    private static Path jar(Path jar, Path root, String... simpleNames) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                boolean wanted = false;
                for (String simple : simpleNames) {
                    wanted |= name.equals(simple + ".class") || name.startsWith(simple + "$");
                }
                if (!wanted) {
                    continue;
                }
                out.putNextEntry(new JarEntry(root.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Path location(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** javac's run() wants streams; collect its diagnostics as text. */
    private static final class WriterOutputStream extends OutputStream {
        private final Writer writer;

        WriterOutputStream(Writer writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) throws IOException {
            this.writer.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            this.writer.write(new String(b, off, len, StandardCharsets.UTF_8));
        }
    }
}
