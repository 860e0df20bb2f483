package com.alibaba.datax.common.util;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's {@code ${name}} substitution in job text: {@code datax.py -p"-Dname=value"} sets system
 * properties and every {@code $name} / {@code ${name}} in the job JSON takes the value. Like the engine,
 * the braces are optional, and a reference to an undefined or blank property is left as written.
 */
final class SystemPropertyVariables {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)\\}?");

    private SystemPropertyVariables() {
    }

    static String replace(String text) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuffer sb = new StringBuffer(text.length());
        while (matcher.find()) {
            String value = System.getProperty(matcher.group(1));
            String replacement = value == null || value.trim().isEmpty() ? matcher.group() : value;
            matcher.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(sb);
        return sb.toString();
    }
}
