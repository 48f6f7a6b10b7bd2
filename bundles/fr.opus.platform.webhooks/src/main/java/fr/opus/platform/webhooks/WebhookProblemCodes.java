package fr.opus.platform.webhooks;

/** The stable problem codes of the webhooks API; a code, once published, never changes meaning. */
public final class WebhookProblemCodes {

    /** No such subscription, or one the caller may not know of (another partner's). */
    public static final String WEBHOOK_NOT_FOUND = "webhook-not-found";
    /** No such delivery on this subscription. */
    public static final String DELIVERY_NOT_FOUND = "delivery-not-found";
    /** A subscription request with a wrong URL, event type, description or partner; {@code field} names it. */
    public static final String INVALID_WEBHOOK = "invalid-webhook";
    /** The subscription was revoked: nothing is sent to it any more. */
    public static final String WEBHOOK_REVOKED = "webhook-revoked";
    /** Only a FAILED delivery can be retried. */
    public static final String DELIVERY_NOT_FAILED = "delivery-not-failed";
    /** The partner (or France Travail) already has the most active subscriptions allowed. */
    public static final String WEBHOOK_LIMIT_REACHED = "webhook-limit-reached";

    private WebhookProblemCodes() {
    }
}
