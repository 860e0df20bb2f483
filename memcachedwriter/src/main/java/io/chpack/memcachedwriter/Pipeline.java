package io.chpack.memcachedwriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.exception.DataXException;
import net.spy.memcached.CachedData;
import net.spy.memcached.MemcachedClient;
import net.spy.memcached.internal.OperationFuture;
import net.spy.memcached.ops.OperationStatus;
import net.spy.memcached.ops.StatusCode;

/**
 * Asynchronous, pipelined writes with at most {@code maxInFlightPerNode} operations outstanding per node: a
 * permit of the node's semaphore is taken before an operation is sent and given back in the operation's
 * completion listener, so the task thread blocks (backpressure) instead of buffering and memory stays bounded
 * by nodes × window × item size. Every status is checked; transient failures (cancelled by a lost connection,
 * timed out, temporary server errors) are retried with exponential backoff while the permit stays held;
 * outcomes that cannot be written are queued as dirty records and handed to the collector on the task thread.
 */
final class Pipeline {
    /** One record's write: its permit is held from submit until the final outcome. */
    static final class Item {
        final Record record;
        final String key;
        final CachedData data;
        final int exp;
        final int node;
        int attempt;

        Item(Record record, String key, CachedData data, int exp, int node) {
            this.record = record;
            this.key = key;
            this.data = data;
            this.exp = exp;
            this.node = node;
        }
    }

    /** One attempt of an Item: completed exactly once, by its listener or by the stale-operation sweep. */
    private static final class Attempt {
        final Item item;
        final long startNanos = System.nanoTime();
        final AtomicBoolean done = new AtomicBoolean();
        volatile OperationFuture<Boolean> future;

        Attempt(Item item) {
            this.item = item;
        }
    }

    static final class Failure {
        final Record record;
        final String reason;

        Failure(Record record, String reason) {
            this.record = record;
            this.reason = reason;
        }
    }

    private final MemcachedConfig c;
    private final Nodes nodes;
    private final Semaphore[] permits;
    private final Set<Attempt> inFlight = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final AtomicReference<RuntimeException> fatal = new AtomicReference<>();
    private final ScheduledExecutorService retryTimer;
    private final Verifier verifier;
    private final AtomicLong outstanding = new AtomicLong();
    private final Object idle = new Object();

    final AtomicLong written = new AtomicLong();
    final AtomicLong notStored = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong dirty = new AtomicLong();
    final AtomicLong[] perNode;

