package io.chpack.odpswriterext.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How Job.post learns the upload sessions that tasks opened for dynamic partitions: a registry in the plugin's
 * class loader, keyed by a job key made in Job.split. DataX standalone (and the chpack runner) load a plugin's
 * Job and all of its Tasks through one class loader per plugin, so they share this registry. The first task that
 * meets a partition value creates the partition and its one upload session here; the others reuse it, each
 * writing its own block-id range ({@link BlockIds}). A task that does not find its job here (tasks in another
 * process) fails at once, and Job.post refuses to commit unless every task reported success here, so a mode in
 * which the registry is not shared can never commit a partial job.
 */
public final class SessionRegistry {
    /** Creates the partition and its upload session; returns the session. */
    public interface SessionFactory<S> {
        S create(String spec);
    }

    /** The sessions and task results of one job. */
    public static final class JobSessions {
        private final int taskCount;
        private final Map<String, Object> sessions = new LinkedHashMap<>();
        private final BitSet done = new BitSet();

        JobSessions(int taskCount) {
            this.taskCount = taskCount;
        }

        /** The session of {@code spec}, created once for the whole job. */
        @SuppressWarnings("unchecked")
        public synchronized <S> S session(String spec, SessionFactory<S> factory) {
            Object s = sessions.get(spec);
            if (s == null) {
                s = factory.create(spec);
                sessions.put(spec, s);
            }
            return (S) s;
        }

        public synchronized void taskDone(int taskIndex) {
            done.set(taskIndex);
        }

        /** Task indexes that did not report success. */
        public synchronized List<Integer> missingTasks() {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < taskCount; i++) {
                if (!done.get(i)) {
                    out.add(i);
                }
            }
            return out;
        }

        /** Spec → session, in creation order. */
        public synchronized Map<String, Object> sessions() {
            return new LinkedHashMap<>(sessions);
        }
    }

    private static final Map<String, JobSessions> JOBS = new ConcurrentHashMap<>();

    private SessionRegistry() {
    }

    public static JobSessions register(String jobKey, int taskCount) {
        JobSessions j = new JobSessions(taskCount);
        JOBS.put(jobKey, j);
        return j;
    }

    /** Null when the job is not registered in this class loader. */
    public static JobSessions find(String jobKey) {
        return JOBS.get(jobKey);
    }

    public static void remove(String jobKey) {
        if (jobKey != null) {
            JOBS.remove(jobKey);
        }
    }
}
