package com.alibaba.datax.common.exception;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataXExceptionTest {

    @Test
    void errorCodeRendersLikeTheEngine() {
        assertEquals("Common-02", CommonErrorCode.CONVERT_OVER_FLOW.getCode());
        assertEquals("Code:[Common-00], Describe:[" + CommonErrorCode.CONFIG_ERROR.getDescription() + "]",
                CommonErrorCode.CONFIG_ERROR.toString());
        String[] expected = {"Common-00", "Common-01", "Common-02", "Common-10", "Common-11", "Common-12",
                "Common-20", "Common-21", "Common-22"};
        CommonErrorCode[] codes = CommonErrorCode.values();
        assertEquals(expected.length, codes.length);
        for (int i = 0; i < codes.length; i++) {
            assertEquals(expected[i], codes[i].getCode(), codes[i].name());
        }
    }

    @Test
    void messageIsCodeDashText() {
        DataXException e = DataXException.asDataXException(CommonErrorCode.CONFIG_ERROR, "bad key");
        assertEquals(CommonErrorCode.CONFIG_ERROR.toString() + " - bad key", e.getMessage());
        assertSame(CommonErrorCode.CONFIG_ERROR, e.getErrorCode());
        assertNull(e.getCause());
        assertEquals(e.getMessage(), new DataXException(CommonErrorCode.CONFIG_ERROR, "bad key").getMessage());
    }

    @Test
    void causeStackTraceIsAppended() {
        IOException io = new IOException("disk gone");
        DataXException e = DataXException.asDataXException(CommonErrorCode.RUNTIME_ERROR, "write failed", io);
        assertSame(io, e.getCause());
        String prefix = CommonErrorCode.RUNTIME_ERROR + " - write failed - java.io.IOException: disk gone";
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        assertTrue(e.getMessage().contains("\tat " + getClass().getName()), "stack trace included");

        DataXException onlyCause = DataXException.asDataXException(CommonErrorCode.RETRY_FAIL, io);
        assertTrue(onlyCause.getMessage().startsWith(CommonErrorCode.RETRY_FAIL
                + " - java.io.IOException: disk gone"), onlyCause.getMessage());
        assertSame(io, onlyCause.getCause());
    }

    @Test
    void existingDataXExceptionIsReturnedAsIs() {
        DataXException original = DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT, "x");
        assertSame(original, DataXException.asDataXException(CommonErrorCode.RUNTIME_ERROR, "wrap", original));
        assertSame(original, DataXException.asDataXException(CommonErrorCode.RUNTIME_ERROR, original));
        assertEquals(CommonErrorCode.CONVERT_NOT_SUPPORT, original.getErrorCode());
    }

    @Test
    void traceRendersTheStack() {
        String trace = ExceptionTracker.trace(new IllegalStateException("boom"));
        assertTrue(trace.startsWith("java.lang.IllegalStateException: boom"), trace);
        assertTrue(trace.contains("traceRendersTheStack"), trace);
    }
}
