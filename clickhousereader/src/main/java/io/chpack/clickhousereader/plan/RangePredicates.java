package io.chpack.clickhousereader.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * WHERE clauses that cut a key into ranges at given boundaries, such that every row falls into exactly one:
 * {@code k < b1}, {@code NOT (k < b1) AND k < b2}, ..., {@code NOT (k < bn)}, plus {@code isNull(k)} for a
 * Nullable key. The "NOT (k &lt; b)" form (rather than {@code k >= b}) is the exact complement of the previous
 * range for every non-NULL value, NaN included (NaN &lt; b and NaN &gt;= b are both false, so {@code k >= b}
 * would lose NaN rows); the primary key index still applies to it (checked on 18.16 with
 * {@code force_primary_key=1}). NULL compares as NULL, so NULL keys fall into no range but the isNull one.
 */
public final class RangePredicates {
    private RangePredicates() {
    }

    /**
     * @param key the key expression
     * @param literals strictly increasing boundary literals; empty means one range (everything)
     * @param nullable whether the key can be NULL (adds the isNull split)
     */
    public static List<String> build(String key, List<String> literals, boolean nullable) {
        List<String> out = new ArrayList<String>();
        String k = "(" + key + ")";
        if (literals.isEmpty()) {
            out.add("1");
            return out;
        }
        out.add(k + " < " + literals.get(0));
        for (int i = 1; i < literals.size(); i++) {
            out.add("NOT (" + k + " < " + literals.get(i - 1) + ") AND " + k + " < " + literals.get(i));
        }
        out.add("NOT (" + k + " < " + literals.get(literals.size() - 1) + ")");
        if (nullable) {
            out.add("isNull" + k);
        }
        return out;
    }
}
