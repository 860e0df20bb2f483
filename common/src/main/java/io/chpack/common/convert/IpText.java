package io.chpack.common.convert;

/**
 * Strict IPv4 / IPv6 text, parsed and printed without {@code InetAddress} (which may resolve host names
 * over DNS for text it does not recognise).
 */
final class IpText {
    private IpText() {
    }

    /**
     * Dotted-quad IPv4 {@code a.b.c.d}, each part 0–255 in decimal without leading zeros (so
     * {@code 010.0.0.1} is neither read as octal nor as ten). Returns the address number, or -1.
     */
    static long parseIpv4(CharSequence s, int from, int to) {
        long v = 0;
        int parts = 0;
        int i = from;
        while (parts < 4) {
            int start = i;
            int part = 0;
            while (i < to && i - start < 3 && NumberText.isDigit(s.charAt(i))) {
                part = part * 10 + (s.charAt(i) - '0');
                i++;
            }
            int len = i - start;
            if (len == 0 || part > 255 || (len > 1 && s.charAt(start) == '0')) {
                return -1;
            }
            v = (v << 8) | part;
            parts++;
            if (parts < 4) {
                if (i >= to || s.charAt(i) != '.') {
                    return -1;
                }
                i++;
            }
        }
        return i == to ? v : -1;
    }

    static String formatIpv4(long v) {
        return ((v >>> 24) & 0xFF) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "." + (v & 0xFF);
    }

    /**
     * IPv6 text per RFC 4291 section 2.2: eight groups of 1–4 hex digits, at most one {@code ::}, an
     * optional dotted IPv4 tail; no zone ({@code %eth0}) and no brackets. Plain IPv4 text gives the
     * IPv4-mapped address {@code ::ffff:a.b.c.d}, as ClickHouse converts. Returns 16 bytes or null.
     */
    static byte[] parseIpv6(String s) {
        int n = s.length();
        if (n == 0) {
            return null;
        }
        if (s.indexOf(':') < 0) {
            long v4 = parseIpv4(s, 0, n);
            if (v4 < 0) {
                return null;
            }
            byte[] b = new byte[16];
            b[10] = (byte) 0xFF;
            b[11] = (byte) 0xFF;
            putIpv4(b, 12, v4);
            return b;
        }
        int[] groups = new int[8];
        int count = 0;
        int gapAt = -1; // group index where "::" stands
        int i = 0;
        if (s.startsWith("::")) {
            gapAt = 0;
            i = 2;
            if (i == n) {
                return new byte[16];
            }
        } else if (s.charAt(0) == ':') {
            return null;
        }
        while (i < n) {
            // an IPv4 tail?
            int nextColon = s.indexOf(':', i);
            int end = nextColon < 0 ? n : nextColon;
            if (nextColon < 0 && s.indexOf('.', i) >= 0) {
                if (count > 6) {
                    return null;
                }
                long v4 = parseIpv4(s, i, n);
                if (v4 < 0) {
                    return null;
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xFFFF);
                i = n;
                break;
            }
            int len = end - i;
            if (len < 1 || len > 4 || count == 8) {
                return null;
            }
            int g = 0;
            for (int k = i; k < end; k++) {
                int d = Character.digit(s.charAt(k), 16);
                if (d < 0 || s.charAt(k) > 'f') {
                    return null;
                }
                g = g * 16 + d;
            }
            groups[count++] = g;
            i = end;
            if (i == n) {
                break;
            }
            // at a ':'
            if (i + 1 < n && s.charAt(i + 1) == ':') {
                if (gapAt >= 0) {
                    return null; // a second "::"
                }
                gapAt = count;
                i += 2;
                if (i == n) {
                    break;
                }
            } else {
                i++;
                if (i == n) {
                    return null; // trailing single ':'
                }
            }
        }
        if (gapAt < 0 ? count != 8 : count > 7) {
            return null;
        }
        byte[] b = new byte[16];
        int shift = 8 - count; // groups filled in by "::"
        for (int k = 0; k < count; k++) {
            int pos = (gapAt >= 0 && k >= gapAt) ? k + shift : k;
            b[2 * pos] = (byte) (groups[k] >>> 8);
            b[2 * pos + 1] = (byte) groups[k];
        }
        return b;
    }

    private static void putIpv4(byte[] b, int off, long v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    /**
     * RFC 5952 text: lower-case hex without leading zeros, the longest run of two or more zero groups
     * (the first on a tie) as {@code ::}, IPv4-mapped addresses as {@code ::ffff:a.b.c.d} — the form
     * ClickHouse prints.
     */
    static String formatIpv6(byte[] b) {
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                mapped = false;
                break;
            }
        }
        if (mapped && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
            return "::ffff:" + (b[12] & 0xFF) + "." + (b[13] & 0xFF) + "." + (b[14] & 0xFF) + "." + (b[15] & 0xFF);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
