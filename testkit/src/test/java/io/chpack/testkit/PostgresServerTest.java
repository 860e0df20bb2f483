package io.chpack.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresServerTest {
    @Test
    void logicalWalAndSlotThenStop() throws Exception {
        PostgresServer pg = PostgresServer.start();
        long pid = pg.pid();
        Path scratch = pg.scratchDir();
        List<ProcessHandle> backends = new ArrayList<>();
        try {
            assertEquals("jdbc:postgresql://127.0.0.1:" + pg.port() + "/chpack", pg.jdbcUrl());
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
                    Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SHOW wal_level")) {
                    assertTrue(rs.next());
                    assertEquals("logical", rs.getString(1));
                }
                st.execute("SELECT pg_create_logical_replication_slot('chpack_slot', 'test_decoding')");
                st.execute("CREATE TABLE t (id int PRIMARY KEY, s text)");
                st.execute("INSERT INTO t VALUES (1, 'Grüße')");
                try (ResultSet rs = st.executeQuery(
                        "SELECT string_agg(data, E'\\n') FROM pg_logical_slot_get_changes('chpack_slot', NULL, NULL)")) {
                    assertTrue(rs.next());
                    String changes = rs.getString(1);
                    assertTrue(changes.contains("table public.t: INSERT: id[integer]:1 s[text]:'Grüße'"), changes);
                }
            }
            ProcessHandle.of(pid).orElseThrow().children().forEach(backends::add);
            assertTrue(backends.size() >= 3, "postmaster with its background processes");
            assertEquals("postgres", ProcessHandle.of(pid).orElseThrow().info().user().orElse(""));
        } finally {
            pg.close();
        }
        Stopped.assertGone(pid, scratch, pg.port());
        for (ProcessHandle b : backends) {
            assertTrue(!b.isAlive(), "postgres child " + b.pid() + " still alive");
        }
    }
}
