package io.chpack.memcachedwriter;

import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import net.spy.memcached.DefaultHashAlgorithm;

/** Hash names accepted by {@code parameter.hash} and the spymemcached algorithm behind each. */
final class Ring {
    static final Map<String, DefaultHashAlgorithm> HASHES;

    static {
        Map<String, DefaultHashAlgorithm> m = new LinkedHashMap<>();
        m.put("ketama", DefaultHashAlgorithm.KETAMA_HASH);
        m.put("native", DefaultHashAlgorithm.NATIVE_HASH);
        m.put("crc", DefaultHashAlgorithm.CRC_HASH);
        m.put("fnv1_32", DefaultHashAlgorithm.FNV1_32_HASH);
        m.put("fnv1a_32", DefaultHashAlgorithm.FNV1A_32_HASH);
        m.put("fnv1_64", DefaultHashAlgorithm.FNV1_64_HASH);
        m.put("fnv1a_64", DefaultHashAlgorithm.FNV1A_64_HASH);
        HASHES = Collections.unmodifiableMap(m);
    }

    private Ring() {
    }

    /**
     * The name a server has on spymemcached's ketama continuum ({@code KetamaNodeKeyFormatter.Format.SPYMEMCACHED}):
     * {@code String.valueOf(InetSocketAddress)} without a leading '/': {@code 127.0.0.1:11211} for an IP literal,
     * {@code cache1/10.0.0.5:11211} for a host name.
     */
    static String spymemcachedName(InetSocketAddress a) {
        String s = String.valueOf(a);
        return s.startsWith("/") ? s.substring(1) : s;
    }

    /** libmemcached's form: the host as configured, plus {@code :port} when the port is not 11211. */
    static String libmemcachedName(InetSocketAddress a) {
        return a.getPort() == 11211 ? a.getHostString() : a.getHostString() + ":" + a.getPort();
    }
}
