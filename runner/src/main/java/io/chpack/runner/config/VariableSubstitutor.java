package io.chpack.runner.config;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DataX's job-text substitution: {@code $name} and {@code ${name}} take the value of a variable
 * ({@code -p "-Dname=value"}, i.e. a system property); undefined or blank ones are left as written.
 * Variables passed to the engine directly win over system properties, so tests and embedders need
 * not touch global state.
 */
public final class VariableSubstitutor {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)\\}?");
    private static final Pattern BRACED = Pattern.compile("\\$\\{(\\w+)\\}");

    private final Map<String, String> variables;

    public VariableSubstitutor(Map<String, String> variables) {
        this.variables = variables;
    }

    public String substitute(String text) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuffer sb = new StringBuffer(text.length());
        while (matcher.find()) {
            String value = lookup(matcher.group(1));
            String replacement = value == null || value.trim().isEmpty() ? matcher.group() : value;
            matcher.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(sb);
        return sb.toString();
    }

    /** {@code ${name}} references still in the text: almost always a forgotten -p. */
    public static Set<String> unresolved(String text) {
        Set<String> names = new LinkedHashSet<String>();
        Matcher matcher = BRACED.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private String lookup(String name) {
        String value = this.variables.get(name);
        return value != null ? value : System.getProperty(name);
    }
}
