package io.chpack.clickhousewriter.sharding;

import io.chpack.testkit.ClickHouseServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every hash function, integer function and modulo form that ClickHouse 18.16 has, compared with the Java
 * implementation over {@link ConformanceCases#ROWS} generated rows — one query per expression (chunked), not
 * one per value. 18.16 lacks xxHash64, xxHash32 and javaHash, and cannot hash UUID; those run in
 * {@link HashConformance26Test}.
 */
class HashConformance1816Test {
    private static ClickHouseServer server;

    @BeforeAll
    static void start() {
        server = ClickHouseServer.start();
        HashConformanceCheck.loadRows(server::query, false);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void serverIs1816() {
        org.junit.jupiter.api.Assertions.assertEquals(ServerDialect.LEGACY,
                ServerDialect.forVersion(server.query("SELECT version()").trim()));
    }

    @Test
    void hashFunctionsAgreeWithTheServer() {
        HashConformanceCheck.assertAllAgree(ConformanceCases.hashExpressions(false), ServerDialect.LEGACY, server::query);
    }

    @Test
    void integerFunctionsAndModuloAgreeWithTheServer() {
        HashConformanceCheck.assertAllAgree(ConformanceCases.arithmeticExpressions(), ServerDialect.LEGACY, server::query);
    }
}
