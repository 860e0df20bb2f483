package io.chpack.clickhousewriter.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClickHouseUrlTest {
    @Test
    void multiHostWithDatabaseAndSettings() {
        ClickHouseUrl u = ClickHouseUrl.parse("jdbc:clickhouse://a:8123,b:9123,c/analytics?max_threads=2&compress=false");
        assertFalse(u.https());
        assertEquals("[a:8123, b:9123, c:8123]", u.hosts().toString());
        assertEquals("analytics", u.database());
        assertEquals("2", u.serverSettings().get("max_threads"));
        assertFalse(u.serverSettings().containsKey("compress"));
        assertEquals("http://b:9123", u.endpoint(u.hosts().get(1)));
    }

    @ParameterizedTest
    @CsvSource({
        "jdbc:clickhouse://h/db?ssl=true, true, 8443",
        "jdbc:clickhouse:https://h/db, true, 8443",
        "jdbc:clickhouse:http://h/db, false, 8123",
        "jdbc:ch://h:1234, false, 1234",
        "https://h:9443/db, true, 9443",
        "jdbc:clickhouse://h/db?ssl=false, false, 8123",
    })
    void schemesAndDefaultPorts(String url, boolean https, int port) {
        ClickHouseUrl u = ClickHouseUrl.parse(url);
        assertEquals(https, u.https());
        assertEquals(port, u.hosts().get(0).port);
    }

    @Test
    void defaultsAndIpv6() {
        ClickHouseUrl u = ClickHouseUrl.parse("jdbc:clickhouse://[::1]:8123");
        assertEquals("default", u.database());
        assertEquals("::1", u.hosts().get(0).host);
        assertEquals("[::1]:8123", u.hosts().get(0).toString());
        assertEquals("x", ClickHouseUrl.parse("jdbc:clickhouse://h/?database=x").database());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:mysql://h/db|is not a ClickHouse URL",
        "jdbc:clickhouse:///db|names no host",
        "jdbc:clickhouse://h:0/db|bad port '0'",
        "jdbc:clickhouse://h:x/db|bad port 'x'",
        "jdbc:clickhouse://a,,b/db|empty host",
        "jdbc:clickhouse://h/db?ssl=maybe|parameter ssl must be true or false, got 'maybe'",
        "jdbc:clickhouse://h/db?socket_timeout=-5|parameter socket_timeout must be a positive number",
        "jdbc:clickhouse://h/db?sslmode=lax|parameter sslmode must be strict or none",
        "jdbc:clickhouse://h/a/b|has a path after the database name",
        "jdbc:clickhouse://h/a?database=b|names two databases",
    })
    void errorsSayWhatIsWrong(String url, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClickHouseUrl.parse(url));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
