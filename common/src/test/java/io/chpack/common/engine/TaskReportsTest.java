package io.chpack.common.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TaskReportsTest {
    @Test
    void tasksAddAndTheJobReadsTheSums() throws Exception {
        String run = TaskReports.open();
        List<Thread> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread th = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    assertTrue(TaskReports.add(run, "written", 1));
                }
                TaskReports.add(run, "dirty", 2);
            });
            tasks.add(th);
            th.start();
        }
        for (Thread th : tasks) {
            th.join();
        }
        Map<String, Long> sums = TaskReports.read(run);
        assertEquals(8000L, sums.get("written"));
        assertEquals(16L, sums.get("dirty"));
        TaskReports.close(run);
        assertNull(TaskReports.read(run));
    }

    @Test
    void runsAreSeparateAndUnknownRunsSaySo() {
        String a = TaskReports.open();
        String b = TaskReports.open();
        TaskReports.add(a, "n", 5);
        assertEquals(Map.of("n", 5L), TaskReports.read(a));
        assertEquals(Map.of(), TaskReports.read(b));
        assertFalse(TaskReports.add("not-a-run", "n", 1));
        assertFalse(TaskReports.add(null, "n", 1));
        assertNull(TaskReports.read(null));
        TaskReports.close(a);
        TaskReports.close(b);
    }
}
