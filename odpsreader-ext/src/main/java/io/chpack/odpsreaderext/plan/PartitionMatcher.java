package io.chpack.odpsreaderext.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.alibaba.datax.common.exception.DataXException;

import io.chpack.odpsreaderext.OdpsReaderErrorCode;

/**
 * One {@code partition} entry: {@code pt=2026*,hh=0?} (also {@code /} as separator, values optionally quoted),
 * {@code *} for every partition. Keys not named match any value; {@code *} matches any run of characters and
 * {@code ?} one character; everything else is literal.
 */
public final class PartitionMatcher {
    private final String text;
    private final Map<String, Pattern> keys = new LinkedHashMap<>();

    public PartitionMatcher(String text, List<String> partitionKeys) {
        this.text = text;
        String s = text.trim();
        if (s.equals("*")) {
            return;
        }
        for (String part : s.split("[,/]")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw error("partition '" + text + "' is not of the form key=value[,key=value...] (or *)");
            }
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1).trim();
            if (value.length() >= 2 && (value.charAt(0) == '\'' || value.charAt(0) == '"')
                    && value.charAt(value.length() - 1) == value.charAt(0)) {
                value = value.substring(1, value.length() - 1);
            }
            if (!partitionKeys.contains(key)) {
                throw error("partition '" + text + "' names '" + key + "', which is not a partition key (the table's "
                        + "keys: " + partitionKeys + ")");
            }
            if (value.isEmpty()) {
                throw error("partition '" + text + "': '" + key + "' has an empty value");
            }
            if (keys.put(key, glob(value)) != null) {
                throw error("partition '" + text + "' names '" + key + "' twice");
            }
        }
    }

    private static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (char c : g.toCharArray()) {
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    /** {@code spec}: lower-cased key → value of one existing partition. */
    public boolean matches(Map<String, String> spec) {
        for (Map.Entry<String, Pattern> e : keys.entrySet()) {
            String v = spec.get(e.getKey());
            if (v == null || !e.getValue().matcher(v).matches()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }

    /** The existing partitions (in the given order) matched by any pattern; a pattern matching none is an error. */
    public static List<Map<String, String>> select(List<String> patterns, List<String> keys,
            List<Map<String, String>> existing) {
        List<PartitionMatcher> ms = new ArrayList<>();
        for (String p : patterns) {
            ms.add(new PartitionMatcher(p, keys));
        }
        List<Map<String, String>> out = new ArrayList<>();
        boolean[] used = new boolean[ms.size()];
        for (Map<String, String> spec : existing) {
            boolean hit = false;
            for (int i = 0; i < ms.size(); i++) {
                if (ms.get(i).matches(spec)) {
                    used[i] = true;
                    hit = true;
                }
            }
            if (hit) {
                out.add(spec);
            }
        }
        for (int i = 0; i < ms.size(); i++) {
            if (!used[i]) {
                throw DataXException.asDataXException(OdpsReaderErrorCode.PARTITION_ERROR, "partition '" + ms.get(i)
                        + "' matches no partition of the table (" + existing.size() + " partitions)");
            }
        }
        return out;
    }

    private static DataXException error(String m) {
        return DataXException.asDataXException(OdpsReaderErrorCode.PARTITION_ERROR, m);
    }
}
