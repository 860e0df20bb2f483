package io.chpack.clickhousewriter.cluster;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;

import com.alibaba.datax.common.exception.DataXException;

import io.chpack.clickhousewriter.WriterErrorCode;

/**
 * One Curator client for the job side (discovery at prepare, the commit lock in post). Nodes this client
 * creates (lock nodes) carry a description of the job and process by default, so a waiting job can name the
 * holder of a lock.
 */
public final class ZooKeeperSession implements AutoCloseable {
    private final String connectString;
    private final CuratorFramework client;

    private ZooKeeperSession(String connectString, CuratorFramework client) {
        this.connectString = connectString;
        this.client = client;
    }

    /**
     * Connects or fails with CONNECT_ERROR naming the connect string (no credentials are involved).
     *
     * @param owner who this client is, e.g. {@code chpack job 2024…_abc}; stored in the nodes it creates
     */
    public static ZooKeeperSession open(String connectString, int sessionTimeoutMs, int connectTimeoutMs,
            String owner) {
        String description = owner + " on " + host() + " (" + ManagementFactory.getRuntimeMXBean().getName() + ")";
        CuratorFramework c = CuratorFrameworkFactory.builder().connectString(connectString)
                .sessionTimeoutMs(sessionTimeoutMs).connectionTimeoutMs(connectTimeoutMs)
                .retryPolicy(new ExponentialBackoffRetry(200, 5, 5_000))
                .defaultData(description.getBytes(StandardCharsets.UTF_8)).build();
        c.start();
        boolean connected;
        try {
            connected = c.blockUntilConnected(connectTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connected = false;
        }
        if (!connected) {
            c.close();
            throw DataXException.asDataXException(WriterErrorCode.CONNECT_ERROR, "cannot connect to ZooKeeper '"
                    + connectString + "' (parameter." + ClusterOptions.ZOOKEEPER + ") within " + connectTimeoutMs
                    + " ms");
        }
        return new ZooKeeperSession(connectString, c);
    }

    public CuratorFramework client() {
        return client;
    }

    public String connectString() {
        return connectString;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown host";
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
