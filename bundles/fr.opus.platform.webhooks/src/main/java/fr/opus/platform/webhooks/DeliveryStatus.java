package fr.opus.platform.webhooks;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Every attempt failed; a retry puts it back to PENDING. */
    FAILED
}
