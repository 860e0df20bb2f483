package io.chpack.aurorareader.conn;

import java.util.Objects;

/** One database instance a split may read from: its name (RDS instance id or host:port), role and URL. */
public final class Instance {
    public enum Role { WRITER, READER, UNKNOWN }

    public final String id;
    public final Role role;
    public final JdbcTarget target;

    public Instance(String id, Role role, JdbcTarget target) {
        this.id = Objects.requireNonNull(id);
        this.role = role;
        this.target = target;
    }

    /** Serialised into a split: {@code id|role|url}. */
    public String encode() {
        return id + "|" + role.name() + "|" + target.url();
    }

    public static Instance decode(String s) {
        int a = s.indexOf('|');
        int b = s.indexOf('|', a + 1);
        return new Instance(s.substring(0, a), Role.valueOf(s.substring(a + 1, b)), JdbcTarget.parse(s.substring(b + 1)));
    }

    @Override
    public String toString() {
        return id + " (" + role.name().toLowerCase(java.util.Locale.ROOT) + ", " + target.address() + ")";
    }
}
