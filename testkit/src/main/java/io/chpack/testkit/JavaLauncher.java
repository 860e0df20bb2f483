package io.chpack.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Command lines for servers that run in their own JVM (ZooKeeper, Kafka): the running JVM's own
 * {@code java} (JDK 17 here, which Kafka 4 needs) and the testkit-servers jar directory as classpath, so
 * server dependencies never meet a test's classpath.
 */
final class JavaLauncher {
    private JavaLauncher() {
    }

    static Path java() {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        return Binaries.require(java, "java", "openjdk-17-jdk-headless", "java.home of the running JVM");
    }

    /** The jar directory, checked to contain a jar whose name starts with {@code marker}. */
    static Path serversLib(String marker, String server) {
        Path lib = TestkitSettings.serversLib();
        boolean found = false;
        if (Files.isDirectory(lib)) {
            try (Stream<Path> s = Files.list(lib)) {
                found = s.anyMatch(p -> p.getFileName().toString().startsWith(marker));
            } catch (IOException e) {
                found = false;
            }
        }
        if (!found) {
            throw new MissingBinaryException(server + " jars (" + marker + "*.jar) not found in " + lib
                    + ": build them with `mvn -pl testkit-servers install` (scripts/setup does), or set -D"
                    + TestkitSettings.SERVERS_LIB + "=DIR");
        }
        return lib;
    }

    static List<String> command(Path lib, Path log4jConfig, List<String> jvmOptions, String mainClass,
            List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java().toString());
        cmd.addAll(jvmOptions);
        cmd.add("-Dlog4j2.configurationFile=" + log4jConfig);
        cmd.add("-cp");
        cmd.add(lib.resolve("*").toString());
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** log4j2 config: everything at INFO to stdout, which ManagedProcess sends to the server log. */
    static Path writeLog4j(Path dir) throws IOException {
        Path f = dir.resolve("log4j2.properties");
        Files.writeString(f, "rootLogger.level=INFO\n"
                + "rootLogger.appenderRef.out.ref=OUT\n"
                + "appender.out.type=Console\n"
                + "appender.out.name=OUT\n"
                + "appender.out.layout.type=PatternLayout\n"
                + "appender.out.layout.pattern=%d{ISO8601} %p [%t] %c: %m%n\n");
        return f;
    }
}
