package io.chpack.aurorareader.checkpoint;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.KeeperException;

/**
 * ZooKeeper znodes (through Apache Curator) under {@code <rootPath>/<checkpoint id>/}: values as
 * {@code values/<key>}, the journal as {@code chunks/<chunk id>}. For jobs that run on different machines
 * from one run to the next. Every write is a single znode set/create, atomic in ZooKeeper.
 */
public final class ZooKeeperCheckpointStore implements CheckpointStore {
    private final CuratorFramework zk;
    private final String base;
    private final String connectString;

    public ZooKeeperCheckpointStore(String connectString, String rootPath, String id) {
        this.connectString = connectString;
        String root = rootPath.endsWith("/") ? rootPath.substring(0, rootPath.length() - 1) : rootPath;
        this.base = (root.startsWith("/") ? root : "/" + root) + "/" + id;
        this.zk = CuratorFrameworkFactory.builder().connectString(connectString).sessionTimeoutMs(30_000)
                .connectionTimeoutMs(10_000).retryPolicy(new ExponentialBackoffRetry(200, 5)).build();
        zk.start();
        try {
            if (!zk.blockUntilConnected(15, TimeUnit.SECONDS)) {
                zk.close();
                throw new IllegalStateException("ZooKeeper " + connectString + " is not reachable (15 s)");
            }
            zk.createContainers(base + "/values");
            zk.createContainers(base + "/chunks");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            zk.close();
            throw new IllegalStateException("interrupted while connecting to ZooKeeper", e);
        } catch (Exception e) {
            zk.close();
            throw e instanceof RuntimeException ? (RuntimeException) e
                    : new IllegalStateException("ZooKeeper " + connectString + ": " + e, e);
        }
    }

    @Override
    public String get(String key) {
        try {
            return new String(zk.getData().forPath(base + "/values/" + key), StandardCharsets.UTF_8);
        } catch (KeeperException.NoNodeException e) {
            return null;
        } catch (Exception e) {
            throw wrap(e);
        }
    }

    @Override
    public void put(String key, String value) {
        set(base + "/values/" + key, value);
    }

    @Override
    public void delete(String key) {
        try {
            zk.delete().forPath(base + "/values/" + key);
        } catch (KeeperException.NoNodeException e) {
            // already gone
        } catch (Exception e) {
            throw wrap(e);
        }
    }

    @Override
    public void recordChunk(String chunkId, String entry) {
        set(base + "/chunks/" + chunkId, entry);
    }

    @Override
    public Map<String, String> chunks() {
        Map<String, String> out = new TreeMap<>();
        try {
            List<String> ids = zk.getChildren().forPath(base + "/chunks");
            for (String id : ids) {
                try {
                    out.put(id, new String(zk.getData().forPath(base + "/chunks/" + id), StandardCharsets.UTF_8));
                } catch (KeeperException.NoNodeException e) {
                    // removed meanwhile
                }
            }
        } catch (Exception e) {
            throw wrap(e);
        }
        return out;
    }

    @Override
    public void clearChunks() {
        try {
            for (String id : zk.getChildren().forPath(base + "/chunks")) {
                try {
                    zk.delete().forPath(base + "/chunks/" + id);
                } catch (KeeperException.NoNodeException e) {
                    // fine
                }
            }
        } catch (Exception e) {
            throw wrap(e);
        }
    }

    @Override
    public String describe() {
        return "zookeeper " + connectString + base;
    }

    @Override
    public void close() {
        zk.close();
    }

    private void set(String path, String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        try {
            try {
                zk.setData().forPath(path, b);
            } catch (KeeperException.NoNodeException e) {
                zk.create().creatingParentContainersIfNeeded().forPath(path, b);
            }
        } catch (KeeperException.NodeExistsException e) {
            try {
                zk.setData().forPath(path, b);
            } catch (Exception e2) {
                throw wrap(e2);
            }
        } catch (Exception e) {
            throw wrap(e);
        }
    }

    private RuntimeException wrap(Exception e) {
        return e instanceof RuntimeException ? (RuntimeException) e
                : new IllegalStateException("ZooKeeper checkpoint " + describe() + ": " + e, e);
    }
}
