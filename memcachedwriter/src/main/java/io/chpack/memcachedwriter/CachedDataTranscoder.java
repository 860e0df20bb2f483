package io.chpack.memcachedwriter;

import net.spy.memcached.CachedData;
import net.spy.memcached.transcoders.Transcoder;

/** Passes the bytes and flags the writer built straight through spymemcached; reads back the same way. */
final class CachedDataTranscoder implements Transcoder<CachedData> {
    static final CachedDataTranscoder INSTANCE = new CachedDataTranscoder();
    /** No client-side size cap: the servers' item_size_max is checked by the writer, and the server decides. */
    static final int MAX = Integer.MAX_VALUE;

    @Override
    public boolean asyncDecode(CachedData d) {
        return false;
    }

    @Override
    public CachedData encode(CachedData o) {
        return o;
    }

    @Override
    public CachedData decode(CachedData d) {
        return d;
    }

    @Override
    public int getMaxSize() {
        return MAX;
    }
}
