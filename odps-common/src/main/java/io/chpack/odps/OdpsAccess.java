package io.chpack.odps;

/**
 * Where and as whom a plugin talks to MaxCompute: the stock odpsreader/odpswriter keys {@code odpsServer},
 * {@code tunnelServer}, {@code project}, {@code accessId}, {@code accessKey}, {@code securityToken} and
 * {@code maxRetryTime}, already validated by the plugin's config. {@link #toString()} never shows the secrets.
 */
public final class OdpsAccess {
    public final String odpsServer;
    /** Null: the SDK asks the service for the tunnel endpoint. */
    public final String tunnelServer;
    public final String project;
    public final String accessId;
    public final String accessKey;
    /** Null unless STS credentials are used. */
    public final String securityToken;
    /** Retries of tunnel requests that failed without an HTTP answer. */
    public final int maxRetryTime;

    public OdpsAccess(String odpsServer, String tunnelServer, String project, String accessId, String accessKey,
            String securityToken, int maxRetryTime) {
        this.odpsServer = odpsServer;
        this.tunnelServer = tunnelServer;
        this.project = project;
        this.accessId = accessId;
        this.accessKey = accessKey;
        this.securityToken = securityToken;
        this.maxRetryTime = maxRetryTime;
    }

    @Override
    public String toString() {
        return "odpsServer=" + odpsServer + ", tunnelServer=" + tunnelServer + ", project=" + project + ", accessId="
                + accessId + ", accessKey=***" + (securityToken != null ? ", securityToken=***" : "");
    }
}
