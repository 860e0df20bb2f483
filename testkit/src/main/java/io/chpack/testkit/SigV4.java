package io.chpack.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 primitives, written from the published algorithm (not from the SDK), so the
 * emulator checks the SDK independently: canonical request, string to sign, signing key, URI encoding.
 */
final class SigV4 {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final HexFormat HEX = HexFormat.of();

    private SigV4() {
    }

    static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
    static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        k = hmac(k, region);
        k = hmac(k, service);
        return hmac(k, "aws4_request");
    }

    static String stringToSign(String amzDate, String scope, String canonicalRequest) {
        return ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    static String signature(String secret, String amzDate, String region, String service, String canonicalRequest) {
        String scope = amzDate.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
        return HEX.formatHex(hmac(signingKey(secret, amzDate.substring(0, 8), region, service),
                stringToSign(amzDate, scope, canonicalRequest)));
    }

    /** RFC 3986 encoding as SigV4 wants it: unreserved characters kept, everything else %XX (upper case). */
    static String uriEncode(String s, boolean encodeSlash) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~' || (c == '/' && !encodeSlash)) {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    /** Decoded name/value pairs → sorted, encoded {@code a=1&b=2} (repeated names sorted by value). */
    static String canonicalQuery(List<Map.Entry<String, String>> params) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> e : params) {
            pairs.add(uriEncode(e.getKey(), true) + "=" + uriEncode(e.getValue() == null ? "" : e.getValue(), true));
        }
        pairs.sort((a, b) -> {
            String ka = a.substring(0, a.indexOf('='));
            String kb = b.substring(0, b.indexOf('='));
            int c = ka.compareTo(kb);
            return c != 0 ? c : a.compareTo(b);
        });
        return String.join("&", pairs);
    }

    /** Header value as SigV4 canonicalises it: trimmed, inner runs of spaces collapsed. */
    static String canonicalHeaderValue(List<String> values) {
        List<String> trimmed = new ArrayList<>();
        for (String v : values) {
            trimmed.add(v.trim().replaceAll(" +", " "));
        }
        return String.join(",", trimmed);
    }
}
