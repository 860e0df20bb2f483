package io.chpack.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

/**
 * Builds a DataX-style home for integration tests: {@code conf/} and {@code plugin/<kind>/<name>/} holding
 * {@code plugin.json}, {@code <name>.jar} and an empty {@code libs/}, so an engine loads every plugin through its own
 * class loader, as DataX would.
 *
 * <p>Nothing is written until {@link #build()}, which first deletes the directory: a home never mixes jars of two
 * builds. The DataX API is not a dependency of testkit; a caller that compiles test plugins passes the API jar's
 * location (see {@link #classPathEntryOf(Class)}).
 */
public final class DataxHomeBuilder {
    /** One step of the build, run against the home directory. */
    private interface Step {
        void apply(Path home) throws IOException;
    }

    private final Path home;
    private final List<Step> steps = new ArrayList<>();

    private DataxHomeBuilder(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    /** A builder for a home at {@code dir}; whatever is there is deleted by {@link #build()}. */
    public static DataxHomeBuilder at(Path dir) {
        return new DataxHomeBuilder(dir);
    }

    /**
     * A builder for the home of a plugin module's integration tests, set up from the system properties every plugin
     * module's failsafe configuration passes: {@code chpack.it.coreJson} (conf/core.json), {@code chpack.it.pluginDir}
     * (the directory holding the module's plugin.json) and {@code chpack.it.pluginJar} (its shaded jar).
     */
    public static DataxHomeBuilder forModuleUnderTest(Path dir, String kind, String name) {
        return at(dir)
                .coreJson(Paths.get(itProperty("chpack.it.coreJson")))
                .plugin(kind, name, Paths.get(itProperty("chpack.it.pluginDir"), "plugin.json"),
                        Paths.get(itProperty("chpack.it.pluginJar")));
    }

    private static String itProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the *IT tests through maven-failsafe");
        }
        return value;
    }

    /** Copies {@code source} to {@code conf/core.json}. */
    public DataxHomeBuilder coreJson(Path source) {
        return confFile(source, "core.json");
    }

    /** Copies {@code source} into {@code conf/} under its own file name (logback.xml, say). */
    public DataxHomeBuilder confFile(Path source) {
        return confFile(source, source.getFileName().toString());
    }

    private DataxHomeBuilder confFile(Path source, String name) {
        steps.add(h -> Files.copy(existing(source, "the conf file"),
                Files.createDirectories(h.resolve("conf")).resolve(name)));
        return this;
    }

    /** Installs a plugin from its plugin.json file and its jar. */
    public DataxHomeBuilder plugin(String kind, String name, Path pluginJson, Path jar) {
        steps.add(h -> {
            Path dir = pluginDir(h, kind, name);
            Files.copy(existing(pluginJson, "plugin.json"), dir.resolve("plugin.json"));
            Files.copy(existing(jar, "the plugin jar"), dir.resolve(name + ".jar"));
        });
        return this;
    }

    /** Installs a plugin whose plugin.json is given as text (test plugins have no file of their own). */
    public DataxHomeBuilder plugin(String kind, String name, String pluginJsonContent, Path jar) {
        steps.add(h -> {
            Path dir = pluginDir(h, kind, name);
            Files.writeString(dir.resolve("plugin.json"), pluginJsonContent);
            Files.copy(existing(jar, "the plugin jar"), dir.resolve(name + ".jar"));
        });
        return this;
    }

    /**
     * Installs another module's plugin: plugin.json from {@code <moduleDir>/src/main/plugin/}, and as jar the newer
     * of {@code <moduleDir>/target/<repositoryJar's file name>} (a reactor build not yet installed) and
     * {@code repositoryJar} (the local repository's copy), so a test runs against the latest build of either.
     */
    public DataxHomeBuilder moduleJar(String kind, String name, Path moduleDir, Path repositoryJar) {
        Path reactorJar = moduleDir.resolve("target").resolve(repositoryJar.getFileName());
        return plugin(kind, name, moduleDir.resolve("src/main/plugin/plugin.json"), newer(reactorJar, repositoryJar));
    }

    /**
     * Compiles the {@code .java} files under {@code sources} for Java 8 (the bytecode DataX runs) against
     * {@code classPath} only, jars them and installs the jar as a plugin. The classes never reach the test's class
     * path, so the engine loads them through the plugin's class loader, as it would a shipped plugin.
     */
    public DataxHomeBuilder testPlugin(String kind, String name, String pluginJsonContent, Path sources,
            Path classPath) {
        steps.add(h -> {
            Path dir = pluginDir(h, kind, name);
            Files.writeString(dir.resolve("plugin.json"), pluginJsonContent);
            compileAndJar(sources, classPath, dir.resolve(name + ".jar"));
        });
        return this;
    }

    /** Deletes the directory, writes the home and returns its path. */
    public Path build() {
        ScratchDirs.deleteTree(home);
        try {
            Files.createDirectories(home);
            for (Step step : steps) {
                step.apply(home);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the DataX home " + home, e);
        }
        return home;
    }

    /** The newer of two builds of one jar; a missing one never wins. */
    public static Path newer(Path reactorJar, Path repositoryJar) {
        try {
            if (Files.isRegularFile(reactorJar) && (!Files.isRegularFile(repositoryJar)
                    || Files.getLastModifiedTime(reactorJar).compareTo(Files.getLastModifiedTime(repositoryJar)) > 0)) {
                return reactorJar;
            }
            return repositoryJar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar or directory a class was loaded from: how a caller hands the DataX API jar to {@link #testPlugin}. */
    public static Path classPathEntryOf(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path pluginDir(Path home, String kind, String name) throws IOException {
        Path dir = Files.createDirectories(home.resolve("plugin").resolve(kind).resolve(name));
        Files.createDirectories(dir.resolve("libs"));
        return dir;
    }

    private static Path existing(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(what + " " + file
                    + " does not exist: build (mvn package or install) the module that makes it first");
        }
        return file;
    }

    private void compileAndJar(Path sources, Path classPath, Path jar) throws IOException {
        // A fresh class directory each time: classes of deleted or renamed sources must not reach the jar.
        Path classes = Files.createTempDirectory(home.getParent(), home.getFileName() + "-classes-");
        try {
            compile(sources, classPath, classes);
            jar(classes, jar);
        } finally {
            ScratchDirs.deleteTree(classes);
        }
    }

    private static void compile(Path sources, Path classPath, Path out) throws IOException {
        // -Xlint:-options: javac 17 warns that release 8 is old, which is the point.
        List<String> args = new ArrayList<>(List.of("--release", "8", "-proc:none", "-nowarn", "-Xlint:-options",
                "-d", out.toString(), "-cp", classPath.toString()));
        try (Stream<Path> walk = Files.walk(sources)) {
            walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in " + System.getProperty("java.home")
                    + ": tests need a JDK");
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        if (javac.run(null, null, errors, args.toArray(new String[0])) != 0) {
            throw new IllegalStateException("compiling the test plugin in " + sources + " failed:\n"
                    + errors.toString(StandardCharsets.UTF_8));
        }
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> walk = Files.walk(classes)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
    }
}
