package io.chpack.clickhousewriter.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.clickhouse.client.api.ServerException;

class ErrorClassifierTest {
    @ParameterizedTest
    @CsvSource({
        "252, TRANSIENT", "242, TRANSIENT", "241, TRANSIENT", "319, TRANSIENT", "999, TRANSIENT", "202, TRANSIENT",
        "203, TRANSIENT", "209, TRANSIENT", "210, TRANSIENT", "216, TRANSIENT", "285, TRANSIENT", "159, TRANSIENT",
        "62, FATAL", "60, FATAL", "193, FATAL", "516, FATAL", "47, FATAL", "16, FATAL", "115, FATAL", "33, FATAL",
        "53, FATAL", "27, FATAL",
    })
    void serverCodesFromTheMessageText(int code, ErrorClass expected) {
        // client-v2 0.10 keeps the text but reports code 0: the code comes from the text.
        ServerException e = new ServerException(0, "Code: " + code + ", e.displayText() = DB::Exception: boom, "
                + "e.what() = DB::Exception", 500, "qid");
        ClickHouseRequestException c = ErrorClassifier.classify(new RuntimeException("wrapped", e), "insert into t",
                "h:1", 500);
        assertEquals(code, c.code());
        assertEquals(expected, c.errorClass());
        assertTrue(c.getMessage().contains("insert into t on h:1 failed with server code " + code + " (HTTP 500)"),
                c.getMessage());
        assertTrue(c.getMessage().contains("DB::Exception: boom"), c.getMessage());
        assertFalse(c.getMessage().contains("e.what()"), c.getMessage());
    }

    @Test
    void networkFailures() {
        ClickHouseRequestException refused = ErrorClassifier.classify(new RuntimeException(
                new ConnectException("Connection refused")), "q", "h:1", 0);
        assertTrue(refused.isTransient());
        assertFalse(refused.requestMaySucceeded(), "a refused connection never reached the server");

        ClickHouseRequestException reset = ErrorClassifier.classify(new RuntimeException(
                new SocketException("Connection reset by peer")), "q", "h:1", 0);
        assertTrue(reset.isTransient());
        assertTrue(reset.requestMaySucceeded());

        ClickHouseRequestException pipe = ErrorClassifier.classify(new IOException("Broken pipe"), "q", "h:1", 0);
        assertTrue(pipe.isTransient());

        ClickHouseRequestException timeout = ErrorClassifier.classify(new SocketTimeoutException("Read timed out"),
                "q", "h:1", 0);
        assertTrue(timeout.isTransient());
        assertTrue(timeout.requestMaySucceeded());

        ClickHouseRequestException host = ErrorClassifier.classify(new UnknownHostException("nohost.invalid"), "q",
                "h:1", 0);
        assertFalse(host.isTransient());
    }

    @Test
    void httpStatusWithoutCode() {
        assertTrue(ErrorClassifier.classify(new RuntimeException("bad gateway"), "q", "h", 502).isTransient());
        assertFalse(ErrorClassifier.classify(new RuntimeException("forbidden"), "q", "h", 403).isTransient());
    }

    @Test
    void tooManyPartsVersusTooManyPartitions() {
        ClickHouseRequestException parts = ErrorClassifier.classify(new RuntimeException("Code: 252, e.displayText() "
                + "= DB::Exception: Too many parts (300). Merges are processing significantly slower than inserts"),
                "q", "h", 500);
        assertTrue(parts.isTooManyParts());
        assertFalse(parts.isTooManyPartitions());
        ClickHouseRequestException partitions = ErrorClassifier.classify(new RuntimeException("Code: 252. DB::Exception:"
                + " Too many partitions for single INSERT block (more than 100)."), "q", "h", 500);
        assertTrue(partitions.isTooManyPartitions());
        assertFalse(partitions.isTooManyParts());
    }
}
