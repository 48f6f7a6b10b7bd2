package fr.opus.platform.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Opus-Signature} header: {@code t=<epoch seconds>,v1=<lower-case hex HMAC-SHA256>}, the HMAC keyed with
 * the subscription's secret (its UTF-8 bytes, as shown at creation) over {@code t + "." + body}. The timestamp is
 * signed with the body, so a receiver that refuses signatures older than {@link #TOLERANCE} cannot be fed an old
 * delivery again; a receiver also deduplicates on {@code Opus-Event-Id}.
 */
public final class Signature {

    /** The header's name. */
    public static final String HEADER = "Opus-Signature";
    /** How far a receiver should accept the signature's time from its own clock. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Signature() {
    }

    /** The header value for {@code body} sent at {@code at}. */
    public static String sign(String secret, Instant at, String body) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + hex(hmac(secret, t + "." + body));
    }

    /**
     * What a receiver does: true when {@code header} holds a {@code v1} signature of {@code body} by {@code secret}
     * whose time is within {@link #TOLERANCE} of {@code now}. Compares in constant time.
     */
    public static boolean verify(String secret, String header, String body, Instant now) {
        if (header == null) {
            return false;
        }
        Long t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                return false;
            }
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (key.equals("t")) {
                try {
                    t = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    return false;
                }
            } else if (key.equals("v1")) {
                v1 = value;
            }
        }
        if (t == null || v1 == null || Math.abs(now.getEpochSecond() - t) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = hex(hmac(secret, t + "." + body)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }
}
