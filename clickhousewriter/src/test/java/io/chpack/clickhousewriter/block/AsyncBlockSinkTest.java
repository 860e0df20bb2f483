package io.chpack.clickhousewriter.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.alibaba.datax.common.exception.DataXException;

class AsyncBlockSinkTest {

    /** Records what it receives (copies, as a real sink's wire would) and can fail or block on request. */
    private static final class RecordingSink implements BlockSink {
        final List<String> labels = new ArrayList<>();
        final List<byte[]> bytes = new ArrayList<>();
        final List<int[]> rowEnds = new ArrayList<>();
        final AtomicInteger inFlight = new AtomicInteger();
        volatile int maxInFlight;
        volatile String failOn;
        volatile CountDownLatch gate;
        boolean closed;

        @Override
        public void write(Block block) {
            maxInFlight = Math.max(maxInFlight, inFlight.incrementAndGet());
            try {
                if (gate != null) {
                    gate.await(10, TimeUnit.SECONDS);
                }
                if (block.label.equals(failOn)) {
                    throw new IllegalStateException("server said no to " + block.label);
                }
                labels.add(block.label);
                bytes.add(Arrays.copyOfRange(block.bytes, block.offset, block.offset + block.length));
                rowEnds.add(block.rowEnds.clone());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static Block block(long number, byte[] buffer, int offset, int... rowLengths) {
        int[] ends = new int[rowLengths.length];
        int end = offset;
        for (int i = 0; i < rowLengths.length; i++) {
            end += rowLengths[i];
            ends[i] = end;
        }
        return new Block(number, Long.toString(number), buffer, offset, end - offset, rowLengths.length, ends);
    }

    @Test
    void deliversIdenticalBlocksInOrderWhileTheCallerReusesItsBuffer() {
        RecordingSink inner = new RecordingSink();
        AsyncBlockSink sink = new AsyncBlockSink(inner, "test-send");
        byte[] shared = new byte[64];
        List<byte[]> expected = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            Arrays.fill(shared, (byte) n); // the assembler reuses one buffer for every block
            shared[3] = (byte) (n * 7);
            Block b = block(n, shared, 2, 3, 5, 1);
            expected.add(Arrays.copyOfRange(shared, 2, 11));
            sink.write(b);
        }
        sink.flush();
        assertEquals(20, inner.labels.size());
        for (int n = 0; n < 20; n++) {
            assertEquals(Integer.toString(n), inner.labels.get(n));
            assertArrayEquals(expected.get(n), inner.bytes.get(n), "block " + n);
            assertArrayEquals(new int[] {3, 8, 9}, inner.rowEnds.get(n), "row ends are rebased to the copy");
        }
        assertEquals(1, inner.maxInFlight);
        sink.close();
        assertTrue(inner.closed);
    }

    @Test
    void writeReturnsBeforeTheBlockIsSentAndAtMostOneIsInFlight() throws Exception {
        RecordingSink inner = new RecordingSink();
        inner.gate = new CountDownLatch(1);
        AsyncBlockSink sink = new AsyncBlockSink(inner, "test-send");
        sink.write(block(0, new byte[8], 0, 4, 4)); // returns although the delegate is blocked
        assertTrue(inner.labels.isEmpty());
        Thread second = new Thread(() -> sink.write(block(1, new byte[8], 0, 8)));
        second.start();
        second.join(300);
        assertTrue(second.isAlive(), "the second write waits for the first block");
        inner.gate.countDown();
        second.join(10_000);
        assertFalse(second.isAlive());
        sink.flush();
        assertEquals(List.of("0", "1"), inner.labels);
        assertEquals(1, inner.maxInFlight);
        sink.close();
    }

    @Test
    void aFailureSurfacesAtTheNextCallAndStopsLaterBlocks() {
        RecordingSink inner = new RecordingSink();
        inner.failOn = "1";
        AsyncBlockSink sink = new AsyncBlockSink(inner, "test-send");
        sink.write(block(0, new byte[4], 0, 4));
        sink.write(block(1, new byte[4], 0, 4));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sink.write(block(2, new byte[4], 0, 4)));
        assertEquals("server said no to 1", e.getMessage());
        assertThrows(DataXException.class, sink::flush);
        assertEquals(List.of("0"), inner.labels);
        sink.close();
        assertTrue(inner.closed);
    }

    @Test
    void flushRethrowsTheLastBlocksFailureAsIs() {
        RecordingSink inner = new RecordingSink();
        inner.failOn = "0";
        AsyncBlockSink sink = new AsyncBlockSink(inner, "test-send");
        sink.write(block(0, new byte[4], 0, 2, 2));
        IllegalStateException e = assertThrows(IllegalStateException.class, sink::flush);
        assertEquals("server said no to 0", e.getMessage());
        sink.close();
    }

    @Test
    void theSwitchTurnsItOff() {
        RecordingSink inner = new RecordingSink();
        System.setProperty(AsyncBlockSink.ENABLED_PROPERTY, "false");
        try {
            assertSame(inner, AsyncBlockSink.wrap(inner, "x"));
        } finally {
            System.clearProperty(AsyncBlockSink.ENABLED_PROPERTY);
        }
        BlockSink wrapped = AsyncBlockSink.wrap(inner, "x");
        assertTrue(wrapped instanceof AsyncBlockSink);
        wrapped.close();
    }
}
