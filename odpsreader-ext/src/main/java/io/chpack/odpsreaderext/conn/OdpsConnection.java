package io.chpack.odpsreaderext.conn;

import java.io.IOException;

import com.alibaba.datax.common.exception.DataXException;
import com.aliyun.odps.NoSuchObjectException;
import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.account.Account;
import com.aliyun.odps.account.AliyunAccount;
import com.aliyun.odps.account.StsAccount;
import com.aliyun.odps.tunnel.Configuration;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.tunnel.TunnelException;
import com.aliyun.odps.tunnel.io.TunnelRetryHandler;

import io.chpack.odpsreaderext.OdpsReaderErrorCode;
import io.chpack.odpsreaderext.config.OdpsReaderConfig;

/**
 * The SDK client of one job or task: {@link Odps} for REST (metadata) and a {@link TableTunnel} whose retry
 * policy for network failures follows {@code maxRetryTime} (the SDK itself retries 5xx answers with its own
 * exponential waits, and 429/308 without limit). Every message that leaves here has the access key secret and the
 * STS token replaced by {@code ***}.
 */
public final class OdpsConnection {
    private final OdpsReaderConfig config;
    private final Odps odps;
    private final TableTunnel tunnel;

    public OdpsConnection(OdpsReaderConfig config) {
        this.config = config;
        Account account = config.securityToken != null
                ? new StsAccount(config.accessId, config.accessKey, config.securityToken)
                : new AliyunAccount(config.accessId, config.accessKey);
        this.odps = new Odps(account);
        odps.setEndpoint(config.odpsServer);
        odps.setDefaultProject(config.project);
        odps.options().setSkipCheckIfEpv2(true);
        Configuration tc = Configuration.builder(odps).withRetryPolicy(new NetworkRetry(config.maxRetryTime)).build();
        this.tunnel = new TableTunnel(odps, tc);
        if (config.tunnelServer != null) {
            tunnel.setEndpoint(config.tunnelServer);
        }
    }

    public Odps odps() {
        return odps;
    }

    public TableTunnel tunnel() {
        return tunnel;
    }

    /** A DataXException for an SDK failure, with 401/403 as AUTH_FAILED and the secrets masked. */
    public DataXException fail(OdpsReaderErrorCode code, String what, Throwable e) {
        return fail(config, code, what, e);
    }

    public static DataXException fail(OdpsReaderConfig config, OdpsReaderErrorCode code, String what, Throwable e) {
        OdpsReaderErrorCode c = isAuthFailure(e) ? OdpsReaderErrorCode.AUTH_FAILED : code;
        String hint = c == OdpsReaderErrorCode.AUTH_FAILED
                ? " (check accessId " + config.accessId + " and its accessKey/securityToken)" : "";
        return DataXException.asDataXException(c, mask(config, what + hint + ": " + describe(e)));
    }

    public static boolean isAuthFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TunnelException && ((TunnelException) t).getStatus() != null) {
                int s = ((TunnelException) t).getStatus();
                if (s == 401 || s == 403) {
                    return true;
                }
            }
            if (t instanceof OdpsException && ((OdpsException) t).getStatus() != null) {
                int s = ((OdpsException) t).getStatus();
                if (s == 401 || s == 403) {
                    return true;
                }
            }
        }
        return false;
    }

    public static boolean isNotFound(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
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
        for (Throwable t = e; t != null && sb.length() < 2000; t = t.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            String m = t.getMessage();
            sb.append(m == null || m.isEmpty() ? t.getClass().getSimpleName() : m);
            if (t.getCause() == t) {
                break;
            }
        }
        return sb.toString();
    }

    public static String mask(OdpsReaderConfig config, String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        if (config.accessKey != null && !config.accessKey.isEmpty()) {
            out = out.replace(config.accessKey, "***");
        }
        if (config.securityToken != null && !config.securityToken.isEmpty()) {
            out = out.replace(config.securityToken, "***");
        }
        return out;
    }

    /**
     * The tunnel's policy for failures without an HTTP status (connection reset, timeouts): up to maxRetryTime
     * retries, waiting 200 ms doubling to 5 s.
     */
    static final class NetworkRetry implements TunnelRetryHandler.RetryPolicy {
        private final int maxRetries;

        NetworkRetry(int maxRetries) {
            this.maxRetries = maxRetries;
        }

        @Override
        public boolean shouldRetry(Exception e, int attempt) {
            if (attempt > maxRetries) {
                return false;
            }
            if (e instanceof TunnelException) {
                Integer s = ((TunnelException) e).getStatus();
                return s == null || s >= 500;
            }
            return e instanceof IOException || e.getCause() instanceof IOException;
        }

        @Override
        public long getRetryWaitTime(int attempt) {
            return Math.min(5000L, 200L << Math.min(attempt - 1, 10));
        }
    }
}
