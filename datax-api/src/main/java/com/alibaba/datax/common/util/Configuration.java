package com.alibaba.datax.common.util;

import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.spi.ErrorCode;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON tree (Map, List, String, Number, Boolean, null) addressed by paths such as {@code a.b[0].c}.
 * Lookups never fail on a missing or mistyped path: they return null (or the default). Typed getters fail
 * with CONFIG_ERROR naming the path and value when the value does not convert.
 *
 * <p>Sub-trees handed out as Configuration ({@link #getConfiguration}, {@link #getListConfiguration},
 * {@link #clone}) are deep copies made through JSON text, so, as in the engine, they see variable
 * substitution again. Lists and maps returned by {@link #getList(String)} and {@link #getMap(String)}
 * are the live nodes of the tree.
 */
public class Configuration {

    private Set<String> secretKeyPathSet = new HashSet<String>();

    private Object root;

    private Configuration(Object root) {
        this.root = root;
    }

    public static Configuration newDefault() {
        return Configuration.from("{}");
    }

    /** Substitutes {@code ${name}} from system properties, then parses. */
    public static Configuration from(String json) {
        if (json == null || json.trim().isEmpty()) {
            throw DataXException.asDataXException(CommonErrorCode.CONFIG_ERROR,
                    "Invalid configuration: the JSON text is empty.");
        }
        String substituted = SystemPropertyVariables.replace(json);
        try {
            return new Configuration(JsonCodec.parse(substituted));
        } catch (IllegalArgumentException e) {
            throw DataXException.asDataXException(CommonErrorCode.CONFIG_ERROR,
                    "Invalid configuration: " + e.getMessage());
        }
    }

    /** Reads the file as UTF-8. */
    public static Configuration from(File file) {
        InputStream in;
        try {
            in = new FileInputStream(file);
        } catch (FileNotFoundException e) {
            throw DataXException.asDataXException(CommonErrorCode.CONFIG_ERROR,
                    String.format("Configuration file [%s] does not exist.", file.getAbsolutePath()));
        }
        try {
            return from(readAll(in));
        } catch (IOException e) {
            throw DataXException.asDataXException(CommonErrorCode.CONFIG_ERROR,
                    String.format("Configuration file [%s] cannot be read: %s", file.getAbsolutePath(), e));
        } finally {
            closeQuietly(in);
        }
    }

    /** Reads the stream as UTF-8 to its end; the caller keeps ownership and closes it. */
    public static Configuration from(InputStream is) {
        try {
            return from(readAll(is));
        } catch (IOException e) {
            throw DataXException.asDataXException(CommonErrorCode.CONFIG_ERROR,
                    String.format("Configuration stream cannot be read: %s", e));
        }
    }

    public static Configuration from(final Map<String, Object> object) {
        return Configuration.from(JsonCodec.write(object, false));
    }

    public static Configuration from(final List<Object> object) {
        return Configuration.from(JsonCodec.write(object, false));
    }

    /** @throws DataXException with the given code when the value is missing or blank */
    public String getNecessaryValue(String key, ErrorCode errorCode) {
        String value = this.getString(key, null);
        if (isBlank(value)) {
            throw DataXException.asDataXException(errorCode,
                    String.format("Invalid configuration: [%s] is required and must not be empty.", key));
        }
        return value;
    }

    /** The value, or defaultValue when missing or blank; errorCode is unused, as in the engine. */
    public String getUnnecessaryValue(String key, String defaultValue, ErrorCode errorCode) {
        String value = this.getString(key, defaultValue);
        return isBlank(value) ? defaultValue : value;
    }

    public Boolean getNecessaryBool(String key, ErrorCode errorCode) {
        Boolean value = this.getBool(key);
        if (value == null) {
            throw DataXException.asDataXException(errorCode,
                    String.format("Invalid configuration: [%s] is required and must not be empty.", key));
        }
        return value;
    }

    /** @return the node at path ("" is the root), or null when any step is missing or of another kind */
    public Object get(final String path) {
        checkPath(path);
        return ConfigurationPath.find(this.root, path);
    }

    public Configuration getConfiguration(final String path) {
        Object object = this.get(path);
        return object == null ? null : Configuration.from(JsonCodec.write(object, false));
    }

    /** Objects and lists come back as JSON text, numbers as their exact text. */
    public String getString(final String path) {
        Object value = this.get(path);
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            return JsonCodec.write(value, false);
        }
        return String.valueOf(value);
    }

    public String getString(final String path, final String defaultValue) {
        String result = this.getString(path);
        return result == null ? defaultValue : result;
    }

    /** The first character of the value. */
    public Character getChar(final String path) {
        String result = this.getString(path);
        if (result == null) {
            return null;
        }
        if (result.isEmpty()) {
            throw invalid(path, result, "a character");
        }
        return result.charAt(0);
    }

    public Character getChar(final String path, char defaultValue) {
        Character result = this.getChar(path);
        return result == null ? Character.valueOf(defaultValue) : result;
    }

    /** Only "true" or "false" (any case); anything else is a CONFIG_ERROR rather than a silent false. */
    public Boolean getBool(final String path) {
        String result = this.getString(path);
        if (result == null) {
            return null;
        }
        if ("true".equalsIgnoreCase(result)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(result)) {
            return Boolean.FALSE;
        }
        throw invalid(path, result, "a boolean (true or false)");
    }

    public Boolean getBool(final String path, boolean defaultValue) {
        Boolean result = this.getBool(path);
        return result == null ? Boolean.valueOf(defaultValue) : result;
    }

    public Integer getInt(final String path) {
        String result = this.getString(path);
        if (result == null) {
            return null;
        }
        try {
            return Integer.valueOf(result);
        } catch (NumberFormatException e) {
            throw invalid(path, result, "an integer");
        }
    }

    public Integer getInt(final String path, int defaultValue) {
        Integer result = this.getInt(path);
        return result == null ? Integer.valueOf(defaultValue) : result;
    }

    /** A blank value counts as missing. */
    public Long getLong(final String path) {
        String result = this.getString(path);
        if (isBlank(result)) {
            return null;
        }
        try {
            return Long.valueOf(result);
        } catch (NumberFormatException e) {
            throw invalid(path, result, "an integer");
        }
    }

    public Long getLong(final String path, long defaultValue) {
        Long result = this.getLong(path);
        return result == null ? Long.valueOf(defaultValue) : result;
    }

    /** A blank value counts as missing. */
    public Double getDouble(final String path) {
        String result = this.getString(path);
        if (isBlank(result)) {
            return null;
        }
        try {
            return Double.valueOf(result);
        } catch (NumberFormatException e) {
            throw invalid(path, result, "a floating-point number");
        }
    }

    public Double getDouble(final String path, double defaultValue) {
        Double result = this.getDouble(path);
        return result == null ? Double.valueOf(defaultValue) : result;
    }

    /** @throws ClassCastException when the node is not a list */
    @SuppressWarnings("unchecked")
    public List<Object> getList(final String path) {
        return (List<Object>) this.get(path);
    }

    /**
     * A copy of the list, elements cast unchecked as in the engine: no conversion happens, so asking for
     * String elements of a number list fails only when an element is used.
     */
    @SuppressWarnings("unchecked")
    public <T> List<T> getList(final String path, Class<T> t) {
        List<Object> origin = this.getList(path);
        if (origin == null) {
            return null;
        }
        List<T> result = new ArrayList<T>(origin.size());
        for (Object each : origin) {
            result.add((T) each);
        }
        return result;
    }

    public List<Object> getList(final String path, final List<Object> defaultList) {
        List<Object> list = this.getList(path);
        return list == null ? defaultList : list;
    }

    public <T> List<T> getList(final String path, final List<T> defaultList, Class<T> t) {
        List<T> list = this.getList(path, t);
        return list == null ? defaultList : list;
    }

    /** Each element as its own Configuration (deep copies). */
    public List<Configuration> getListConfiguration(final String path) {
        List<Object> list = this.getList(path);
        if (list == null) {
            return null;
        }
        List<Configuration> result = new ArrayList<Configuration>(list.size());
        for (Object each : list) {
            result.add(Configuration.from(JsonCodec.write(each, false)));
        }
        return result;
    }

    /** @throws ClassCastException when the node is not an object */
    @SuppressWarnings("unchecked")
    public Map<String, Object> getMap(final String path) {
        return (Map<String, Object>) this.get(path);
    }

    @SuppressWarnings("unchecked")
    public <T> Map<String, T> getMap(final String path, Class<T> t) {
        Map<String, Object> map = this.getMap(path);
        if (map == null) {
            return null;
        }
        Map<String, T> result = new HashMap<String, T>();
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            result.put(entry.getKey(), (T) entry.getValue());
        }
        return result;
    }

    public Map<String, Object> getMap(final String path, final Map<String, Object> defaultMap) {
        Map<String, Object> map = this.getMap(path);
        return map == null ? defaultMap : map;
    }

    public <T> Map<String, T> getMap(final String path, final Map<String, T> defaultMap, Class<T> t) {
        Map<String, T> map = this.getMap(path, t);
        return map == null ? defaultMap : map;
    }

    public Map<String, Configuration> getMapConfiguration(final String path) {
        Map<String, Object> map = this.getMap(path);
        if (map == null) {
            return null;
        }
        Map<String, Configuration> result = new HashMap<String, Configuration>();
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            result.put(entry.getKey(), Configuration.from(JsonCodec.write(entry.getValue(), false)));
        }
        return result;
    }

    /** Unchecked cast, as in the engine: a wrong class fails where the caller uses the result. */
    @SuppressWarnings("unchecked")
    public <T> T get(final String path, Class<T> clazz) {
        return (T) this.get(path);
    }

    public String beautify() {
        return JsonCodec.write(this.root, true);
    }

    /**
     * Puts a value at path, creating the maps and lists on the way (lists are padded with nulls) and
     * replacing nodes of the wrong kind. Maps, lists and Configurations in the value are copied.
     *
     * @return the previous value at path, or null
     */
    public Object set(final String path, final Object object) {
        checkPath(path);
        Object previous = this.get(path);
        Object newRoot = ConfigurationPath.set(this.root, path, ConfigurationPath.copyTree(object));
        if (!(newRoot instanceof Map || newRoot instanceof List)) {
            throw DataXException.asDataXException(CommonErrorCode.RUNTIME_ERROR,
                    String.format("Value [%s] cannot be set at path [%s]: the root must stay an object or a list.",
                            object, path));
        }
        this.root = newRoot;
        return previous;
    }

    /**
     * Every leaf path, e.g. {@code a.b.c[0]}; empty objects and lists have none, null values are leaves.
     */
    public Set<String> getKeys() {
        Set<String> keys = new LinkedHashSet<String>();
        ConfigurationPath.collectLeaves(this.root, "", keys);
        return keys;
    }

    /**
     * Removes the node at path: an object entry disappears, a list element becomes null so that the
     * indexes of its siblings stay valid.
     *
     * @throws DataXException RUNTIME_ERROR when there is nothing at path
     */
    public Object remove(final String path) {
        Object previous = this.get(path);
        if (previous == null) {
            throw DataXException.asDataXException(CommonErrorCode.RUNTIME_ERROR,
                    String.format("Cannot remove [%s]: the key does not exist.", path));
        }
        ConfigurationPath.remove(this.root, path);
        return previous;
    }

    /**
     * Copies every leaf of another into this one; on a conflict the other's leaf wins only when
     * updateWhenConflict is true.
     */
    public Configuration merge(final Configuration another, boolean updateWhenConflict) {
        for (String key : another.getKeys()) {
            if (updateWhenConflict || this.get(key) == null) {
                this.set(key, another.get(key));
            }
        }
        return this;
    }

    @Override
    public String toString() {
        return this.toJSON();
    }

    public String toJSON() {
        return JsonCodec.write(this.root, false);
    }

    /** A deep copy, secret-path marks included. */
    @Override
    public Configuration clone() {
        Configuration copy = Configuration.from(JsonCodec.write(this.root, false));
        copy.addSecretKeyPath(this.secretKeyPathSet);
        return copy;
    }

    /** Marks a path whose value is a secret, so that logging and distribution can mask it. */
    public void addSecretKeyPath(String path) {
        if (!isBlank(path)) {
            this.secretKeyPathSet.add(path);
        }
    }

    public void addSecretKeyPath(Set<String> pathSet) {
        if (pathSet != null) {
            this.secretKeyPathSet.addAll(pathSet);
        }
    }

    public void setSecretKeyPathSet(Set<String> keyPathSet) {
        if (keyPathSet != null) {
            this.secretKeyPathSet = keyPathSet;
        }
    }

    public boolean isSecretPath(String path) {
        return this.secretKeyPathSet.contains(path);
    }

    /** The live tree: a Map, a List or (for a scalar document) the scalar. */
    public Object getInternal() {
        return this.root;
    }

    public Set<String> getSecretKeyPathSet() {
        return this.secretKeyPathSet;
    }

    private static void checkPath(String path) {
        if (path == null) {
            throw new IllegalArgumentException("Configuration path must not be null.");
        }
        for (String segment : path.split("\\.")) {
            if (!segment.isEmpty() && segment.trim().isEmpty()) {
                throw new IllegalArgumentException(String.format(
                        "Configuration path [%s] is invalid: a segment is blank.", path));
            }
        }
    }

    private static DataXException invalid(String path, String value, String expected) {
        return DataXException.asDataXException(CommonErrorCode.CONFIG_ERROR,
                String.format("Invalid configuration: the value [%s] at path [%s] is not %s.", value, path,
                        expected));
    }

    static boolean isBlank(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            out.write(buffer, 0, n);
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // Reading already succeeded or failed; a close failure adds nothing.
        }
    }
}
