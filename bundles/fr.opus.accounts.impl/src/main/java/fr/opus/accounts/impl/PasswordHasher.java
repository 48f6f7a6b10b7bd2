package fr.opus.accounts.impl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), from Bouncy
 * Castle. The default cost is OWASP's first Argon2id setting (19 MiB, 2 passes, 1 lane). A stored hash of another
 * cost still verifies and is rehashed at the next successful login.
 *
 * <p>Each hash holds its memory for its whole run, so at most {@code 2 × processors} run at once: a burst of logins
 * queues rather than exhausting the heap.
 */
final class PasswordHasher {

    record Cost(int memoryKiB, int iterations, int parallelism) {
    }

    static final Cost DEFAULT = new Cost(19_456, 2, 1);
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Cost cost;
    private final Semaphore running = new Semaphore(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));
    /**
     * Verified against when the login is unknown, so that the answer takes as long as for a known one. Made at the
     * first unknown login rather than at start-up.
     */
    private volatile String decoy;

    PasswordHasher(Cost cost) {
        this.cost = cost;
    }

    String hash(String password) {
        byte[] salt = Secrets.bytes(SALT_BYTES);
        byte[] hash = derive(password, salt, cost, HASH_BYTES);
        return "$argon2id$v=19$m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether {@code password} matches {@code stored}; {@code stored == null} burns the same time and says no. */
    boolean verify(String password, String stored) {
        String phc = stored == null ? decoy() : stored;
        String[] parts = phc.split("\\$");
        if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
            return false;
        }
        Cost storedCost = parseCost(parts[3]);
        byte[] salt = B64D.decode(parts[4]);
        byte[] expected = B64D.decode(parts[5]);
        byte[] actual = derive(password, salt, storedCost, expected.length);
        return MessageDigest.isEqual(expected, actual) && stored != null;
    }

    private String decoy() {
        String d = decoy;
        if (d == null) {
            d = hash(Secrets.token());
            decoy = d;
        }
        return d;
    }

    /** Whether a stored hash was made with another cost than today's. */
    boolean outdated(String stored) {
        String[] parts = stored.split("\\$");
        return parts.length != 6 || !parseCost(parts[3]).equals(cost);
    }

    private static Cost parseCost(String params) {
        int m = 0;
        int t = 0;
        int p = 0;
        for (String kv : params.split(",")) {
            int eq = kv.indexOf('=');
            int value = Integer.parseInt(kv.substring(eq + 1));
            switch (kv.substring(0, eq)) {
                case "m" -> m = value;
                case "t" -> t = value;
                case "p" -> p = value;
                default -> throw new IllegalArgumentException("Unknown Argon2 parameter " + kv);
            }
        }
        return new Cost(m, t, p);
    }

    private byte[] derive(String password, byte[] salt, Cost c, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(c.memoryKiB())
                .withIterations(c.iterations())
                .withParallelism(c.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        running.acquireUninterruptibly();
        try {
            generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        } finally {
            running.release();
        }
        return out;
    }
}
