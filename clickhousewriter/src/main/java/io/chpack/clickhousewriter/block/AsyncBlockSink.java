package io.chpack.clickhousewriter.block;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.alibaba.datax.common.exception.DataXException;

import io.chpack.clickhousewriter.WriterErrorCode;

/**
 * Sends blocks on a background thread so the task encodes block n+1 while block n is on the wire and in the
 * server: without it the task thread waits for every INSERT's answer, the reader stalls behind the full channel,
 * and encoder and server take turns instead of working at the same time.
 *
 * <p>At most one block is in flight. {@link #write} copies the block (bytes and row ends) into this sink's own
 * buffer, waits for the previous block to finish (rethrowing its failure) and hands the copy to the sender, so
 * the caller may reuse its buffer at once, as the {@link BlockSink} contract allows. Memory: two blocks (the
 * assembler's and the copy). Everything the delegate decides stays as it was: blocks reach it one at a time, in
 * order, with the same numbers and bytes, so retries resend identical bytes and dedup tokens, query ids and the
 * landing check are unchanged. A failure surfaces at the next {@link #write}, at {@link #flush} (the task calls
 * it after its last block) or at {@link #close}; blocks after a failed one are never sent.
 */
public final class AsyncBlockSink implements BlockSink {
    /** Diagnostic switch (benchmarks): {@code -Dchpack.clickhousewriter.asyncSend=false} sends on the task thread. */
    public static final String ENABLED_PROPERTY = "chpack.clickhousewriter.asyncSend";

    private final BlockSink delegate;
    private final ExecutorService sender;
    private byte[] copy = new byte[0];
    private Future<?> inFlight;
    private boolean failed;

    AsyncBlockSink(BlockSink delegate, String threadName) {
        this.delegate = delegate;
        final ClassLoader loader = Thread.currentThread().getContextClassLoader();
        this.sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            return t;
        });
    }

    /** Wraps {@code sink} unless the diagnostic switch turns sending on a separate thread off. */
    public static BlockSink wrap(BlockSink sink, String threadName) {
        if (!Boolean.parseBoolean(System.getProperty(ENABLED_PROPERTY, "true"))) {
            return sink;
        }
        return new AsyncBlockSink(sink, threadName);
    }

    @Override
    public void write(Block block) {
        awaitInFlight();
        if (copy.length < block.length) {
            copy = new byte[Math.max(block.length, (int) Math.min(Integer.MAX_VALUE - 16, copy.length * 3L / 2))];
        }
        System.arraycopy(block.bytes, block.offset, copy, 0, block.length);
        int[] ends = new int[block.rows];
        for (int i = 0; i < ends.length; i++) {
            ends[i] = block.rowEnds[i] - block.offset;
        }
        final Block own = new Block(block.number, block.label, copy, 0, block.length, block.rows, ends,
                block.sourceLabel);
        inFlight = sender.submit(() -> delegate.write(own));
    }

    /** Waits until the block in flight is written; rethrows its failure. */
    @Override
    public void flush() {
        awaitInFlight();
        delegate.flush();
    }

    private void awaitInFlight() {
        if (failed) {
            throw DataXException.asDataXException(WriterErrorCode.WRITE_FATAL, "an earlier block failed; not writing more");
        }
        Future<?> f = inFlight;
        if (f == null) {
            return;
        }
        inFlight = null;
        try {
            f.get();
        } catch (ExecutionException e) {
            failed = true;
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw DataXException.asDataXException(WriterErrorCode.WRITE_FATAL, "sending a block failed: " + cause, cause);
        } catch (InterruptedException e) {
            failed = true;
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw DataXException.asDataXException(WriterErrorCode.WRITE_FATAL, "interrupted while a block was being sent");
        }
    }

    /**
     * Closes after a successful {@link #flush} or after the task failed: a block still in flight then gets a
     * minute to finish (its failure is not rethrown, the task has failed already), then is interrupted, which the
     * write modes treat like a killed process.
     */
    @Override
    public void close() {
        Future<?> f = inFlight;
        inFlight = null;
        if (f != null) {
            try {
                f.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // reported by flush()/write() when the task was still running; nothing more to do here
            } catch (java.util.concurrent.TimeoutException e) {
                f.cancel(true);
            } catch (InterruptedException e) {
                f.cancel(true);
                Thread.currentThread().interrupt();
            }
        }
        sender.shutdownNow();
        try {
            sender.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delegate.close();
    }
}
