package io.chpack.testkit.maxcompute;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ODPS request signature, recomputed from the published algorithm: {@code Authorization: ODPS <ak>:<sig>}
 * (v2) or {@code ODPS <ak>/<yyyyMMdd>/<region>/odps/aliyun_v4_request:<sig>} (v4), where sig =
 * base64(HmacSHA1(key, S)) and S = {@code METHOD\n} + the values of {@code content-md5}, {@code content-type},
 * {@code date} (empty when absent) and {@code x-odps-*:value} lines, all sorted by lower-cased name, each
 * followed by {@code \n}, then the URL-decoded resource and {@code ?} + the sorted parameters ({@code k=v}, or
 * {@code k} alone when the value is empty). v2 key = the secret; v4 key = HmacSHA256 chain of
 * {@code "aliyun_v4"+secret} over date, region, {@code odps}, {@code aliyun_v4_request}.
 */
final class OdpsSignature {
    static final String PREFIX = "x-odps-";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** A parsed Authorization header. */
    static final class Parsed {
        final String accessId;
        final String date;
        final String region;
        final String signature;

        Parsed(String accessId, String date, String region, String signature) {
            this.accessId = accessId;
            this.date = date;
            this.region = region;
            this.signature = signature;
        }
    }

    private OdpsSignature() {
    }

    /** Null when the header is not an ODPS signature. */
    static Parsed parse(String authorization) {
        if (authorization == null || !authorization.startsWith("ODPS ")) {
            return null;
        }
        String rest = authorization.substring(5).trim();
        int colon = rest.lastIndexOf(':');
        if (colon <= 0) {
            return null;
        }
        String credential = rest.substring(0, colon);
        String sig = rest.substring(colon + 1);
        if (credential.endsWith("/odps/aliyun_v4_request")) {
            String[] p = credential.split("/");
            if (p.length != 5) {
                return null;
            }
            return new Parsed(p[0], p[1], p[2], sig);
        }
        return new Parsed(credential, null, null, sig);
    }

    static String canonicalString(String method, String resource, List<String[]> headers, Map<String, String> params) {
        TreeMap<String, String> toSign = new TreeMap<>();
        for (String[] h : headers) {
            String lower = h[0].toLowerCase(Locale.ROOT);
            if (lower.equals("content-type") || lower.equals("content-md5") || lower.equals("date")
                    || lower.startsWith(PREFIX)) {
                toSign.put(lower, h[1]);
            }
        }
        toSign.putIfAbsent("content-type", "");
        toSign.putIfAbsent("content-md5", "");
        for (Map.Entry<String, String> p : params.entrySet()) {
            if (p.getKey().startsWith(PREFIX)) {
                toSign.put(p.getKey(), p.getValue());
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(method).append('\n');
        for (Map.Entry<String, String> e : toSign.entrySet()) {
            if (e.getKey().startsWith(PREFIX)) {
                sb.append(e.getKey()).append(':');
                if (e.getValue() != null) {
                    sb.append(e.getValue());
                }
            } else {
                sb.append(e.getValue());
            }
            sb.append('\n');
        }
        sb.append(resource);
        if (!params.isEmpty()) {
            String[] names = params.keySet().toArray(new String[0]);
            Arrays.sort(names);
            char sep = '?';
            for (String n : names) {
                sb.append(sep).append(n);
                String v = params.get(n);
                if (v != null && !v.isEmpty()) {
                    sb.append('=').append(v);
                }
                sep = '&';
            }
        }
        return sb.toString();
    }

    /** Whether {@code parsed.signature} is the signature of {@code canonical} under {@code secret}. */
    static boolean verify(Parsed parsed, String secret, String canonical) {
        byte[] key;
        if (parsed.region == null) {
            key = secret.getBytes(StandardCharsets.UTF_8);
        } else {
            byte[] k = hmac("HmacSHA256", ("aliyun_v4" + secret).getBytes(StandardCharsets.UTF_8), parsed.date);
            k = hmac("HmacSHA256", k, parsed.region);
            k = hmac("HmacSHA256", k, "odps");
            key = hmac("HmacSHA256", k, "aliyun_v4_request");
        }
        byte[] expected = hmac("HmacSHA1", key, canonical);
        byte[] given;
        try {
            given = Base64.getDecoder().decode(parsed.signature.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    /** Whether a v4 credential's day is today or yesterday/tomorrow in UTC (clock skew). */
    static boolean plausibleDay(String yyyymmdd) {
        try {
            LocalDate d = LocalDate.parse(yyyymmdd, DAY);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            return !d.isBefore(today.minusDays(1)) && !d.isAfter(today.plusDays(1));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static byte[] hmac(String alg, byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(alg);
            mac.init(new SecretKeySpec(key, alg));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
