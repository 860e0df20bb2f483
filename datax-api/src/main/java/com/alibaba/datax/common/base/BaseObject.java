package com.alibaba.datax.common.base;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Base of Reader/Writer: value semantics over all instance fields, as the engine's own base class gives.
 * Reflection keeps subclasses free of boilerplate; it is only used for logging and rare comparisons.
 */
public class BaseObject {

    @Override
    public int hashCode() {
        Object[] values = fieldValues(this);
        return 31 * getClass().hashCode() + Arrays.deepHashCode(values);
    }

    @Override
    public boolean equals(Object object) {
        if (this == object) {
            return true;
        }
        if (object == null || object.getClass() != getClass()) {
            return false;
        }
        return Arrays.deepEquals(fieldValues(this), fieldValues(object));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getName()).append('@')
                .append(Integer.toHexString(System.identityHashCode(this))).append('[');
        List<Field> fields = instanceFields(getClass());
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            sb.append(System.lineSeparator()).append("  ").append(field.getName()).append('=')
                    .append(readField(field, this));
        }
        return sb.append(System.lineSeparator()).append(']').toString();
    }

    private static Object[] fieldValues(Object target) {
        List<Field> fields = instanceFields(target.getClass());
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = readField(fields.get(i), target);
        }
        return values;
    }

    private static List<Field> instanceFields(Class<?> type) {
        List<Field> fields = new ArrayList<Field>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static Object readField(Field field, Object target) {
        try {
            field.setAccessible(true);
            return field.get(target);
        } catch (Exception e) {
            // Inaccessible fields (module boundaries) must not break equals/toString.
            return "<inaccessible>";
        }
    }
}
