package io.chpack.odpsreaderext.it;

import java.nio.file.Path;
import java.nio.file.Paths;

import io.chpack.testkit.DataxHomeBuilder;

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
            Path module = moduleDir();
            home = DataxHomeBuilder.forModuleUnderTest(module.resolve("target/it-home"), "reader", "odpsreader-ext")
                    .moduleJar("writer", "clickhousewriter", module.resolveSibling("clickhousewriter"),
                            repositoryJar("clickhousewriter"))
                    .moduleJar("reader", "clickhousereader", module.resolveSibling("clickhousereader"),
                            repositoryJar("clickhousereader"))
                    .moduleJar("writer", "odpswriter-ext", module.resolveSibling("odpswriter-ext"),
                            repositoryJar("odpswriter-ext"))
                    .build();
        }
        return home;
    }

    /** A chpack module's jar in the local repository (chpack.it.repo is its io/chpack directory). */
    private static Path repositoryJar(String artifact) {
        String version = System.getProperty("chpack.it.projectVersion");
        return Paths.get(System.getProperty("chpack.it.repo"), artifact, version, artifact + "-" + version + ".jar");
    }

    static Path moduleDir() {
        String basedir = System.getProperty("basedir");
        return basedir != null ? Paths.get(basedir) : Paths.get("").toAbsolutePath();
    }
}
