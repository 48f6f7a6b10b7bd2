package fr.opus.platform.api.mail;

import java.time.Instant;

/**
 * Where a queued mail stands.
 *
 * @param attempts  how many times sending was tried
 * @param sentAt    when the SMTP server accepted it, or {@code null}
 * @param lastError the last failure, or {@code null}
 */
public record MailStatus(String key, State state, int attempts, Instant sentAt, String lastError) {

    public enum State {
        /** Waiting to be sent, or to be retried. */
        PENDING,
        /** Accepted by the SMTP server. */
        SENT,
        /** Every attempt failed; {@link MailOutbox#retry} sends it again. */
        FAILED
    }
}
