package io.chpack.kafkareader.config;

/** Where offsets live instead of the consumer group: a local file or a ZooKeeper node. */
public final class CheckpointSpec {
    public enum Kind { FILE, ZOOKEEPER }

    public final Kind kind;
    /** File path, or the znode path. */
    public final String path;
    /** ZooKeeper connect string (null for FILE). */
    public final String zookeeper;
    public final int sessionTimeoutMs;

    public CheckpointSpec(Kind kind, String path, String zookeeper, int sessionTimeoutMs) {
        this.kind = kind;
        this.path = path;
        this.zookeeper = zookeeper;
        this.sessionTimeoutMs = sessionTimeoutMs;
    }

    @Override
    public String toString() {
        return kind == Kind.FILE ? "file " + path : "zookeeper " + zookeeper + path;
    }
}
