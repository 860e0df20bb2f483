package com.alibaba.datax.common.util;

import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Path walking over the JSON tree of a Configuration. A path is split at dots and before each '[':
 * {@code a.b[0].c} is {@code a}, {@code b}, {@code [0]}, {@code c}; empty segments are ignored, so ""
 * is the root.
 */
final class ConfigurationPath {

    private ConfigurationPath() {
    }

    static List<String> segments(String path) {
        List<String> result = new ArrayList<String>();
        for (String each : path.replace("[", ".[").split("\\.")) {
            if (!each.isEmpty()) {
                result.add(each);
            }
        }
        return result;
    }

    static boolean isIndex(String segment) {
        return segment.contains("[") && segment.contains("]");
    }

    /** @return the index, or -1 when the segment holds no non-negative integer */
    static int index(String segment) {
        String digits = segment.replace("[", "").replace("]", "").trim();
        if (digits.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return -1;
            }
        }
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static Object find(Object root, String path) {
        Object target = root;
        for (String segment : segments(path)) {
            target = child(target, segment);
            if (target == null) {
                return null;
            }
        }
        return target;
    }

    private static Object child(Object node, String segment) {
        if (isIndex(segment)) {
            if (!(node instanceof List)) {
                return null;
            }
            List<?> list = (List<?>) node;
            int i = index(segment);
            return i < 0 || i >= list.size() ? null : list.get(i);
        }
        return node instanceof Map ? ((Map<?, ?>) node).get(segment) : null;
    }

    /** @return the new node replacing current (the same container when it could be updated in place) */
    static Object set(Object root, String path, Object value) {
        return setRecursive(root, segments(path), 0, value);
    }

    @SuppressWarnings("unchecked")
    private static Object setRecursive(Object current, List<String> segments, int at, Object value) {
        if (at == segments.size()) {
            return value;
        }
        String segment = segments.get(at).trim();
        if (isIndex(segment)) {
            int i = requireIndex(segment, segments);
            List<Object> list = current instanceof List ? (List<Object>) current : JsonContainers.get().newArray();
            while (list.size() <= i) {
                list.add(null);
            }
            list.set(i, setRecursive(list.get(i), segments, at + 1, value));
            return list;
        }
        Map<String, Object> map = current instanceof Map ? (Map<String, Object>) current
                : JsonContainers.get().newObject();
        map.put(segment, setRecursive(map.get(segment), segments, at + 1, value));
        return map;
    }

    private static int requireIndex(String segment, List<String> segments) {
        int i = index(segment);
        if (i < 0) {
            throw DataXException.asDataXException(CommonErrorCode.RUNTIME_ERROR,
                    String.format("Path %s has an invalid list index %s.", segments, segment));
        }
        return i;
    }

    /** Precondition: something exists at path. */
    @SuppressWarnings("unchecked")
    static void remove(Object root, String path) {
        List<String> segments = segments(path);
        if (segments.isEmpty()) {
            throw DataXException.asDataXException(CommonErrorCode.RUNTIME_ERROR,
                    "The root of a configuration cannot be removed.");
        }
        Object parent = root;
        for (String segment : segments.subList(0, segments.size() - 1)) {
            parent = child(parent, segment);
        }
        String last = segments.get(segments.size() - 1);
        if (isIndex(last)) {
            ((List<Object>) parent).set(index(last), null);
        } else {
            ((Map<String, Object>) parent).remove(last);
        }
    }

    static void collectLeaves(Object node, String path, Set<String> keys) {
        if (node instanceof Map) {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) node).entrySet()) {
                String key = String.valueOf(entry.getKey()).trim();
                collectLeaves(entry.getValue(), path.isEmpty() ? key : path + "." + key, keys);
            }
        } else if (node instanceof List) {
            List<?> list = (List<?>) node;
            for (int i = 0; i < list.size(); i++) {
                collectLeaves(list.get(i), path + "[" + i + "]", keys);
            }
        } else {
            keys.add(path);
        }
    }

    /**
     * Copies containers (maps, collections, arrays other than byte[], Configurations) into fresh
     * object/array nodes (see JsonContainers) so the tree never aliases caller-owned or immutable containers.
     */
    static Object copyTree(Object value) {
        if (value instanceof Configuration) {
            return copyTree(((Configuration) value).getInternal());
        }
        if (value instanceof Map) {
            Map<String, Object> copy = JsonContainers.get().newObject();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                copy.put(String.valueOf(entry.getKey()), copyTree(entry.getValue()));
            }
            return copy;
        }
        if (value instanceof Collection) {
            List<Object> copy = JsonContainers.get().newArray();
            for (Object each : (Collection<?>) value) {
                copy.add(copyTree(each));
            }
            return copy;
        }
        if (value != null && value.getClass().isArray() && !(value instanceof byte[])) {
            int length = Array.getLength(value);
            List<Object> copy = JsonContainers.get().newArray();
            for (int i = 0; i < length; i++) {
                copy.add(copyTree(Array.get(value, i)));
            }
            return copy;
        }
        return value;
    }
}
