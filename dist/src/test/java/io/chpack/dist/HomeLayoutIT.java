package io.chpack.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The assembled home has the layout a real $DATAX_HOME expects, so plugin/ can be copied into one. */
class HomeLayoutIT {
    private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CLASS = Pattern.compile("\"class\"\\s*:\\s*\"([^\"]+)\"");
    private static final List<String> EXPECTED_PLUGINS = List.of("aurorareader", "clickhousereader", "kafkareader",
            "odpsreader-ext",
            "clickhousewriter", "memcachedwriter", "odpswriter-ext");

    @Test
    void everyPluginDirectoryHasDataxLayout() throws IOException {
        List<Path> dirs = AssembledHome.pluginDirs();
        Set<String> names = new TreeSet<>();
        for (Path dir : dirs) {
            String pluginJson = Files.readString(dir.resolve("plugin.json"));
            String name = group(NAME, pluginJson, dir + "/plugin.json name");
            assertEquals(dir.getFileName().toString(), name, "plugin.json name must equal its directory in " + dir);
            assertTrue(names.add(name), "plugin name " + name + " is not unique");
            assertTrue(pluginJson.contains("\"description\""), dir + "/plugin.json lacks description");
            assertTrue(pluginJson.contains("\"developer\""), dir + "/plugin.json lacks developer");

            String template = Files.readString(dir.resolve("plugin_job_template.json"));
            assertEquals(name, group(NAME, template, dir + "/plugin_job_template.json name"));
            assertTrue(template.contains("\"parameter\""), dir + "/plugin_job_template.json lacks parameter");

            assertTrue(Files.isDirectory(dir.resolve("libs")), dir + " lacks libs/");
            List<Path> jars = AssembledHome.list(dir).filter(p -> p.toString().endsWith(".jar")).toList();
            assertEquals(1, jars.size(), "exactly one plugin jar expected in " + dir + ": " + jars);

            String outer = group(CLASS, pluginJson, dir + "/plugin.json class");
            try (JarFile jar = new JarFile(jars.get(0).toFile())) {
                for (String cls : List.of(outer, outer + "$Job", outer + "$Task")) {
                    String entry = cls.replace('.', '/') + ".class";
                    assertTrue(jar.getEntry(entry) != null, jars.get(0) + " lacks " + entry);
                }
            }
        }
        assertEquals(new TreeSet<>(EXPECTED_PLUGINS), names);
    }

    @Test
    void runnerHomeHasLauncherConfigAndEngineLibraries() throws IOException {
        Path home = AssembledHome.home();
        Path launcher = home.resolve("bin/chpack");
        assertTrue(Files.isExecutable(launcher), launcher + " must be executable");
        assertTrue(Files.readString(home.resolve("conf/core.json")).contains("\"core\""));
        assertTrue(Files.exists(home.resolve("conf/logback.xml")));
        Set<String> libs = new HashSet<>();
        AssembledHome.list(home.resolve("lib")).forEach(p -> libs.add(p.getFileName().toString()));
        for (String expected : List.of("runner-", "datax-api-", "slf4j-api-1.7.10.jar", "logback-classic-1.0.13.jar",
                "commons-lang3-3.3.2.jar", "fastjson2-2.0.23.jar", "httpclient-4.5.13.jar")) {
            assertTrue(libs.stream().anyMatch(l -> l.startsWith(expected)), "lib/ lacks " + expected + ": " + libs);
        }
        for (String plugin : EXPECTED_PLUGINS) {
            assertFalse(libs.stream().anyMatch(l -> l.startsWith(plugin + "-")), "plugin jar leaked into lib/: " + plugin);
        }
    }

    @Test
    void tarballHoldsTheSameHome() throws IOException {
        Path tarball = AssembledHome.tarball();
        assertTrue(Files.isRegularFile(tarball), tarball + " missing");
        String homeName = AssembledHome.home().getFileName().toString();
        Set<String> entries = tarEntryNames(tarball);
        for (String expected : List.of("/bin/chpack", "/conf/core.json", "/plugin/writer/clickhousewriter/plugin.json",
                "/plugin/reader/clickhousereader/plugin_job_template.json")) {
            assertTrue(entries.contains(homeName + expected), "tarball lacks " + homeName + expected);
        }
    }

    private static String group(Pattern pattern, String text, String what) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            fail("missing " + what);
        }
        return m.group(1);
    }

    /** Lists the tarball with the system's tar, which is what users unpack it with. */
    private static Set<String> tarEntryNames(Path tarball) throws IOException {
        Process tar = new ProcessBuilder("tar", "-tzf", tarball.toString()).redirectErrorStream(true).start();
        Set<String> names = new HashSet<>();
        try (java.io.BufferedReader out = tar.inputReader()) {
            out.lines().forEach(line -> names.add(line.endsWith("/") ? line.substring(0, line.length() - 1) : line));
        }
        try {
            assertEquals(0, tar.waitFor(), "tar -tzf " + tarball + " failed: " + names);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return names;
    }
}
