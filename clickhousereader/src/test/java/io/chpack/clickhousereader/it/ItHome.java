package io.chpack.clickhousereader.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;

import com.alibaba.datax.common.spi.Writer;
import io.chpack.testkit.DataxHomeBuilder;

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
            Path module = moduleDir();
            home = DataxHomeBuilder.forModuleUnderTest(module.resolve("target/it-home"), "reader", "clickhousereader")
                    .testPlugin("writer", "capturewriter", "{\"name\": \"capturewriter\", \"class\": "
                            + "\"io.chpack.clickhousereader.it.CaptureWriter\", \"description\": \"test\", "
                            + "\"developer\": \"chpack\"}",
                            module.resolve("src/test-plugins/java"), DataxHomeBuilder.classPathEntryOf(Writer.class))
                    .build();
        }
        return home;
    }

    static Path moduleDir() {
        String basedir = System.getProperty("basedir");
        return basedir != null ? Paths.get(basedir) : Paths.get("").toAbsolutePath();
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
