package io.chpack.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataxHomeBuilderTest {
    @TempDir
    Path tmp;

    @Test
    void buildsConfPluginsAndACompiledTestPlugin() throws IOException {
        Path core = write("src/core.json", "{\"core\": {}}");
        Path logback = write("src/logback.xml", "<configuration/>");
        Path readerJson = write("reader/plugin.json", "{\"name\": \"somereader\"}");
        Path readerJar = write("reader/somereader-1.jar", "jar bytes");
        // Stands in for the DataX API: the test plugin must compile against the class path entry it is given.
        Path api = compileApi();
        Path sources = write("test-plugins/java/p/RowsWriter.java",
                "package p; public class RowsWriter extends api.Writer { public String name() { return \"rows\"; } }")
                .getParent().getParent();
        Path home = tmp.resolve("target/it-home");
        write("target/it-home/plugin/reader/stale/stale.jar", "left from an earlier build");

        Path built = DataxHomeBuilder.at(home)
                .coreJson(core)
                .confFile(logback)
                .plugin("reader", "somereader", readerJson, readerJar)
                .testPlugin("writer", "rowswriter", "{\"name\": \"rowswriter\", \"class\": \"p.RowsWriter\"}",
                        sources, api)
                .build();

        assertEquals(home.toAbsolutePath().normalize(), built);
        assertEquals(List.of(
                "conf/core.json",
                "conf/logback.xml",
                "plugin/reader/somereader/libs/",
                "plugin/reader/somereader/plugin.json",
                "plugin/reader/somereader/somereader.jar",
                "plugin/writer/rowswriter/libs/",
                "plugin/writer/rowswriter/plugin.json",
                "plugin/writer/rowswriter/rowswriter.jar"), layout(home));
        assertEquals("{\"core\": {}}", Files.readString(home.resolve("conf/core.json")));
        assertEquals("jar bytes", Files.readString(home.resolve("plugin/reader/somereader/somereader.jar")));
        assertTrue(Files.readString(home.resolve("plugin/writer/rowswriter/plugin.json")).contains("p.RowsWriter"));
        try (JarFile jar = new JarFile(home.resolve("plugin/writer/rowswriter/rowswriter.jar").toFile())) {
            // Only the plugin's own classes: the API stays the engine's.
            assertEquals(List.of("p/RowsWriter.class"), jar.stream().map(JarEntry::getName).toList());
            assertEquals(52, classFileMajorVersion(jar, "p/RowsWriter.class"), "Java 8 bytecode");
        }
        try (Stream<Path> left = Files.list(home.getParent())) {
            assertEquals(List.of(home), left.toList(), "no class directory left next to the home");
        }
    }

    @Test
    void moduleJarTakesTheNewerOfReactorAndRepository() throws IOException {
        Path module = tmp.resolve("clickhousereader");
        write("clickhousereader/src/main/plugin/plugin.json", "{\"name\": \"clickhousereader\"}");
        Path reactor = write("clickhousereader/target/clickhousereader-1.0.jar", "reactor");
        Path repository = write("m2/io/chpack/clickhousereader/1.0/clickhousereader-1.0.jar", "repository");
        Path home = tmp.resolve("home");
        Path installed = home.resolve("plugin/reader/clickhousereader/clickhousereader.jar");

        Files.setLastModifiedTime(repository, FileTime.from(Instant.now().minusSeconds(60)));
        DataxHomeBuilder.at(home).moduleJar("reader", "clickhousereader", module, repository).build();
        assertEquals("reactor", Files.readString(installed));
        assertEquals("{\"name\": \"clickhousereader\"}",
                Files.readString(home.resolve("plugin/reader/clickhousereader/plugin.json")));

        Files.setLastModifiedTime(reactor, FileTime.from(Instant.now().minusSeconds(120)));
        DataxHomeBuilder.at(home).moduleJar("reader", "clickhousereader", module, repository).build();
        assertEquals("repository", Files.readString(installed));

        Files.delete(repository);
        DataxHomeBuilder.at(home).moduleJar("reader", "clickhousereader", module, repository).build();
        assertEquals("reactor", Files.readString(installed), "a missing repository copy never wins");
    }

    @Test
    void aMissingJarOrACompileErrorSaysWhich() throws IOException {
        Path json = write("plugin.json", "{}");
        DataxHomeBuilder missing = DataxHomeBuilder.at(tmp.resolve("home"))
                .plugin("writer", "nowriter", json, tmp.resolve("nowriter.jar"));
        IllegalStateException e = assertThrows(IllegalStateException.class, missing::build);
        assertTrue(e.getMessage().contains("nowriter.jar"), e.getMessage());

        Path sources = write("broken/java/Broken.java", "class Broken { int x = ; }").getParent();
        DataxHomeBuilder broken = DataxHomeBuilder.at(tmp.resolve("home"))
                .testPlugin("writer", "broken", "{}", sources, tmp);
        e = assertThrows(IllegalStateException.class, broken::build);
        assertTrue(e.getMessage().contains("Broken.java"), e.getMessage());
    }

    @Test
    void forModuleUnderTestTakesConfAndPluginFromTheFailsafeProperties() throws IOException {
        Path core = write("runner/conf/core.json", "{}");
        Path pluginDir = write("writer/src/main/plugin/plugin.json", "{\"name\": \"somewriter\"}").getParent();
        Path jar = write("writer/target/somewriter-1.jar", "shaded");
        Path home = tmp.resolve("home");
        IllegalStateException unset = assertThrows(IllegalStateException.class,
                () -> DataxHomeBuilder.forModuleUnderTest(home, "writer", "somewriter"));
        assertTrue(unset.getMessage().contains("chpack.it."), unset.getMessage());

        System.setProperty("chpack.it.coreJson", core.toString());
        System.setProperty("chpack.it.pluginDir", pluginDir.toString());
        System.setProperty("chpack.it.pluginJar", jar.toString());
        try {
            DataxHomeBuilder.forModuleUnderTest(home, "writer", "somewriter").build();
        } finally {
            System.clearProperty("chpack.it.coreJson");
            System.clearProperty("chpack.it.pluginDir");
            System.clearProperty("chpack.it.pluginJar");
        }
        assertEquals(List.of("conf/core.json", "plugin/writer/somewriter/libs/", "plugin/writer/somewriter/plugin.json",
                "plugin/writer/somewriter/somewriter.jar"), layout(home));
        assertEquals("shaded", Files.readString(home.resolve("plugin/writer/somewriter/somewriter.jar")));
    }

    private Path write(String relative, String content) throws IOException {
        Path p = tmp.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    /** Compiles a one-class "API" for Java 8 into a directory and returns it. */
    private Path compileApi() throws IOException {
        Path source = write("api-src/api/Writer.java",
                "package api; public abstract class Writer { public abstract String name(); }");
        Path out = Files.createDirectories(tmp.resolve("api-classes"));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, errors,
                "--release", "8", "-Xlint:-options", "-d", out.toString(), source.toString());
        assertEquals(0, rc, errors.toString(StandardCharsets.UTF_8));
        return out;
    }

    /** Every file and directory below {@code root}, relative, directories with a trailing slash, leaves only. */
    private static List<String> layout(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root))
                    .filter(p -> Files.isRegularFile(p) || isEmptyDirectory(p))
                    .map(p -> root.relativize(p).toString().replace('\\', '/') + (Files.isDirectory(p) ? "/" : ""))
                    .sorted()
                    .toList();
        }
    }

    private static boolean isEmptyDirectory(Path p) {
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static int classFileMajorVersion(JarFile jar, String entry) throws IOException {
        try (DataInputStream in = new DataInputStream(jar.getInputStream(jar.getEntry(entry)))) {
            in.readInt(); // magic
            in.readUnsignedShort(); // minor
            return in.readUnsignedShort();
        }
    }
}
