package com.alibaba.datax.common.constant;

/** Keys shared between plugins and the engine. */
public final class CommonConstant {

    /**
     * Key a plugin sets in each slice to name the resource (host, shard...) it loads, so the engine can
     * interleave tasks across resources. Deliberately not final: the engine's field is not, and a final
     * field here would be inlined into plugins instead of linked.
     */
    public static String LOAD_BALANCE_RESOURCE_MARK = "loadBalanceResourceMark";
}
