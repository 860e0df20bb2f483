package io.chpack.common.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The hand-written {@link MysqlTemporalText#parse} against the regular-expression parser it replaced (kept here
 * verbatim as the oracle): same value, same null for zero/impossible dates, same error message for bad text, on
 * fixed edge cases and on 200,000 generated strings close to the grammar.
 */
class MysqlTemporalTextTest {
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[ T](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{0,9}))?)?");

    /** The previous implementation, unchanged. */
    static LocalDateTime oracle(String s) {
        Matcher m = DATE_TIME.matcher(s.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a date of the form YYYY-MM-DD[ HH:MM:SS[.fraction]]");
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        int nanos = 0;
        String f = m.group(7);
        if (f != null && !f.isEmpty()) {
            StringBuilder nine = new StringBuilder(f);
            while (nine.length() < 9) {
                nine.append('0');
            }
            nanos = Integer.parseInt(nine.toString());
        }
        if (month == 0 || day == 0) {
            return null;
        }
        try {
            return LocalDateTime.of(LocalDate.of(year, month, day), java.time.LocalTime.of(hour, minute, second, nanos));
        } catch (DateTimeException e) {
            if (hour > 23 || minute > 59 || second > 59) {
                throw new IllegalArgumentException("time of day out of range");
            }
            return null;
        }
    }

    /** "V:" + value, "N" for null, "E:" + message for an IllegalArgumentException. */
    static String outcome(boolean hand, String s) {
        try {
            LocalDateTime v = hand ? MysqlTemporalText.parse(s).value : oracle(s);
            return v == null ? "N" : "V:" + v;
        } catch (IllegalArgumentException e) {
            return "E:" + e.getMessage();
        }
    }

    static void same(String s) {
        assertEquals(outcome(false, s), outcome(true, s), () -> "input '" + s + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-31", "2024-01-31 23:59:59", "2024-01-31T23:59:59", "2024-01-31 23:59:59.",
            "2024-01-31 23:59:59.1", "2024-01-31 23:59:59.123456", "2024-01-31 23:59:59.123456789",
            "2024-01-31 23:59:59.1234567890", "0000-00-00", "0000-00-00 00:00:00", "2024-00-10", "2024-10-00 10:00:00",
            "0000-01-01 00:00:00", "9999-12-31 23:59:59.999999", "2024-02-30", "2023-02-29 12:00:00", "2024-02-29",
            "2024-13-01", "2024-12-32", "2024-01-01 24:00:00", "2024-01-01 23:60:00", "2024-01-01 23:59:60",
            "2024-02-30 25:00:00", "2024-00-00 99:99:99", " 2024-01-01 10:00:00 ", "\t2024-01-01\n", "", " ",
            "2024-1-01", "2024-01-1", "24-01-01", "20240101", "2024-01-01 ", "2024-01-01T", "2024-01-01 1:00:00",
            "2024-01-01 10:00", "2024-01-01 10:00:0", "2024-01-01 10-00-00", "2024-01-01X10:00:00",
            "2024-01-01 10:00:00,5", "2024-01-01 10:00:00.5x", "2024-01-01 10:00:00 .5", "2024/01/01",
            "+024-01-01", "-024-01-01", "２０２４-01-01", "2024-01-01 10:00:00.５", "yesterday", "2024-01-01\u00a0",
            "2024-01-01 10:00:00.000000000", "1970-01-01 00:00:00.000001"})
    void sameAsTheRegularExpression(String s) {
        same(s);
    }

    @Test
    void valuesAndNamedErrors() {
        assertEquals(LocalDateTime.of(2024, 1, 31, 23, 59, 59, 123_456_000),
                MysqlTemporalText.parse("2024-01-31 23:59:59.123456").value);
        assertEquals(LocalDateTime.of(2024, 1, 31, 0, 0), MysqlTemporalText.parse("2024-01-31").value);
        assertNull(MysqlTemporalText.parse("0000-00-00 00:00:00").value);
        assertNull(MysqlTemporalText.parse("2024-02-30").value);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> MysqlTemporalText.parse("2024-01-01 10:00"));
        assertEquals("not a date of the form YYYY-MM-DD[ HH:MM:SS[.fraction]]", bad.getMessage());
        IllegalArgumentException hour = assertThrows(IllegalArgumentException.class,
                () -> MysqlTemporalText.parse("2024-01-01 24:00:00"));
        assertEquals("time of day out of range", hour.getMessage());
    }

    @Test
    void badTextThroughTheReaderIsANamedSourceValueError() {
        MysqlTypeMapping m = new MysqlTypeMapping(SourceReadOptions.defaults());
        for (String type : new String[] {"datetime(3)", "timestamp(6)", "date"}) {
            SourceValueException e = assertThrows(SourceValueException.class,
                    () -> m.map("c", type).reader().read(FakeResultSet.row("2024-01-01 10:00"), 1));
            assertTrue(e.getMessage().contains("not a date of the form YYYY-MM-DD[ HH:MM:SS[.fraction]]"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("'c'"), e.getMessage());
        }
        SourceValueException e = assertThrows(SourceValueException.class,
                () -> m.map("c", "datetime").reader().read(FakeResultSet.row("2024-01-01 24:00:00"), 1));
        assertTrue(e.getMessage().contains("time of day out of range"), e.getMessage());
    }

    @Test
    void generatedStringsNearTheGrammarGiveTheSameOutcome() {
        Random r = new Random(20261121);
        String alphabet = "0123456789-: T.x\t";
        int[] kinds = new int[3];
        for (int i = 0; i < 200_000; i++) {
            String s = near(r, alphabet);
            same(s);
            String o = outcome(false, s);
            kinds[o.startsWith("V") ? 0 : o.startsWith("N") ? 1 : 2]++;
        }
        // the generator reaches every outcome often (else this test could not fail)
        for (int k : kinds) {
            assertTrue(k > 5_000, () -> "outcome counts " + java.util.Arrays.toString(kinds));
        }
    }

    /** A well-formed value with random digits (often invalid dates/times), then sometimes mutated. */
    static String near(Random r, String alphabet) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%04d-%02d-%02d", r.nextInt(10000), r.nextInt(14), r.nextInt(33)));
        if (r.nextInt(4) > 0) {
            sb.append(r.nextBoolean() ? ' ' : 'T');
            sb.append(String.format("%02d:%02d:%02d", r.nextInt(26), r.nextInt(62), r.nextInt(62)));
            if (r.nextBoolean()) {
                sb.append('.');
                int n = r.nextInt(11);
                for (int i = 0; i < n; i++) {
                    sb.append((char) ('0' + r.nextInt(10)));
                }
            }
        }
        int mutations = r.nextInt(5) == 0 ? 1 + r.nextInt(2) : 0;
        List<Character> chars = new ArrayList<>();
        for (int i = 0; i < sb.length(); i++) {
            chars.add(sb.charAt(i));
        }
        for (int m = 0; m < mutations; m++) {
            int op = r.nextInt(3);
            int at = r.nextInt(chars.size() + 1);
            char c = alphabet.charAt(r.nextInt(alphabet.length()));
            if (op == 0) {
                chars.add(at, c);
            } else if (at < chars.size()) {
                if (op == 1) {
                    chars.set(at, c);
                } else {
                    chars.remove(at);
                }
            }
        }
        StringBuilder out = new StringBuilder();
        for (char c : chars) {
            out.append(c);
        }
        return out.toString();
    }
}
