package io.chpack.memcachedwriter.it;

import static io.chpack.memcachedwriter.it.Jobs.writer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.chpack.runner.JobResult;
import io.chpack.testkit.MemcachedServer;
import io.chpack.testkit.MemcachedServers;
import io.chpack.testkit.Wait;
import net.spy.memcached.ConnectionFactoryBuilder;
import net.spy.memcached.DefaultHashAlgorithm;
import net.spy.memcached.FailureMode;
import net.spy.memcached.MemcachedClient;

/**
 * A node killed mid-job under each failureMode. The reader stops at a gate after 3000 records; the test waits
 * until the victim holds some of them (progress observed), kills it with SIGKILL, opens the gate.
 */
class FailureModeIT {
    private static final int COUNT = 6000;

    private JobResult killMidJob(MemcachedServers pool, String failureMode, int errorLimit) throws Exception {
        List<MemcachedServer> servers = pool.servers();
        MemcachedServer victim = servers.get(1);
        Path gate = Jobs.newDir("gate");
        Map<String, Object> reader = Map.of("name", "rowsreader", "parameter", Map.of("generate",
                Map.of("count", COUNT, "valueBytes", 200), "gateDir", gate.toString(), "gateAfter", 3000));
        CompletableFuture<JobResult> job = CompletableFuture.supplyAsync(() -> Jobs.run(reader,
                writer(servers, "column", List.of("id", "v"), "key", "k{id}", "writeFormat", "raw", "rawColumn", "v",
                        "failureMode", failureMode, "retryBackoffMs", 50, "opTimeoutMs", 1000), 1, errorLimit));
        Wait.until("the reader reaching the gate", Duration.ofSeconds(60), () -> Files.exists(gate.resolve("reached")) || job.isDone());
        Wait.until("the victim holding keys", Duration.ofSeconds(30), () -> Jobs.currItems(victim) > 100 || job.isDone());
        assertFalse(job.isDone(), () -> "job ended before the kill: " + job.join().errorMessage());
        victim.kill();
        Files.createFile(gate.resolve("go"));
        return job.get();
    }

    @Test
    void redistributeMovesKeysWhereAnApplicationLooks() throws Exception {
        try (MemcachedServers pool = MemcachedServers.start(3)) {
            JobResult r = killMidJob(pool, "redistribute", 100);
            assertTrue(r.isSuccess(), r.errorMessage());
            // an application configured the same way (ketama, Redistribute) finds the keys written after the kill
            MemcachedClient app = Jobs.client(pool.servers(), ConnectionFactoryBuilder.Locator.CONSISTENT,
                    DefaultHashAlgorithm.KETAMA_HASH, FailureMode.Redistribute, 2);
            try {
                // Every key is either found by the application or unreachable for it too: spymemcached's
                // redistribution rehashes at most 7 times, so a few keys find no live node, for the writer (dirty)
                // as for the application (timeout). A definite miss would be an inconsistency.
                int found = 0;
                int unreachable = 0;
                List<String> misses = new java.util.ArrayList<>();
                for (int i = 3000; i < COUNT; i++) {
                    try {
                        if (app.asyncGet("k" + i).get(1, java.util.concurrent.TimeUnit.SECONDS) != null) {
                            found++;
                        } else {
                            misses.add("k" + i);
                        }
                    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                        unreachable++;
                    }
                }
                assertEquals(List.of(), misses);
                assertTrue(unreachable <= r.errorRecords(), unreachable + " unreachable, " + r.errorRecords() + " dirty");
                assertEquals(COUNT - 3000, found + unreachable);
            } finally {
                app.shutdown();
            }
            assertTrue(r.writeSucceedRecords() >= COUNT - 100, "written " + r.writeSucceedRecords());
        }
    }

    @Test
    void cancelMakesTheDeadNodesRecordsDirty() throws Exception {
        try (MemcachedServers pool = MemcachedServers.start(3)) {
            JobResult r = killMidJob(pool, "cancel", COUNT);
            assertTrue(r.isSuccess(), r.errorMessage());
            assertTrue(r.errorRecords() > 500, "dirty " + r.errorRecords());
            String dirty = Jobs.dirtyMessages(r);
            assertTrue(dirty.contains("on node " + pool.servers().get(1).address() + " failed"), dirty);
            // every record that is not dirty is on a live node
            long live = Jobs.currItems(pool.servers().get(0)) + Jobs.currItems(pool.servers().get(2));
            assertTrue(live >= COUNT - r.errorRecords() - 3000, "live " + live + ", dirty " + r.errorRecords());
        }
    }

    @Test
    void failStopsTheJobNamingTheNode() throws Exception {
        try (MemcachedServers pool = MemcachedServers.start(3)) {
            JobResult r = killMidJob(pool, "fail", COUNT);
            assertFalse(r.isSuccess());
            assertTrue(r.errorMessage().contains("MemcachedWriter-02") && r.errorMessage().contains("failureMode is fail"),
                    r.errorMessage());
        }
    }
}
