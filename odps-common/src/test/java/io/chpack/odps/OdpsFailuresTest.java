package io.chpack.odps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import com.aliyun.odps.NoSuchObjectException;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.tunnel.TunnelException;

class OdpsFailuresTest {
    private static final OdpsAccess ACCESS = new OdpsAccess("http://h/api", null, "p", "AKID", "sk-secret-1",
            "sts-token-2", 3);

    @Test
    void authFailuresAnywhereInTheChainAndMaskedMessages() {
        OdpsException denied = new OdpsException("403 Forbidden: key sk-secret-1 rejected");
        denied.setStatus(403);
        RuntimeException wrapped = new RuntimeException("upload failed", denied);
        assertTrue(OdpsFailures.isAuthFailure(wrapped));
        String m = OdpsFailures.message(ACCESS, "creating the upload session", wrapped);
        assertTrue(m.startsWith("creating the upload session (check accessId AKID and its accessKey/securityToken): "), m);
        assertFalse(m.contains("sk-secret-1"), m);
        assertEquals("token *** and key ***", OdpsFailures.mask(ACCESS, "token sts-token-2 and key sk-secret-1"));
        assertFalse(OdpsFailures.isAuthFailure(new IOException("reset")));
        TunnelException unauth = new TunnelException("no");
        unauth.setStatus(401);
        assertTrue(OdpsFailures.isAuthFailure(unauth));
    }

    @Test
    void notFoundAndDescribe() {
        assertTrue(OdpsFailures.isNotFound(new RuntimeException(new NoSuchObjectException("Table not found"))));
        OdpsException gone = new OdpsException("gone");
        gone.setStatus(404);
        assertTrue(OdpsFailures.isNotFound(gone));
        assertFalse(OdpsFailures.isNotFound(new IOException("x")));
        assertEquals("a <- IOException", OdpsFailures.describe(new RuntimeException("a", new IOException())));
        assertTrue(new OdpsAccess("u", null, "p", "id", "k", null, 0).toString().contains("accessKey=***"));
    }
}
