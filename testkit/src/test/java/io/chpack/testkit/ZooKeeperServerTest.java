package io.chpack.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

class ZooKeeperServerTest {
    @Test
    void createAndReadZnodeThenStop() throws Exception {
        ZooKeeperServer zk = ZooKeeperServer.start();
        long pid = zk.pid();
        Path scratch = zk.scratchDir();
        try {
            String srvr = zk.srvr();
            assertTrue(srvr.contains("Zookeeper version: 3.8.5"), srvr);
            assertTrue(srvr.contains("Mode: standalone"), srvr);
            CountDownLatch connected = new CountDownLatch(1);
            ZooKeeper client = new ZooKeeper(zk.connectString(), 10_000, e -> {
                if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                    connected.countDown();
                }
            });
            try {
                assertTrue(connected.await(20, TimeUnit.SECONDS), "client connected");
                byte[] data = "hello chpack".getBytes(StandardCharsets.UTF_8);
                client.create("/chpack", data, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                assertArrayEquals(data, client.getData("/chpack", false, null));
            } finally {
                client.close();
            }
            // The server runs in its own JVM: the kit's JVM has no ZooKeeper server classes on its classpath
            // beyond the test-scope client jar, and the child's command line names the servers lib.
            assertTrue(zk.process().command().contains("org.apache.zookeeper.server.ZooKeeperServerMain"));
        } finally {
            zk.close();
        }
        Stopped.assertGone(pid, scratch, zk.port());
    }
}
