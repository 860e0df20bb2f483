package io.chpack.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds server binaries: an explicit override first, then package-specific directories, then PATH, then
 * the directories Debian installs them in (sbin and versioned PostgreSQL dirs are often not on a non-login PATH).
 */
public final class Binaries {
    private static final List<String> STANDARD_DIRS = List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin",
            "/usr/local/sbin", "/usr/local/bin");

    private Binaries() {
    }

    /**
     * Locates {@code name}; {@code extraDirs} are package-specific places such as
     * {@code /usr/lib/postgresql/15/bin}. {@code debianPackage} goes into the error message.
     */
    public static Path find(String name, String debianPackage, String... extraDirs) {
        String override = TestkitSettings.binaryOverride(name);
        if (override != null) {
            return require(Paths.get(override), name, debianPackage,
                    "set by -D" + TestkitSettings.BIN_PREFIX + name);
        }
        return search(name, debianPackage, System.getenv("PATH"), List.of(extraDirs));
    }

    /** An explicitly chosen binary (builder option): must exist and be executable. */
    public static Path require(Path explicit, String name, String debianPackage, String origin) {
        if (Files.isRegularFile(explicit) && Files.isExecutable(explicit)) {
            return explicit.toAbsolutePath();
        }
        throw new MissingBinaryException(name + " not found at " + explicit + " (" + origin + "): run scripts/setup "
                + "first (it installs the Debian package " + debianPackage + "), or point "
                + TestkitSettings.BIN_PREFIX + name + " at the binary");
    }

    static Path search(String name, String debianPackage, String pathEnv, List<String> extraDirs) {
        // Package-specific dirs first: they hold the version we mean (e.g. PostgreSQL 15), while PATH may
        // hold a link to another one.
        Set<String> dirs = new LinkedHashSet<>(extraDirs);
        if (pathEnv != null) {
            for (String d : pathEnv.split(File.pathSeparator)) {
                if (!d.isEmpty()) {
                    dirs.add(d);
                }
            }
        }
        dirs.addAll(STANDARD_DIRS);
        for (String d : dirs) {
            Path candidate = Paths.get(d, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        List<String> looked = new ArrayList<>(dirs);
        throw new MissingBinaryException(name + " not found: run scripts/setup first (it installs the Debian package "
                + debianPackage + "), or point -D" + TestkitSettings.BIN_PREFIX + name + " at the binary. Looked in "
                + String.join(", ", looked));
    }
}
