package io.chpack.aurorareader.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chpack.testkit.ZooKeeperServer;

/** The same contract for both stores; ZooKeeper against a real server. */
class CheckpointStoreTest {
    static ZooKeeperServer zk;

    @BeforeAll
    static void start() {
        zk = ZooKeeperServer.start();
    }

    @AfterAll
    static void stop() {
        if (zk != null) {
            zk.close();
        }
    }

    static void contract(CheckpointStore s, String id) {
        assertNull(s.get("watermark-0-0"));
        s.put("watermark-0-0", "2024-01-01 00:00:00");
        s.put("watermark-0-0", "2024-01-02 00:00:00");
        assertEquals("2024-01-02 00:00:00", s.get("watermark-0-0"));
        s.recordChunk("0-1", "{\"cum\":10}");
        s.recordChunk("0-2", "{\"cum\":20}");
        s.recordChunk("0-2", "{\"cum\":30}");
        assertEquals(Map.of("0-1", "{\"cum\":10}", "0-2", "{\"cum\":30}"), s.chunks());
        s.clearChunks();
        assertEquals(Map.of(), s.chunks());
        s.delete("watermark-0-0");
        assertNull(s.get("watermark-0-0"));
        s.delete("watermark-0-0");
    }

    @Test
    void fileStore(@TempDir Path dir) {
        try (CheckpointStore s = new FileCheckpointStore(dir.toString(), "job1")) {
            contract(s, "job1");
        }
        try (CheckpointStore s = new FileCheckpointStore(dir.toString(), "job2")) {
            s.put("k", "v");
        }
        try (CheckpointStore s = new FileCheckpointStore(dir.toString(), "job2")) {
            assertEquals("v", s.get("k"), "survives the process");
        }
    }

    @Test
    void zooKeeperStore() {
        try (CheckpointStore s = new ZooKeeperCheckpointStore(zk.connectString(), "/chpack/test", "job1")) {
            contract(s, "job1");
            s.put("k", "v1");
        }
        try (CheckpointStore s = new ZooKeeperCheckpointStore(zk.connectString(), "/chpack/test", "job1")) {
            assertEquals("v1", s.get("k"), "visible to the next run, from any machine");
        }
    }
}
