package io.chpack.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class MariaDbServerTest {
    /** The MariaDB driver accepts jdbc:mysql: only when told to (permitMysqlScheme). */
    private static String url(MariaDbServer db) {
        return db.jdbcUrl() + "?permitMysqlScheme";
    }

    private static String variable(Statement st, String name) throws SQLException {
        try (ResultSet rs = st.executeQuery("SHOW VARIABLES LIKE '" + name + "'")) {
            assertTrue(rs.next(), name);
            return rs.getString(2);
        }
    }

    @Test
    void rowBinlogUtf8mb4AndPassword() throws Exception {
        MariaDbServer db = MariaDbServer.builder().rootPassword("pw-Ü1").database("shop").start();
        long pid = db.pid();
        Path scratch = db.scratchDir();
        try {
            assertEquals("jdbc:mysql://127.0.0.1:" + db.port() + "/shop", db.jdbcUrl());
            try (Connection c = DriverManager.getConnection(url(db), "root", "pw-Ü1");
                    Statement st = c.createStatement()) {
                assertEquals("ROW", variable(st, "binlog_format"));
                assertEquals("FULL", variable(st, "binlog_row_image"));
                assertEquals("ON", variable(st, "log_bin"));
                assertEquals("utf8mb4", variable(st, "character_set_server"));
                assertEquals("1", variable(st, "server_id"));
                st.execute("CREATE TABLE t (id INT PRIMARY KEY, s VARCHAR(100))");
                String text = "Grüße 中文 🚀";
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                    ps.setInt(1, 1);
                    ps.setString(2, text);
                    ps.executeUpdate();
                }
                try (ResultSet rs = st.executeQuery("SELECT s FROM t WHERE id = 1")) {
                    assertTrue(rs.next());
                    assertEquals(text, rs.getString(1));
                }
                try (ResultSet rs = st.executeQuery("SHOW BINARY LOGS")) {
                    assertTrue(rs.next(), "a binlog file exists");
                }
            }
            // root has the password on every host entry, including root@127.0.0.1 that install-db made.
            assertThrows(SQLException.class, () -> DriverManager.getConnection(url(db), "root", "").close());
        } finally {
            db.close();
        }
        Stopped.assertGone(pid, scratch, db.port());
    }
}
