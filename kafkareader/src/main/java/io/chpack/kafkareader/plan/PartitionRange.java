package io.chpack.kafkareader.plan;

import java.util.Comparator;

/** Offsets [start, end) of one partition that one run reads. */
public final class PartitionRange {
    public static final Comparator<PartitionRange> ORDER = new Comparator<PartitionRange>() {
        @Override
        public int compare(PartitionRange a, PartitionRange b) {
            int c = a.topic.compareTo(b.topic);
            return c != 0 ? c : Integer.compare(a.partition, b.partition);
        }
    };

    public final String topic;
    public final int partition;
    public final long start;
    public final long end;

    public PartitionRange(String topic, int partition, long start, long end) {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range " + topic + "/" + partition + " [" + start + ", " + end + ")");
        }
        this.topic = topic;
        this.partition = partition;
        this.start = start;
        this.end = end;
    }

    public long size() {
        return end - start;
    }

    public String tp() {
        return topic + "/" + partition;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PartitionRange)) {
            return false;
        }
        PartitionRange r = (PartitionRange) o;
        return r.topic.equals(topic) && r.partition == partition && r.start == start && r.end == end;
    }

    @Override
    public int hashCode() {
        return topic.hashCode() * 31 + partition * 17 + Long.valueOf(start).hashCode() + Long.valueOf(end).hashCode();
    }

    @Override
    public String toString() {
        return tp() + "[" + start + "," + end + ")";
    }
}
