package io.chpack.aurorareader.conn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.chpack.aurorareader.config.Dialect;

class JdbcTargetTest {
    @Test
    void parsesAndRewritesHosts() {
        JdbcTarget t = JdbcTarget.parse("jdbc:mysql://cluster.example:3307/shop?useSSL=true&password=x");
        assertEquals(Dialect.MYSQL, t.dialect);
        assertEquals("cluster.example", t.host);
        assertEquals(3307, t.port);
        assertEquals("shop", t.database);
        assertEquals("jdbc:mysql://10.0.0.2:3306/shop?useSSL=true&password=x", t.withHost("10.0.0.2", 3306).url());
        assertTrue(t.toString().contains("password=***"));
        JdbcTarget p = JdbcTarget.parse("jdbc:postgresql://[::1]/db");
        assertEquals(Dialect.POSTGRES, p.dialect);
        assertEquals(5432, p.port);
        assertEquals("::1", p.host);
        assertThrows(IllegalArgumentException.class, () -> JdbcTarget.parse("jdbc:mysql://a:1,b:2/db"));
        assertThrows(IllegalArgumentException.class, () -> JdbcTarget.parse("jdbc:oracle://a/db"));
    }

    @Test
    void iamForcesTlsUnlessTheUrlChoosesAMode() {
        ConnectionFactory f = new ConnectionFactory(io.chpack.aurorareader.config.AuroraReaderConfig.parse(
                com.alibaba.datax.common.util.Configuration.from("{\"username\":\"u\",\"connection\":[{\"jdbcUrl\":"
                        + "\"jdbc:mysql://h/db\",\"table\":\"t\"}]}")), new IamTokens((h, p, u) -> "tok", 600));
        assertEquals("verify-full", f.effective(JdbcTarget.parse("jdbc:mariadb://h/db")).params.get("sslMode"));
        assertEquals("trust", f.effective(JdbcTarget.parse("jdbc:mariadb://h/db?sslMode=trust")).params.get("sslMode"));
        assertEquals("verify-full", f.effective(JdbcTarget.parse("jdbc:postgresql://h/db")).params.get("sslmode"));
        assertTrue(f.effective(JdbcTarget.parse("jdbc:mysql://h/db")).params.containsKey("permitMysqlScheme"));
    }
}
