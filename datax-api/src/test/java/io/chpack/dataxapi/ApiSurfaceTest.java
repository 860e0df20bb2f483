package io.chpack.dataxapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * datax-api must be link-compatible with the real datax-common in both directions that matter: a plugin
 * compiled here may use only members the real one has (else NoSuchMethodError in DataX), and only those
 * that every DataX release since 2018 has (else it breaks on older engines).
 */
class ApiSurfaceTest {
    /** Members the real API gained in 2022 or later (shared/reference/datax-engine.md): never ours. */
    private static final Pattern ADDED_SINCE_2022 = Pattern.compile(String.join("|",
            " asDate\\(java\\.lang\\.String\\)",
            "ColumnCast string2Date\\(com\\.alibaba\\.datax\\.common\\.element\\.StringColumn,java\\.lang\\.String\\)",
            "DateColumn <init>\\(java\\.sql\\.Time,int,int\\)",
            "DateColumn (get|set)(Nanos|Precision)\\(",
            "Record (get|set)Meta\\(",
            "DataXException <init>\\(java\\.lang\\.String\\)",
            "DataXException asDataXException\\(java\\.lang\\.String\\)",
            "AbstractPlugin (get|set)ReaderPluginSplitConf\\(",
            "Configuration getListWithJson\\("));

    @Test
    void oursIsExactlyTheRealSurfaceWithoutThe2022Additions() throws Exception {
        TreeSet<String> real = realSurface();
        TreeSet<String> ours = ApiSurface.of(getClass().getClassLoader(), classesOf(real));

        Set<String> extra = new TreeSet<>(ours);
        extra.removeAll(real);
        assertTrue(extra.isEmpty(), "members the real datax-common lacks (NoSuchMethodError in DataX):\n"
                + String.join("\n", extra));

        List<String> newer = new ArrayList<>();
        for (String line : ours) {
            if (ADDED_SINCE_2022.matcher(line).find()) {
                newer.add(line);
            }
        }
        assertTrue(newer.isEmpty(), "members older engines lack:\n" + String.join("\n", newer));

        Set<String> missing = new TreeSet<>();
        for (String line : real) {
            if (!ours.contains(line) && !ADDED_SINCE_2022.matcher(line).find()) {
                missing.add(line);
            }
        }
        assertEquals(Set.of(), missing, "members of the 2018+ API that datax-api lacks");
    }

    private static TreeSet<String> realSurface() throws IOException {
        TreeSet<String> lines = new TreeSet<>();
        try (InputStream in = ApiSurfaceTest.class.getResourceAsStream("/real-datax-common.surface")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
        }
        assertTrue(lines.size() > 300, "surface snapshot looks truncated: " + lines.size());
        return lines;
    }

    private static List<String> classesOf(Set<String> surface) {
        Pattern classLine = Pattern.compile("^(\\S+) (class|abstract class|interface|enum)\\b");
        TreeSet<String> names = new TreeSet<>();
        for (String line : surface) {
            var m = classLine.matcher(line);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return new ArrayList<>(names);
    }
}
