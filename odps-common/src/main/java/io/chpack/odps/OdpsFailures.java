package io.chpack.odps;

import com.aliyun.odps.NoSuchObjectException;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.tunnel.TunnelException;

/** Reading what the SDK throws: authentication failures, missing objects, messages with the secrets masked. */
public final class OdpsFailures {
    private OdpsFailures() {
    }

    /** 401/403 from the REST API or the tunnel anywhere in the cause chain. */
    public static boolean isAuthFailure(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            Integer s = t instanceof TunnelException ? ((TunnelException) t).getStatus()
                    : t instanceof OdpsException ? ((OdpsException) t).getStatus() : null;
            if (s != null && (s == 401 || s == 403)) {
                return true;
            }
        }
        return false;
    }

    /** A missing table, partition or project anywhere in the cause chain. */
    public static boolean isNotFound(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof NoSuchObjectException) {
                return true;
            }
            if (t instanceof OdpsException && Integer.valueOf(404).equals(((OdpsException) t).getStatus())) {
                return true;
            }
        }
        return false;
    }

    /** The message chain of {@code e} (class names of causes without messages), secrets not masked yet. */
    public static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (Throwable t = e; t != null && sb.length() < 2000 && depth < 20; t = t.getCause(), depth++) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            String m = t.getMessage();
            sb.append(m == null || m.isEmpty() ? t.getClass().getSimpleName() : m);
        }
        return sb.toString();
    }

    /** {@code text} with the access key secret and the STS token replaced by {@code ***}. */
    public static String mask(OdpsAccess access, String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        if (access.accessKey != null && !access.accessKey.isEmpty()) {
            out = out.replace(access.accessKey, "***");
        }
        if (access.securityToken != null && !access.securityToken.isEmpty()) {
            out = out.replace(access.securityToken, "***");
        }
        return out;
    }

    /** The message for a failure: what was attempted, an access hint for 401/403, the cause chain; masked. */
    public static String message(OdpsAccess access, String what, Throwable e) {
        String hint = isAuthFailure(e) ? " (check accessId " + access.accessId + " and its accessKey/securityToken)" : "";
        return mask(access, what + hint + ": " + describe(e));
    }
}
