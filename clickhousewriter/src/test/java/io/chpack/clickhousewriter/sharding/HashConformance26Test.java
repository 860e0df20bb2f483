package io.chpack.clickhousewriter.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chpack.testkit.ChDb;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same comparisons against the ClickHouse 26.x engine (chDB bridge), plus what 18.16 lacks: xxHash64,
 * xxHash32, javaHash and UUID arguments, and the newer modulo result types ({@link ServerDialect#CURRENT}).
 */
class HashConformance26Test {
    private static ChDb chdb;

    @BeforeAll
    static void start() {
        chdb = ChDb.start();
        HashConformanceCheck.loadRows(chdb::query, true);
    }

    @AfterAll
    static void stop() {
        if (chdb != null) {
            chdb.close();
        }
    }

    @Test
    void engineIsCurrent() {
        assertEquals(ServerDialect.CURRENT, ServerDialect.forVersion(chdb.version()));
    }

    @Test
    void hashFunctionsAgreeWithTheEngine() {
        HashConformanceCheck.assertAllAgree(ConformanceCases.hashExpressions(true), ServerDialect.CURRENT, chdb::query);
    }

    @Test
    void integerFunctionsAndModuloAgreeWithTheEngine() {
        HashConformanceCheck.assertAllAgree(ConformanceCases.arithmeticExpressions(), ServerDialect.CURRENT, chdb::query);
    }
}
