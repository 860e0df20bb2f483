package io.chpack.runner.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;

import io.chpack.runner.RunnerErrorCode;

/**
 * Typed reads of the merged job configuration for the engine's own keys. Every error names the full
 * path, what was expected and what was found, because "invalid configuration" alone sends users
 * searching through a long job file.
 */
public final class SettingReader {
    private final Configuration configuration;

    public SettingReader(Configuration configuration) {
        this.configuration = configuration;
    }

    public Configuration configuration() {
        return this.configuration;
    }

    public Object raw(String path) {
        return this.configuration.get(path);
    }

    public boolean has(String path) {
        return this.configuration.get(path) != null;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> requireObject(String path, String expected) {
        Object value = this.configuration.get(path);
        if (!(value instanceof Map)) {
            throw invalid(path, expected, value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public List<Object> requireNonEmptyList(String path, String expected) {
        Object value = this.configuration.get(path);
        if (!(value instanceof List) || ((List<Object>) value).isEmpty()) {
            throw invalid(path, expected, value);
        }
        return (List<Object>) value;
    }

    public String requireText(String path, String expected) {
        Object value = this.configuration.get(path);
        if (!(value instanceof String) || ((String) value).trim().isEmpty()) {
            throw invalid(path, expected, value);
        }
        return ((String) value).trim();
    }

    /** An integer setting that may be absent (null); numeric strings count, as in DataX. */
    public Long optionalInteger(String path, String expected) {
        Object value = this.configuration.get(path);
        if (value == null) {
            return null;
        }
        Long result = asInteger(value);
        if (result == null) {
            throw invalid(path, expected, value);
        }
        return result;
    }

    public long integer(String path, long defaultValue, long min, String expected) {
        Long value = optionalInteger(path, expected);
        if (value == null) {
            return defaultValue;
        }
        if (value < min) {
            throw invalid(path, expected, this.configuration.get(path));
        }
        return value;
    }

    public int intValue(String path, int defaultValue, int min, String expected) {
        long value = integer(path, defaultValue, min, expected);
        if (value > Integer.MAX_VALUE) {
            throw invalid(path, expected, this.configuration.get(path));
        }
        return (int) value;
    }

    public Double optionalNumber(String path, String expected) {
        Object value = this.configuration.get(path);
        if (value == null) {
            return null;
        }
        if (value instanceof Number) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof String) {
            try {
                return Double.valueOf(((String) value).trim());
            } catch (NumberFormatException e) {
                throw invalid(path, expected, value);
            }
        }
        throw invalid(path, expected, value);
    }

    static Long asInteger(Object value) {
        try {
            if (value instanceof Integer || value instanceof Long) {
                return ((Number) value).longValue();
            }
            if (value instanceof BigInteger) {
                return ((BigInteger) value).longValueExact();
            }
            if (value instanceof BigDecimal) {
                return ((BigDecimal) value).longValueExact();
            }
            if (value instanceof String) {
                return new BigDecimal(((String) value).trim()).longValueExact();
            }
        } catch (ArithmeticException e) {
            return null;
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    public static DataXException invalid(String path, String expected, Object actual) {
        return DataXException.asDataXException(RunnerErrorCode.CONFIG_ERROR,
                String.format("%s: expected %s, but %s", path, expected, describe(actual)));
    }

    static String describe(Object actual) {
        if (actual == null) {
            return "it is missing";
        }
        String kind;
        if (actual instanceof Map) {
            kind = "an object";
        } else if (actual instanceof List) {
            kind = ((List<?>) actual).isEmpty() ? "an empty list" : "a list";
        } else if (actual instanceof String) {
            kind = "the string";
        } else if (actual instanceof Boolean) {
            kind = "the boolean";
        } else {
            kind = "the number";
        }
        if (actual instanceof Map || actual instanceof List) {
            return "found " + kind;
        }
        String text = actual instanceof String ? "\"" + actual + "\"" : String.valueOf(actual);
        if (text.length() > 80) {
            text = text.substring(0, 80) + "...";
        }
        return "found " + kind + " " + text;
    }
}
