package io.chpack.common.clickhouse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class TabSeparatedTest {
    @Test
    void rowsCellsAndEscapes() throws Exception {
        String body = "a\\tb\tline\\nbreak\t\\\\back\n\nx\t\t'q\\''\n";
        List<String[]> rows = TabSeparated.parse(TabSeparated.readAll(
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
        assertEquals(2, rows.size());
        assertArrayEquals(new String[] {"a\tb", "line\nbreak", "\\back"}, rows.get(0));
        assertArrayEquals(new String[] {"x", "", "'q''"}, rows.get(1));
        assertEquals("é\0", TabSeparated.unescape("é\\0"));
        assertEquals("plain", TabSeparated.unescape("plain"));
    }
}
