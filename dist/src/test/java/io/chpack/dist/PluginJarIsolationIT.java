package io.chpack.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DataX loads plugin jars parent-first under its own lib/. A plugin jar must therefore not carry
 * classes the engine owns (the DataX API, slf4j, logback), and must not carry or reference, without
 * relocation, any library that lib/ holds in another version: the engine's copy would win and the
 * plugin would fail with NoSuchMethodError.
 */
class PluginJarIsolationIT {
    private static final List<String> ENGINE_OWNED = List.of("com/alibaba/datax/", "org/slf4j/", "ch/qos/logback/");
    private static final List<String> MUST_BE_RELOCATED = List.of("org/apache/commons/lang3/", "org/apache/commons/io/",
            "org/apache/commons/codec/", "org/apache/commons/math3/", "org/apache/http/", "com/alibaba/fastjson2/",
            "com/alibaba/fastjson/");
    private static final String SHADED = "io/chpack/shaded/";

    @Test
    void pluginJarsCarryNoEngineClassesAndNoUnrelocatedClashingLibraries() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path jarPath : AssembledHome.jarsUnder(AssembledHome.home().resolve("plugin"))) {
            problems.addAll(problemsOf(jarPath));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void checkerFlagsEngineClassesUnrelocatedCopiesAndReferences(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad-plugin.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(bad))) {
            entry(out, "org/slf4j/Logger.class", "x");
            entry(out, "org/apache/http/client/HttpClient.class", "x");
            entry(out, "io/chpack/x/UsesLang3.class", "\u0001\u0000&Lorg/apache/commons/lang3/StringUtils;");
            entry(out, "io/chpack/x/UsesShadedLang3.class",
                    "\u0001\u0000&Lio/chpack/shaded/org/apache/commons/lang3/StringUtils;");
        }
        List<String> problems = problemsOf(bad);
        assertEquals(3, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).contains("engine class org/slf4j/Logger.class"), problems.get(0));
        assertTrue(problems.get(1).contains("unrelocated org/apache/http/client/HttpClient.class"), problems.get(1));
        assertTrue(problems.get(2).contains("UsesLang3.class references unrelocated org/apache/commons/lang3/"),
                problems.get(2));
    }

    private static void entry(JarOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(content.getBytes(StandardCharsets.ISO_8859_1));
        out.closeEntry();
    }

    static List<String> problemsOf(Path jarPath) throws IOException {
        List<String> problems = new ArrayList<>();
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                for (String owned : ENGINE_OWNED) {
                    if (name.startsWith(owned)) {
                        problems.add(jarPath.getFileName() + " bundles engine class " + name);
                    }
                }
                for (String pkg : MUST_BE_RELOCATED) {
                    if (name.startsWith(pkg)) {
                        problems.add(jarPath.getFileName() + " bundles unrelocated " + name);
                    }
                }
                if (name.endsWith(".class") && !name.startsWith("org/slf4j/")) {
                    String reference = unrelocatedReference(jar, entry);
                    if (reference != null && !name.startsWith(reference)) {
                        problems.add(jarPath.getFileName() + "!" + name + " references unrelocated " + reference);
                    }
                }
            }
        }
        return problems;
    }

    /** The first clashing package the class refers to without the shaded prefix, or null. */
    static String unrelocatedReference(JarFile jar, JarEntry entry) throws IOException {
        String text;
        try (InputStream in = jar.getInputStream(entry)) {
            // Class-file constant pools hold type names as (modified) UTF-8; ISO-8859-1 maps bytes 1:1.
            text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        for (String pkg : MUST_BE_RELOCATED) {
            int at = text.indexOf(pkg);
            while (at >= 0) {
                boolean relocated = at >= SHADED.length() && text.startsWith(SHADED, at - SHADED.length());
                if (!relocated) {
                    return pkg;
                }
                at = text.indexOf(pkg, at + 1);
            }
        }
        return null;
    }
}
