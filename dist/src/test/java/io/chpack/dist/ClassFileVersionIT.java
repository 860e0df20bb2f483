package io.chpack.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/**
 * Everything that ships must load on JDK 8, the JVM many DataX installs run: class files of major
 * version 52 for our own code and at most 52 for bundled third-party code (multi-release entries under
 * META-INF/versions/ are only read by newer JVMs and are exempt).
 */
class ClassFileVersionIT {
    static final int JAVA_8 = 52;

    @Test
    void pluginJarsAreJava8() throws IOException {
        List<String> problems = new ArrayList<>();
        int ours = 0;
        for (Path jar : AssembledHome.jarsUnder(AssembledHome.home().resolve("plugin"))) {
            ours += check(jar, problems);
        }
        assertTrue(problems.isEmpty(), "class files newer than Java 8:\n" + String.join("\n", problems));
        assertTrue(ours > 0, "no chpack classes found in plugin jars");
    }

    @Test
    void runnerAndApiJarsAreJava8() throws IOException {
        List<String> problems = new ArrayList<>();
        int ours = 0;
        for (Path jar : AssembledHome.jarsUnder(AssembledHome.home().resolve("lib"))) {
            ours += check(jar, problems);
        }
        assertTrue(problems.isEmpty(), "class files newer than Java 8:\n" + String.join("\n", problems));
        assertTrue(ours > 0, "no chpack classes found in lib/");
    }

    /** Returns how many chpack-owned classes it saw; adds a line per offending class to problems. */
    private static int check(Path jarPath, List<String> problems) throws IOException {
        int ours = 0;
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!name.endsWith(".class") || name.startsWith("META-INF/versions/")) {
                    continue;
                }
                int major = majorVersion(jar, entry);
                boolean chpackOwned = (name.startsWith("io/chpack/") && !name.startsWith("io/chpack/shaded/"))
                        || name.startsWith("com/alibaba/datax/common/");
                if (chpackOwned) {
                    ours++;
                    if (major != JAVA_8) {
                        problems.add(jarPath.getFileName() + "!" + name + " major " + major + " (expected " + JAVA_8 + ")");
                    }
                } else if (major > JAVA_8) {
                    problems.add(jarPath.getFileName() + "!" + name + " major " + major);
                }
            }
        }
        return ours;
    }

    private static int majorVersion(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream raw = jar.getInputStream(entry); DataInputStream in = new DataInputStream(raw)) {
            assertEquals(0xCAFEBABE, in.readInt(), "not a class file: " + entry.getName());
            in.readUnsignedShort();
            return in.readUnsignedShort();
        }
    }
}
