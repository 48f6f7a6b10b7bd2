package fr.opus.platform.webhooks;

/**
 * A new subscription with its signing secret, shown this once: no later answer, log or audit line holds it.
 *
 * @param secret 32 random bytes, base64url without padding; the HMAC-SHA256 key is this text's UTF-8 bytes
 */
public record IssuedSubscription(Subscription subscription, String secret) {

    @Override
    public String toString() {
        return "IssuedSubscription[subscription=" + subscription + ", secret=(masqué)]";
    }
}
