package io.chpack.aurorareader.conn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.alibaba.datax.common.util.Configuration;
import io.chpack.aurorareader.config.AuroraReaderConfig;

class IamTokensTest {
    @Test
    void tokensAreCachedPerEndpointAndRefreshedAfterTheInterval() {
        int[] calls = {0};
        IamTokens t = new IamTokens((h, p, u) -> h + ":" + p + ":" + u + "#" + (++calls[0]), 600);
        long s = 1_000_000_000L;
        assertEquals("h:3306:u#1", t.token("h", 3306, "u", 0));
        assertEquals("h:3306:u#1", t.token("h", 3306, "u", 599 * s));
        assertEquals("h2:3306:u#2", t.token("h2", 3306, "u", 599 * s));
        assertEquals("h:3306:u#3", t.token("h", 3306, "u", 600 * s), "refreshed once 600 s old");
        assertEquals(3, t.generatedCount());
    }

    @Test
    void sdkTokenIsAPresignedRdsDbConnectUrlForTheEndpointAndUser() {
        Configuration c = Configuration.from(Map.of("username", "iam_user", "connection",
                java.util.List.of(Map.of("jdbcUrl", "jdbc:mysql://h:3306/db", "table", "t")),
                "aurora", Map.of("iamAuth", true, "region", "eu-west-1", "accessKeyId", "AKIATEST",
                        "secretAccessKey", "secret")));
        IamTokens t = IamTokens.fromConfig(AuroraReaderConfig.parse(c).aurora);
        String token = t.token("db.example.com", 3306, "iam_user");
        assertTrue(token.startsWith("db.example.com:3306/?"), token);
        String q = URLDecoder.decode(token, StandardCharsets.UTF_8);
        assertTrue(q.contains("Action=connect") && q.contains("DBUser=iam_user")
                && q.contains("X-Amz-Credential=AKIATEST/") && q.contains("/eu-west-1/rds-db/aws4_request")
                && q.contains("X-Amz-Expires=900") && q.matches(".*X-Amz-Signature=[0-9a-f]{64}.*"), q);
        assertNotEquals(token, t.token("db.example.com", 3307, "iam_user"));
    }
}
