package com.alibaba.datax.common.plugin;

import java.util.List;
import java.util.Map;

/** Gives a Job the messages its tasks sent with {@link TaskPluginCollector#collectMessage}. */
public interface JobPluginCollector extends PluginCollector {

    Map<String, List<String>> getMessage();

    List<String> getMessage(String key);
}
