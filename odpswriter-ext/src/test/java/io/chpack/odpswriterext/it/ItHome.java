package io.chpack.odpswriterext.it;

import java.nio.file.Path;
import java.nio.file.Paths;

import io.chpack.testkit.DataxHomeBuilder;

/**
 * A temporary DataX home for the integration tests: conf/core.json, plugin/writer/odpswriter-ext with the shaded
 * plugin jar built by {@code package}, and plugin/reader/clickhousereader with that module's shaded jar (the newer
 * of the reactor's target/ and the local repository's copy), so the engine loads every plugin through its own
 * class loader, as DataX would.
 */
public final class ItHome {
    private static Path home;

    private ItHome() {
    }

    public static synchronized Path get() {
        if (home == null) {
            Path module = moduleDir();
            home = DataxHomeBuilder.forModuleUnderTest(module.resolve("target/it-home"), "writer", "odpswriter-ext")
                    .moduleJar("reader", "clickhousereader", module.resolveSibling("clickhousereader"),
                            Paths.get(System.getProperty("chpack.it.readerJar")))
                    .build();
        }
        return home;
    }

    static Path moduleDir() {
        String basedir = System.getProperty("basedir");
        return basedir != null ? Paths.get(basedir) : Paths.get("").toAbsolutePath();
    }
}
