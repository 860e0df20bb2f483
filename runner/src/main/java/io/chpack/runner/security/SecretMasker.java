package io.chpack.runner.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.alibaba.datax.common.util.Configuration;

/**
 * Keeps secrets of a job out of everything the runner prints. The values are collected once, from
 * every key anywhere in the job whose name looks like a secret, and then scrubbed out of any text,
 * because a secret also leaks through places that are not its key: a JDBC URL in an exception
 * message, a dirty record, a plugin's own log line.
 */
public final class SecretMasker {
    public static final String MASK = "******";

    /**
     * Shorter values are only masked under their key: scrubbing a two-letter password out of every
     * line would make the log unreadable without protecting anything worth protecting.
     */
    static final int MIN_SCRUBBED_LENGTH = 4;

    private static final Pattern SECRET_KEY = Pattern.compile(
            "(?i).*(password|passwd|pwd|secret|token|credential|accesskey|privatekey|apikey).*");

    /** {@code password=xyz} inside URLs and connection strings that are not themselves under a secret key. */
    private static final Pattern INLINE_SECRET = Pattern.compile(
            "(?i)((?:password|passwd|pwd|secret|token|accesskey)[A-Za-z_]*=)([^&;,\\s\"'}\\])]+)");
    /**
     * {@code password="xyz"} as JAAS configurations write it (Kafka's {@code sasl.jaas.config}), also with the
     * quotes escaped as in a JSON dump ({@code password=\"xyz\"}).
     */
    private static final Pattern QUOTED_SECRET = Pattern.compile(
            "(?i)((?:password|passwd|pwd|secret|token|accesskey)[A-Za-z_]*\\s*=\\s*\\\\{0,2}\")(.*?)(\\\\{0,2}\")");
    /** {@code scheme://user:secret@host}. */
    private static final Pattern URL_USERINFO = Pattern.compile("(://[^/:@\\s\"']+:)([^@/\\s\"']+)(@)");

    /** Maskers of the jobs running in this JVM, for log output that does not pass through a job. */
    private static final Set<SecretMasker> ACTIVE = new CopyOnWriteArraySet<SecretMasker>();

    private final List<String> values;

    private SecretMasker(Set<String> values) {
        List<String> sorted = new ArrayList<String>(values);
        // Longest first, so a secret that contains another one is masked whole.
        Collections.sort(sorted, new Comparator<String>() {
            @Override
            public int compare(String a, String b) {
                return b.length() - a.length();
            }
        });
        this.values = Collections.unmodifiableList(sorted);
    }

    public static SecretMasker none() {
        return new SecretMasker(Collections.<String>emptySet());
    }

    /** Collects the secret values of a whole job configuration (job, core and common sections). */
    public static SecretMasker of(Configuration configuration) {
        Set<String> values = new LinkedHashSet<String>();
        collectQuotedSecrets(configuration.getInternal(), values);
        for (String path : configuration.getKeys()) {
            if (!isSecretPath(path)) {
                continue;
            }
            Object value = configuration.get(path);
            if (value instanceof String || value instanceof Number) {
                String text = String.valueOf(value);
                if (text.length() >= MIN_SCRUBBED_LENGTH) {
                    values.add(text);
                }
            }
        }
        return new SecretMasker(values);
    }

    /**
     * The values of {@code password="..."} inside any string of the job, wherever it sits: Kafka's
     * {@code sasl.jaas.config} is such a string, and its dotted key is not even a path the configuration resolves.
     */
    private static void collectQuotedSecrets(Object node, Set<String> values) {
        if (node instanceof java.util.Map) {
            for (Object v : ((java.util.Map<?, ?>) node).values()) {
                collectQuotedSecrets(v, values);
            }
        } else if (node instanceof java.util.List) {
            for (Object v : (java.util.List<?>) node) {
                collectQuotedSecrets(v, values);
            }
        } else if (node instanceof String && ((String) node).indexOf('"') >= 0) {
            Matcher m = QUOTED_SECRET.matcher((String) node);
            while (m.find()) {
                if (m.group(2).length() >= MIN_SCRUBBED_LENGTH) {
                    values.add(m.group(2));
                }
            }
        }
    }

    public static boolean isSecretKey(String keyName) {
        return SECRET_KEY.matcher(keyName).matches();
    }

    /** True when any key on the path names a secret, so every value under a secret object is one too. */
    public static boolean isSecretPath(String path) {
        for (String segment : path.split("\\.")) {
            String name = segment.replaceAll("\\[\\d+\\]", "");
            if (!name.isEmpty() && isSecretKey(name)) {
                return true;
            }
        }
        return false;
    }

    /** A copy of the configuration with every value under a secret key replaced by {@link #MASK}. */
    public Configuration maskConfiguration(Configuration configuration) {
        Configuration copy = configuration.clone();
        for (String path : configuration.getKeys()) {
            Object value = configuration.get(path);
            // A flag such as "logSecret": true hides nothing, and masking it would confuse the reader of the dump.
            if (isSecretPath(path) && value != null && !(value instanceof Boolean)) {
                copy.set(path, MASK);
            }
        }
        return copy;
    }

    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String value : this.values) {
            if (result.contains(value)) {
                result = result.replace(value, MASK);
            }
        }
        return maskPatterns(result);
    }

    public int secretCount() {
        return this.values.size();
    }

    public void activate() {
        ACTIVE.add(this);
    }

    public void deactivate() {
        ACTIVE.remove(this);
    }

    /** Masks text with the secrets of every job currently running in this JVM (used by the log layout). */
    public static String maskActive(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (SecretMasker masker : ACTIVE) {
            for (String value : masker.values) {
                if (result.contains(value)) {
                    result = result.replace(value, MASK);
                }
            }
        }
        return maskPatterns(result);
    }

    private static String maskPatterns(String text) {
        String result = text;
        if (containsIgnoreCase(result, "pass") || containsIgnoreCase(result, "pwd")
                || containsIgnoreCase(result, "secret") || containsIgnoreCase(result, "token")
                || containsIgnoreCase(result, "accesskey")) {
            Matcher quoted = QUOTED_SECRET.matcher(result);
            StringBuffer q = new StringBuffer();
            while (quoted.find()) {
                quoted.appendReplacement(q, Matcher.quoteReplacement(quoted.group(1) + MASK + quoted.group(3)));
            }
            quoted.appendTail(q);
            result = q.toString();
            Matcher inline = INLINE_SECRET.matcher(result);
            StringBuffer sb = new StringBuffer();
            while (inline.find()) {
                String value = inline.group(2);
                // "\\" alone: the escaped quote of a password=\"...\" that QUOTED_SECRET has masked already
                String replacement = value.equals(MASK) || value.equals("\\") ? inline.group() : inline.group(1) + MASK;
                inline.appendReplacement(sb, Matcher.quoteReplacement(replacement));
            }
            inline.appendTail(sb);
            result = sb.toString();
        }
        if (result.contains("://")) {
            result = URL_USERINFO.matcher(result).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$3");
        }
        return result;
    }

    private static boolean containsIgnoreCase(String text, String part) {
        int max = text.length() - part.length();
        for (int i = 0; i <= max; i++) {
            if (text.regionMatches(true, i, part, 0, part.length())) {
                return true;
            }
        }
        return false;
    }
}
