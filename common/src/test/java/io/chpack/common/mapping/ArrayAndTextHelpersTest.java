package io.chpack.common.mapping;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ArrayAndTextHelpersTest {
    @Test
    void arrayLiteralKeepsElementTextAndNulls() {
        assertEquals(Arrays.asList("1", null, "x y"), PgArrayLiteral.parse("{1,NULL, x y }", ','));
        assertEquals(List.of(List.of("a"), List.of("b")), PgArrayLiteral.parse("{{a},{b}}", ','));
        assertEquals(List.of("NULL", "\\"), PgArrayLiteral.parse("{\"NULL\",\"\\\\\"}", ','));
        assertThrows(IllegalArgumentException.class, () -> PgArrayLiteral.parse("{1,}", ','));
        assertThrows(IllegalArgumentException.class, () -> PgArrayLiteral.parse("{1}x", ','));
    }

    @Test
    void jsonEscapesControlCharacters() {
        assertEquals("[\"a\\nb\\u0001\\\\\"]", JsonText.array(List.of("a\nb\u0001\\"), JsonText.Leaf.STRING));
        assertEquals("[\"1e\"]", JsonText.array(List.of("1e"), JsonText.Leaf.NUMBER));
        assertEquals("[1e+20,-0.5]", JsonText.array(List.of("1e+20", "-0.5"), JsonText.Leaf.NUMBER));
    }

    @Test
    void temporalTextHasTheDeclaredDigits() {
        LocalDateTime t = LocalDateTime.parse("2024-01-02T03:04:05.123456789");
        assertEquals("2024-01-02 03:04:05", TemporalText.wallClock(t, 0));
        assertEquals("2024-01-02 03:04:05.1", TemporalText.wallClock(t, 1));
        assertEquals("2024-01-02 03:04:05.123456789", TemporalText.wallClock(t, 9));
        assertEquals("+10000-01-01 00:00:00", TemporalText.wallClock(LocalDateTime.of(10000, 1, 1, 0, 0), 0));
        assertEquals("1969-12-31T23:59:59.999Z", TemporalText.instant(Instant.ofEpochMilli(-1), 3));
    }

    @Test
    void floatTextIsShortestAndPlain() {
        assertEquals("3.14", FloatText.of(3.14f));
        assertEquals("0.1", FloatText.of(0.1d));
        assertEquals("1", FloatText.of(1.0d));
        assertEquals("-0", FloatText.of(-0.0d));
        assertEquals("0", FloatText.of(0.0f));
        assertEquals("340282350000000000000000000000000000000", FloatText.of(Float.MAX_VALUE));
        assertEquals("NaN", FloatText.of(Float.NaN));
        assertEquals("-Infinity", FloatText.of(Double.NEGATIVE_INFINITY));
    }

    @Test
    void timeTextNormalises() {
        assertEquals("-838:59:59.000000", TimeText.parse("-838:59:59").format(6));
        assertEquals("00:00:00", TimeText.parse("-00:00:00").format(0));
        assertFalse(TimeText.parse("24:00:00").isTimeOfDay());
        assertTrue(TimeText.parse("23:59:59.999999").isTimeOfDay());
        assertThrows(IllegalArgumentException.class, () -> TimeText.parse("1:2:3"));
    }
}
