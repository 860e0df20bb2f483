package io.chpack.testkit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The last lines of a (possibly large) server log, for error messages. */
public final class LogTail {
    private static final int MAX_BYTES = 256 * 1024;

    private LogTail() {
    }

    public static String read(Path file, int lines) {
        if (file == null || !Files.exists(file)) {
            return "(no log file " + file + ")";
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long len = f.length();
            int n = (int) Math.min(len, MAX_BYTES);
            byte[] buf = new byte[n];
            f.seek(len - n);
            f.readFully(buf);
            List<String> all = new ArrayList<>(Arrays.asList(new String(buf, StandardCharsets.UTF_8).split("\r?\n")));
            if (all.isEmpty() || (all.size() == 1 && all.get(0).isEmpty())) {
                return "(log file " + file + " is empty)";
            }
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read log file " + file + ": " + e + ")";
        }
    }
}
