package io.chpack.dataxapi;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The public and protected surface of a set of classes, one line per class and member, in a stable
 * order: what a plugin compiled against those classes can link to.
 *
 * <p>Run as a program with a real datax-common jar on the class path to regenerate
 * {@code real-datax-common.surface} (see the resource's header).
 */
public final class ApiSurface {
    private ApiSurface() {
    }

    public static TreeSet<String> of(ClassLoader loader, List<String> classNames) throws ClassNotFoundException {
        TreeSet<String> lines = new TreeSet<>();
        for (String name : classNames) {
            Class<?> type = Class.forName(name, false, loader);
            if (!Modifier.isPublic(type.getModifiers()) && !Modifier.isProtected(type.getModifiers())) {
                continue;
            }
            lines.add(describeClass(type));
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (visible(c.getModifiers()) && !c.isSynthetic()) {
                    lines.add(name + " <init>(" + params(c.getParameterTypes()) + ")" + access(c.getModifiers()));
                }
            }
            for (Method m : type.getDeclaredMethods()) {
                if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                    lines.add(name + " " + m.getName() + "(" + params(m.getParameterTypes()) + ")"
                            + m.getReturnType().getTypeName() + access(m.getModifiers())
                            + (Modifier.isStatic(m.getModifiers()) ? " static" : ""));
                }
            }
            for (Field f : type.getDeclaredFields()) {
                if (visible(f.getModifiers()) && !f.isSynthetic()) {
                    lines.add(name + " field " + f.getName() + ":" + f.getType().getTypeName() + access(f.getModifiers())
                            + (Modifier.isStatic(f.getModifiers()) ? " static" : ""));
                }
            }
        }
        return lines;
    }

    private static String describeClass(Class<?> type) {
        String kind = type.isInterface() ? "interface" : type.isEnum() ? "enum"
                : Modifier.isAbstract(type.getModifiers()) ? "abstract class" : "class";
        String parent = type.getSuperclass() == null || type.isEnum() ? "" : " extends " + type.getSuperclass().getName();
        String interfaces = Arrays.stream(type.getInterfaces()).map(Class::getName).sorted()
                .collect(Collectors.joining(","));
        return type.getName() + " " + kind + (Modifier.isStatic(type.getModifiers()) ? " static" : "") + parent
                + (interfaces.isEmpty() ? "" : " implements " + interfaces);
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String access(int modifiers) {
        return Modifier.isProtected(modifiers) ? " protected" : "";
    }

    private static String params(Class<?>[] types) {
        List<String> names = new ArrayList<>();
        for (Class<?> t : types) {
            names.add(t.getTypeName());
        }
        return String.join(",", names);
    }

    /** args: class names; prints the surface of those classes as the current class path has them. */
    public static void main(String[] args) throws Exception {
        for (String line : of(ApiSurface.class.getClassLoader(), Arrays.asList(args))) {
            System.out.println(line);
        }
    }
}
