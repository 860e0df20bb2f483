package io.chpack.odps;

import java.io.IOException;

import com.aliyun.odps.Odps;
import com.aliyun.odps.account.Account;
import com.aliyun.odps.account.AliyunAccount;
import com.aliyun.odps.account.StsAccount;
import com.aliyun.odps.tunnel.Configuration;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.tunnel.TunnelException;
import com.aliyun.odps.tunnel.io.TunnelRetryHandler;

/**
 * The SDK client of one job or task: {@link Odps} for REST (metadata, SQL) and a {@link TableTunnel} whose retry
 * policy for network failures follows {@code maxRetryTime} (the SDK itself retries 5xx answers with its own
 * exponential waits, and 429/308 without limit). The "epv2" project check is off: it costs a request and its
 * failure is ignored by the SDK anyway.
 */
public final class OdpsClient {
    private final Odps odps;
    private final TableTunnel tunnel;

    public OdpsClient(OdpsAccess access) {
        Account account = access.securityToken != null
                ? new StsAccount(access.accessId, access.accessKey, access.securityToken)
                : new AliyunAccount(access.accessId, access.accessKey);
        this.odps = new Odps(account);
        odps.setEndpoint(access.odpsServer);
        odps.setDefaultProject(access.project);
        odps.options().setSkipCheckIfEpv2(true);
        Configuration tc = Configuration.builder(odps).withRetryPolicy(new NetworkRetry(access.maxRetryTime)).build();
        this.tunnel = new TableTunnel(odps, tc);
        if (access.tunnelServer != null) {
            tunnel.setEndpoint(access.tunnelServer);
        }
    }

    public Odps odps() {
        return odps;
    }

    public TableTunnel tunnel() {
        return tunnel;
    }

    /**
     * The tunnel's policy for failures without an HTTP status (connection reset, timeouts) and 5xx: up to
     * maxRetryTime retries, waiting 200 ms doubling to 5 s.
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
