package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;

import java.util.Random;

/** Public door to the package's test helpers for tests in other packages (conformance). */
public final class TestValues {
    private TestValues() {
    }

    public static Object random(ClickHouseType type, Random r) {
        return new RandomValues(r).value(type);
    }

    public static boolean deepEquals(Object a, Object b) {
        return Values.deepEquals(a, b);
    }

    public static String show(Object v) {
        return Values.show(v);
    }
}
