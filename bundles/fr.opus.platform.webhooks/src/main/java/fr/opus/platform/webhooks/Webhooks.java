package fr.opus.platform.webhooks;

import fr.opus.platform.api.security.Caller;
import java.util.List;

/**
 * Managing webhook subscriptions and reading their receipts. A partner's account manager (RGC) and applications
 * manage their own partner's subscriptions; regional operators manage every one, and alone make France
 * Travail-wide subscriptions. Another partner's subscription answers 404, as if it did not exist.
 */
public interface Webhooks {

    /** Subscribes; the answer holds the signing secret, shown this once. */
    IssuedSubscription subscribe(Caller by, WebhookDraft draft);

    /**
     * The subscriptions the caller may see, newest first: its partner's, or for an operator every one (or one
     * partner's when {@code partnerId} is given).
     */
    List<Subscription> subscriptions(Caller by, String partnerId);

    Subscription subscription(Caller by, String subscriptionId);

    /** Revokes: nothing more is sent; the subscription and its deliveries stay readable. Revoking twice is fine. */
    Subscription revoke(Caller by, String subscriptionId);

    /**
     * The subscription's deliveries, newest first.
     *
     * @param status only those in this state, or all when {@code null}
     * @param limit  at most this many (200 at most; 0 or less: 50)
     */
    List<Delivery> deliveries(Caller by, String subscriptionId, DeliveryStatus status, int limit);

    /** Puts a FAILED delivery back to PENDING, due now, for a new series of attempts. */
    Delivery retry(Caller by, String subscriptionId, long deliveryId);

    /** Sends a {@code webhook.ping} event to this subscription only; returns its delivery, PENDING. */
    Delivery ping(Caller by, String subscriptionId);
}