    Pipeline(MemcachedConfig c, Nodes nodes, Verifier verifier) {
        this.c = c;
        this.nodes = nodes;
        this.verifier = verifier;
        this.permits = new Semaphore[nodes.size()];
        this.perNode = new AtomicLong[nodes.size()];
        for (int i = 0; i < permits.length; i++) {
            permits[i] = new Semaphore(c.maxInFlightPerNode);
            perNode[i] = new AtomicLong();
        }
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "memcachedwriter-retry");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true);
        this.retryTimer = t;
    }

    /** Sends one write; blocks while the node's window is full. Throws the fatal error of failureMode fail. */
    void submit(Item item) throws InterruptedException {
        throwIfFatal();
        Semaphore s = permits[item.node];
        while (!s.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            throwIfFatal();
            sweep();
        }
        outstanding.incrementAndGet();
        start(item);
    }

    private void start(Item item) {
        Attempt a = new Attempt(item);
        inFlight.add(a);
        OperationFuture<Boolean> f;
        try {
            f = issue(item);
        } catch (IllegalArgumentException e) { // spymemcached refused the key or value
            complete(a, null, "rejected by the client: " + e.getMessage(), false);
            return;
        } catch (RuntimeException e) { // queue full past opTimeout, client shutting down
            complete(a, null, e.toString(), true);
            return;
        }
        a.future = f;
        f.addListener(done -> onComplete(a, done));
    }

    private OperationFuture<Boolean> issue(Item it) {
        MemcachedClient cl = nodes.client(it.node);
        CachedDataTranscoder tc = CachedDataTranscoder.INSTANCE;
        switch (c.mode) {
            case ADD:
                return cl.add(it.key, it.exp, it.data, tc);
            case REPLACE:
                return cl.replace(it.key, it.exp, it.data, tc);
            case APPEND:
                return cl.append(it.key, it.data, tc);
            case PREPEND:
                return cl.prepend(it.key, it.data, tc);
            case DELETE:
                return cl.delete(it.key);
            case TOUCH:
                return cl.touch(it.key, it.exp);
            default:
                return cl.set(it.key, it.exp, it.data, tc);
        }
    }

    private void onComplete(Attempt a, OperationFuture<?> f) {
        OperationStatus st = f.getStatus();
        if (st != null && st.isSuccess()) {
            if (!a.done.compareAndSet(false, true)) {
                return;
            }
            inFlight.remove(a);
            written.incrementAndGet();
            perNode[a.item.node].incrementAndGet();
            if (verifier != null) {
                verifier.offer(a.item.key, a.item.data, a.item.node);
            }
            release(a.item);
            return;
        }
        StatusCode code = st == null ? null : st.getStatusCode();
        String msg = st == null ? "no status" : st.getMessage();
        if (code == StatusCode.ERR_NOT_STORED || code == StatusCode.ERR_NOT_FOUND || code == StatusCode.ERR_EXISTS) {
            if (!a.done.compareAndSet(false, true)) {
                return;
            }
            inFlight.remove(a);
            if (c.notStored == MemcachedConfig.NotStored.COUNT) {
                notStored.incrementAndGet();
            } else {
                failures.add(new Failure(a.item.record, notStoredReason(code, msg)));
                dirty.incrementAndGet();
            }
            release(a.item);
            return;
        }
        boolean tooBig = code == StatusCode.ERR_2BIG || (msg != null && msg.toLowerCase().contains("too large"));
        boolean permanent = tooBig || code == StatusCode.ERR_INVAL || code == StatusCode.ERR_NOT_SUPPORTED
                || code == StatusCode.ERR_UNKNOWN_COMMAND || code == StatusCode.ERR_DELTA_BADVAL;
        complete(a, code, (tooBig ? "item too large for the server: " : "") + msg, !permanent);
    }

    private String notStoredReason(StatusCode code, String msg) {
        switch (c.mode) {
            case ADD:
                return "add: key exists, not stored (" + msg + ")";
            case REPLACE:
                return "replace: key does not exist, not stored (" + msg + ")";
            case APPEND:
            case PREPEND:
                return MemcachedConfig.lower(c.mode) + ": key does not exist, not stored (" + msg + ")";
            case DELETE:
                return "delete: key not found (" + msg + ")";
            case TOUCH:
                return "touch: key not found (" + msg + ")";
            default:
                return "set: not stored (" + msg + ")";
        }
    }

    /** A failed attempt: retry (permit kept) or the final outcome. */
    private void complete(Attempt a, StatusCode code, String reason, boolean transientFailure) {
        if (!a.done.compareAndSet(false, true)) {
            return;
        }
        inFlight.remove(a);
        Item it = a.item;
        String node = nodes.servers.get(it.node);
        if (transientFailure && it.attempt < c.retries && c.mode.idempotent()) {
            it.attempt++;
            retried.incrementAndGet();
            long delay = Math.min(c.retryBackoffMaxMs, c.retryBackoffMs << Math.min(it.attempt - 1, 20));
            try {
                retryTimer.schedule(() -> start(it), delay, TimeUnit.MILLISECONDS);
                return;
            } catch (RejectedExecutionException e) {
                reason = reason + " (retry not scheduled: the task is closing)";
            }
        }
        if (transientFailure && c.failureMode == MemcachedConfig.FailureMode.FAIL) {
            fatal.compareAndSet(null, DataXException.asDataXException(MemcachedWriterErrorCode.NODE_DOWN,
                    "writing key '" + it.key + "' (primary node " + node + ") failed after " + (it.attempt + 1)
                            + " attempts: " + reason + "; failureMode is fail"));
        }
        String why = MemcachedConfig.lower(c.mode) + " '" + it.key + "' on node " + node + " failed";
        if (transientFailure && !c.mode.idempotent()) {
            why += " and was not retried (" + MemcachedConfig.lower(c.mode) + " is not idempotent; it may or may not have been applied)";
        } else if (transientFailure) {
            why += " after " + (it.attempt + 1) + " attempts";
        }
        failures.add(new Failure(it.record, why + ": " + reason));
        dirty.incrementAndGet();
        release(it);
    }

    private void release(Item it) {
        permits[it.node].release();
        if (outstanding.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /**
     * Cancels operations without an answer after opTimeout: spymemcached times out only operations it has not
     * sent, and keeps those it had queued for a node that died (and those it could not redistribute) there.
     */
    void sweep() {
        long limit = TimeUnit.MILLISECONDS.toNanos(c.opTimeoutMs);
        long now = System.nanoTime();
        List<Attempt> stale = new ArrayList<>();
        for (Attempt a : inFlight) {
            if (a.future != null && now - a.startNanos > limit) {
                stale.add(a);
            }
        }
        for (Attempt a : stale) {
            a.future.cancel(true);
            complete(a, StatusCode.TIMEDOUT, "no answer within opTimeoutMs " + c.opTimeoutMs + " ms", true);
        }
    }

    /** Dirty records found so far, for the task thread's collector. */
    Failure pollFailure() {
        return failures.poll();
    }

    void throwIfFatal() {
        RuntimeException e = fatal.get();
        if (e != null) {
            throw e;
        }
    }

    /** Waits until every write has its final outcome. */
    void finish() throws InterruptedException {
        synchronized (idle) {
            while (outstanding.get() > 0) {
                idle.wait(100);
                sweep();
            }
        }
    }

    void close() {
        retryTimer.shutdownNow();
    }
}
