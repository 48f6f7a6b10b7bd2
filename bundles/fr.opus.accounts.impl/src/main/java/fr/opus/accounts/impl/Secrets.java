package fr.opus.accounts.impl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random tokens and their digests. Tokens carry 256 random bits, so a plain SHA-256 is enough to store them. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** A URL-safe random token of 256 bits. */
    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Hex SHA-256, the stored form of tokens and activation links. */
    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A random password meeting the policy: 20 characters over letters, digits and signs, with each class
     * present (about 124 bits).
     */
    static String password() {
        String lower = "abcdefghijkmnopqrstuvwxyz";
        String upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        String digits = "23456789";
        String signs = "-_.!@#%+=";
        String all = lower + upper + digits + signs;
        char[] out = new char[20];
        for (int i = 0; i < out.length; i++) {
            String from = switch (i) {
                case 0 -> lower;
                case 1 -> upper;
                case 2 -> digits;
                case 3 -> signs;
                default -> all;
            };
            out[i] = from.charAt(RANDOM.nextInt(from.length()));
        }
        for (int i = out.length - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return new String(out);
    }
}
