package io.chpack.common.rowbinary;

/** UTF-8 length of Java text without encoding it (lone surrogates count as the one byte '?'). */
final class Utf8 {
    private Utf8() {
    }

    static long encodedLength(CharSequence s) {
        long len = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                len += 1;
            } else if (c < 0x800) {
                len += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                len += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                len += 1;
            } else {
                len += 3;
            }
        }
        return len;
    }
}
