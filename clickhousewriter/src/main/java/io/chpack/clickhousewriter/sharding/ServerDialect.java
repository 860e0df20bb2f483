package io.chpack.clickhousewriter.sharding;

/**
 * Where ClickHouse versions disagree on the meaning of a sharding key. So far one thing: the result type of
 * {@code a % b}, which decides how a negative remainder is widened before shard selection.
 *
 * <ul>
 * <li>{@link #LEGACY} (before 21.3; verified on 18.16.1): signed if either operand is signed, as wide as
 * {@code b} ({@code toInt64(x) % 4} is Int8, {@code toUInt64(x) % toInt8(3)} is Int8).</li>
 * <li>{@link #CURRENT} (21.3 on, after ClickHouse PR #20067 for issue #20052; verified on 26.7): signed if
 * {@code a} is signed, and then twice as wide as {@code b} up to 8 bytes ({@code toInt64(x) % 4} is Int16,
 * {@code toUInt64(x) % toInt8(3)} is UInt8).</li>
 * </ul>
 * Versions in between were not run here; the prepare-time {@link ShardingSelfCheck} compares the server's
 * {@code toTypeName} of the key with ours, so a wrong guess is caught before any row is routed.
 */
public enum ServerDialect {
    LEGACY, CURRENT;

    /** The dialect for a {@code version()} string such as {@code 18.16.1} or {@code 26.7.2.1}. */
    public static ServerDialect forVersion(String version) {
        String[] parts = version.trim().split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major < 21 || (major == 21 && minor < 3) ? LEGACY : CURRENT;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cannot read ClickHouse version '" + version + "'", e);
        }
    }

    /** The type of {@code a % b}. */
    IntType moduloType(IntType a, IntType b) {
        if (this == LEGACY) {
            return IntType.of(a.isSigned() || b.isSigned(), b.width());
        }
        return a.isSigned() ? IntType.of(true, Math.min(2 * b.width(), 8)) : IntType.of(false, b.width());
    }
}
