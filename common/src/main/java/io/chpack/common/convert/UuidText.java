package io.chpack.common.convert;

import java.util.UUID;

/**
 * Strict UUID text: exactly 36 characters {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}, hex digits of
 * either case. ({@link UUID#fromString} accepts {@code 1-2-3-4-5}, and silently overflows on Java 8.)
 */
final class UuidText {
    private static final byte[] HEX = new byte[128];

    static {
        java.util.Arrays.fill(HEX, (byte) -1);
        for (int c = '0'; c <= '9'; c++) {
            HEX[c] = (byte) (c - '0');
        }
        for (int c = 'a'; c <= 'f'; c++) {
            HEX[c] = (byte) (c - 'a' + 10);
            HEX[c - 'a' + 'A'] = (byte) (c - 'a' + 10);
        }
    }

    private UuidText() {
    }

    /** The UUID, or null when {@code s} is not in the canonical form. */
    static UUID parse(String s) {
        if (s.length() != 36 || s.charAt(8) != '-' || s.charAt(13) != '-' || s.charAt(18) != '-' || s.charAt(23) != '-') {
            return null;
        }
        long msb = 0;
        long lsb = 0;
        int digits = 0;
        for (int i = 0; i < 36; i++) {
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                continue;
            }
            char c = s.charAt(i);
            int d = c < 128 ? HEX[c] : -1;
            if (d < 0) {
                return null;
            }
            if (digits < 16) {
                msb = (msb << 4) | d;
            } else {
                lsb = (lsb << 4) | d;
            }
            digits++;
        }
        return new UUID(msb, lsb);
    }
}
