package io.chpack.memcachedwriter.it;

import java.nio.file.Path;
import java.nio.file.Paths;

import com.alibaba.datax.common.spi.Reader;
import io.chpack.testkit.DataxHomeBuilder;

/**
 * A temporary DataX home for the integration tests: conf/core.json, plugin/writer/memcachedwriter with the
 * shaded plugin jar built by {@code package}, plugin/reader/clickhousereader with that module's shaded jar (the
 * newer of the reactor's target/ and the local repository's copy), and plugin/reader/rowsreader compiled here
 * from src/test-plugins for Java 8 against the DataX API only, so the engine loads every plugin through its own
 * class loader, as DataX would.
 */
public final class ItHome {
    private static Path home;

    private ItHome() {
    }

    public static synchronized Path get() {
        if (home == null) {
            Path module = moduleDir();
            home = DataxHomeBuilder.forModuleUnderTest(module.resolve("target/it-home"), "writer", "memcachedwriter")
                    .moduleJar("reader", "clickhousereader", module.resolveSibling("clickhousereader"),
                            Paths.get(System.getProperty("chpack.it.readerJar")))
                    .testPlugin("reader", "rowsreader", "{\"name\": \"rowsreader\", \"class\": "
                            + "\"io.chpack.memcachedwriter.it.RowsReader\", \"description\": \"test\", "
                            + "\"developer\": \"chpack\"}",
                            module.resolve("src/test-plugins/java"), DataxHomeBuilder.classPathEntryOf(Reader.class))
                    .build();
        }
        return home;
    }

    static Path moduleDir() {
        String basedir = System.getProperty("basedir");
        return basedir != null ? Paths.get(basedir) : Paths.get("").toAbsolutePath();
    }
}
