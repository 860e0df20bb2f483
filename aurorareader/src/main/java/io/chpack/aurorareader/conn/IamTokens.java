package io.chpack.aurorareader.conn;

import java.util.HashMap;
import java.util.Map;

import io.chpack.aurorareader.config.AuroraReaderConfig;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsUtilities;
import software.amazon.awssdk.services.rds.model.GenerateAuthenticationTokenRequest;

/**
 * RDS IAM authentication tokens (a local SigV4 presign of {@code rds-db:connect}, valid 15 minutes) per
 * host:port:user. A token is only checked when a connection is opened, so an open connection outlives it;
 * every new connection gets a token younger than {@code aurora.tokenRefreshSeconds} (default 600 s), so a
 * long job keeps connecting after the first token expired.
 */
public final class IamTokens {
    /** Where tokens come from; tests substitute a clock-controlled source. */
    public interface Generator {
        String generate(String host, int port, String user);
    }

    private static final class Cached {
        final String token;
        final long createdNanos;

        Cached(String token, long createdNanos) {
            this.token = token;
            this.createdNanos = createdNanos;
        }
    }

    private final Generator generator;
    private final long refreshNanos;
    private final Map<String, Cached> cache = new HashMap<>();
    private int generated;

    public IamTokens(Generator generator, long refreshSeconds) {
        this.generator = generator;
        this.refreshNanos = refreshSeconds * 1_000_000_000L;
    }

    /** Tokens from the SDK's RdsUtilities with the configured credentials and region. */
    public static IamTokens fromConfig(AuroraReaderConfig.Aurora a) {
        final AwsCredentialsProvider credentials = AwsSupport.credentials(a);
        final RdsUtilities utilities = RdsUtilities.builder().credentialsProvider(credentials)
                .region(Region.of(a.region)).build();
        return new IamTokens(new Generator() {
            @Override
            public String generate(String host, int port, String user) {
                return utilities.generateAuthenticationToken(GenerateAuthenticationTokenRequest.builder()
                        .hostname(host).port(port).username(user).build());
            }
        }, a.tokenRefreshSeconds);
    }

    public synchronized String token(String host, int port, String user) {
        return token(host, port, user, System.nanoTime());
    }

    synchronized String token(String host, int port, String user, long nowNanos) {
        String key = host + ":" + port + ":" + user;
        Cached c = cache.get(key);
        if (c == null || nowNanos - c.createdNanos >= refreshNanos) {
            c = new Cached(generator.generate(host, port, user), nowNanos);
            cache.put(key, c);
            generated++;
        }
        return c.token;
    }

    /** How many tokens were generated (refreshes included). */
    public synchronized int generatedCount() {
        return generated;
    }
}
