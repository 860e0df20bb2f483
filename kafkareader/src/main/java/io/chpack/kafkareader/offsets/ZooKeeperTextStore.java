package io.chpack.kafkareader.offsets;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.KeeperException;

/** One znode (through Apache Curator); each write is a single setData/create, atomic in ZooKeeper. */
final class ZooKeeperTextStore implements TextStore {
    private final CuratorFramework zk;
    private final String path;
    private final String connectString;

    ZooKeeperTextStore(String connectString, String path, int sessionTimeoutMs) {
        this.connectString = connectString;
        this.path = path;
        this.zk = CuratorFrameworkFactory.builder().connectString(connectString).sessionTimeoutMs(sessionTimeoutMs)
                .connectionTimeoutMs(10_000).retryPolicy(new ExponentialBackoffRetry(200, 5)).build();
        zk.start();
        try {
            if (!zk.blockUntilConnected(15, TimeUnit.SECONDS)) {
                zk.close();
                throw new IllegalStateException("ZooKeeper " + connectString + " is not reachable (15 s)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            zk.close();
            throw new IllegalStateException("interrupted while connecting to ZooKeeper", e);
        }
    }

    @Override
    public String read() {
        try {
            return new String(zk.getData().forPath(path), StandardCharsets.UTF_8);
        } catch (KeeperException.NoNodeException e) {
            return null;
        } catch (Exception e) {
            throw wrap(e);
        }
    }

    @Override
    public void write(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        try {
            try {
                zk.setData().forPath(path, b);
            } catch (KeeperException.NoNodeException e) {
                zk.create().creatingParentContainersIfNeeded().forPath(path, b);
            }
        } catch (Exception e) {
            throw wrap(e);
        }
    }

    @Override
    public String describe() {
        return "zookeeper " + connectString + path;
    }

    @Override
    public void close() {
        zk.close();
    }

    private RuntimeException wrap(Exception e) {
        return e instanceof RuntimeException ? (RuntimeException) e : new IllegalStateException(e.toString(), e);
    }
}
