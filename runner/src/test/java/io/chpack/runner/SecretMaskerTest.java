package io.chpack.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.alibaba.datax.common.util.Configuration;

import io.chpack.runner.security.SecretMasker;

class SecretMaskerTest {
    private static final Configuration JOB = Configuration.from("{\"job\": {\"content\": [{\"reader\": {\"parameter\": "
            + "{\"username\": \"alice\", \"password\": \"pw-123456\", \"connection\": [{\"jdbcUrl\": \"jdbc:x://h\"}]}},"
            + " \"writer\": {\"parameter\": {\"accessId\": \"id-0001\", \"AccessKey\": \"ak-987654\","
            + " \"securityToken\": \"tok-555555\", \"credentials\": {\"client\": \"cred-4444\"}, \"pwd\": \"abc\"}}}]}}");

    @Test
    void keysThatLookLikeSecretsAnywhereInTheJob() {
        assertTrue(SecretMasker.isSecretKey("password"));
        assertTrue(SecretMasker.isSecretKey("accessKey"));
        assertTrue(SecretMasker.isSecretKey("ACCESSSECRET"));
        assertTrue(SecretMasker.isSecretKey("secretKey"));
        assertTrue(SecretMasker.isSecretKey("securityToken"));
        assertTrue(SecretMasker.isSecretKey("credential"));
        assertFalse(SecretMasker.isSecretKey("username"));
        assertFalse(SecretMasker.isSecretKey("accessId"));
        assertTrue(SecretMasker.isSecretPath("job.content[0].writer.parameter.credentials.client"));
    }

    @Test
    void valuesAreScrubbedFromAnyText() {
        SecretMasker masker = SecretMasker.of(JOB);
        String text = masker.mask("login alice/pw-123456 with ak-987654, tok-555555 and cred-4444 (id-0001)");
        assertEquals("login alice/****** with ******, ****** and ****** (id-0001)", text);
    }

    @Test
    void configDumpMasksTheKeysEvenForShortValues() {
        String dump = SecretMasker.of(JOB).maskConfiguration(JOB).toJSON();
        assertFalse(dump.contains("pw-123456"));
        assertFalse(dump.contains("\"abc\""), "short values are masked under their key");
        assertTrue(dump.contains("\"alice\""));
        assertTrue(dump.contains("\"pwd\":\"******\""), dump);
    }

    @Test
    void inlineSecretsAndUrlPasswordsAreMaskedWithoutKnowingThem() {
        SecretMasker masker = SecretMasker.none();
        assertEquals("jdbc:mysql://h/db?user=u&password=******&ssl=true",
                masker.mask("jdbc:mysql://h/db?user=u&password=hunter22&ssl=true"));
        assertEquals("http://bob:******@host/path", masker.mask("http://bob:s3cret@host/path"));
        assertEquals("job.content[0].reader.parameter.password: expected a string",
                masker.mask("job.content[0].reader.parameter.password: expected a string"));
    }

    /**
     * Kafka's {@code sasl.jaas.config} carries the password inside a string under a dotted key the configuration
     * cannot even resolve as a path: the quoted value is collected wherever it sits and scrubbed from any text,
     * including the job dump where its quotes are escaped.
     */
    @Test
    void jaasPasswordsInsideStringsAreScrubbed() {
        String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\\\"etl\\\" "
                + "password=\\\"kafka-Pw-77\\\";";
        Configuration job = Configuration.from("{\"job\": {\"content\": [{\"reader\": {\"parameter\": "
                + "{\"consumer\": {\"sasl.jaas.config\": \"" + jaas + "\", \"security.protocol\": \"SASL_PLAINTEXT\"}}}}]}}");
        SecretMasker masker = SecretMasker.of(job);
        String dump = masker.mask(masker.maskConfiguration(job).beautify());
        assertFalse(dump.contains("kafka-Pw-77"), dump);
        assertTrue(dump.contains("username=\\\"etl\\\""), dump);
        assertEquals("auth failed for ****** at broker", masker.mask("auth failed for kafka-Pw-77 at broker"));
        assertEquals("x password=\"******\"; y", SecretMasker.maskActive("x password=\"other-pw-1\"; y"));
    }
}
