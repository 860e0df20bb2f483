package io.chpack.aurorareader.conn;

import java.net.URI;
import java.time.Duration;

import io.chpack.aurorareader.config.AuroraReaderConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.RdsClientBuilder;

/**
 * AWS SDK v2 wiring: credentials (explicit keys, a named profile, or the SDK's standard chain), the region
 * (always explicit: never looked up from instance metadata) and the RDS client over the JDK's URLConnection
 * (no Netty, no Apache httpclient in the plugin jar).
 */
public final class AwsSupport {
    private AwsSupport() {
    }

    public static AwsCredentialsProvider credentials(AuroraReaderConfig.Aurora a) {
        if (a.accessKeyId != null) {
            if (a.sessionToken != null) {
                return StaticCredentialsProvider.create(AwsSessionCredentials.create(a.accessKeyId, a.secretAccessKey,
                        a.sessionToken));
            }
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(a.accessKeyId, a.secretAccessKey));
        }
        if (a.profile != null) {
            return ProfileCredentialsProvider.create(a.profile);
        }
        return DefaultCredentialsProvider.builder().build();
    }

    public static RdsClient rdsClient(AuroraReaderConfig.Aurora a, int timeoutSeconds) {
        RdsClientBuilder b = RdsClient.builder()
                .region(Region.of(a.region))
                .credentialsProvider(credentials(a))
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(timeoutSeconds))
                        .socketTimeout(Duration.ofSeconds(Math.max(30, timeoutSeconds)))
                        .build());
        if (a.endpoint != null) {
            b.endpointOverride(URI.create(a.endpoint));
        }
        return b.build();
    }
}
