package io.chpack.clickhousewriter.block;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

import com.alibaba.datax.common.element.Record;

/**
 * Source block keys: a reader that knows deterministic source ranges (kafkareader: topic/partition/offset window)
 * puts {@value #META_KEY} into the record meta. In dedup mode the writer then ends a block where the key changes
 * and names the block after the key ({@link Block#sourceLabel}: {@code <key>.<n>}, n counting the blocks one key
 * yields when batchSize/batchByteSize/partitions cut it further), so its deduplication token depends on the source
 * range, not on the job id, the task or the block's position in the task.
 *
 * <p>Record meta ({@code Map<String,String> getMeta()}) exists on DataX's Record since 2022 only; older engines and
 * the chpack runner pass the reader's own record object through unchanged, so the getter is looked up by
 * reflection on the record's class (once per class). Records without it, or without the key, are cut as before.
 */
public final class SourceBlockKey {
    public static final String META_KEY = "chpack.blockKey";

    private static final ClassValue<Method> GETTER = new ClassValue<Method>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                Method m = type.getMethod("getMeta");
                if (!Map.class.isAssignableFrom(m.getReturnType())) {
                    return null;
                }
                try {
                    m.setAccessible(true);
                } catch (RuntimeException e) {
                    // public anyway
                }
                return m;
            } catch (NoSuchMethodException | SecurityException e) {
                return null;
            }
        }
    };

    private String current;
    private int sub;

    /** The record's source block key, or null. */
    public static String of(Record r) {
        Method m = GETTER.get(r.getClass());
        if (m == null) {
            return null;
        }
        Object meta;
        try {
            meta = m.invoke(r);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
        if (!(meta instanceof Map)) {
            return null;
        }
        Object v = ((Map<?, ?>) meta).get(META_KEY);
        return v == null ? null : v.toString();
    }

    /** True when a record with this key must start a new block (call {@link #start} after cutting). */
    public boolean changes(String key) {
        return key != null && !key.equals(current);
    }

    /** The key of the rows that follow; the next block is its first. */
    public void start(String key) {
        current = key;
        sub = 0;
    }

    /** The label of the block being finished, or null when no key was seen. */
    public String label() {
        return current == null ? null : text(current) + "." + sub;
    }

    /** The block labelled by {@link #label} was written; the next one of the same key gets the next number. */
    public void blockWritten() {
        sub++;
    }

    /** The key itself when short and plain, else {@code h} + 16 hex digits of its SHA-256. */
    static String text(String key) {
        if (key.length() <= 160) {
            boolean plain = true;
            for (int i = 0; i < key.length() && plain; i++) {
                char c = key.charAt(i);
                plain = c > 0x20 && c < 0x7f;
            }
            if (plain) {
                return key;
            }
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder("h");
            for (int i = 0; i < 8; i++) {
                sb.append(String.format("%02x", d[i] & 0xff));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
