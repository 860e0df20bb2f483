package io.chpack.common.convert;

/**
 * Strict UTF-8 validation (RFC 3629): no overlong forms, no UTF-16 surrogates (CESU-8), nothing above
 * U+10FFFF, no truncated sequences. Java's decoder would silently replace such bytes with U+FFFD.
 */
final class Utf8Check {
    private Utf8Check() {
    }

    static boolean isValid(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            int c = b[i];
            if (c >= 0) { // ASCII
                i++;
                continue;
            }
            c &= 0xFF;
            int need;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                min = 0x10000;
            } else {
                return false; // continuation byte, overlong 2-byte lead (C0, C1), or F5..FF
            }
            if (i + need >= end) { // truncated sequence
                return false;
            }
            int cp = c & (0x3F >> need);
            for (int k = 1; k <= need; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false;
            }
            i += need + 1;
        }
        return true;
    }

    /** The index of the first unpaired UTF-16 surrogate in {@code s}, or -1 when it is valid Unicode. */
    static int firstLoneSurrogate(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0xD800 && c <= 0xDFFF) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Rejects text with unpaired surrogates: they have no UTF-8 form and would silently become '?'. */
    static void requireUnicode(String s) {
        int at = firstLoneSurrogate(s);
        if (at >= 0) {
            throw new Reject("the text has an unpaired UTF-16 surrogate U+" + String.format(java.util.Locale.ROOT, "%04X", (int) s.charAt(at))
                    + " at index " + at + ", which has no UTF-8 encoding");
        }
    }
}
