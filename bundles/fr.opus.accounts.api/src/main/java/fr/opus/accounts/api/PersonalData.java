package fr.opus.accounts.api;

import java.time.Instant;
import java.util.List;

/**
 * Everything Opus holds about one person's account (GDPR art. 15, the right of access): the account, the
 * activation links and sessions issued to it (never their secrets), the conventions' versions that name it as RGC,
 * and the audit trail of what it did and of what was done to it.
 *
 * @param exportedAt      when the export was made
 * @param rgcDesignations the convention versions naming the person as RGC, as {@code <convention id>/v<version>}
 * @param actions         what the person did (the audit lines where they are the actor), oldest first
 * @param events          what was done to their account, and by whom, oldest first
 */
public record PersonalData(Instant exportedAt, Account account, List<Activation> activations,
        List<Session> sessions, List<String> rgcDesignations, List<AuditEvent> actions,
        List<AuditEvent> events) {

    /** An activation link sent to the person: when, until when, whether it was used. */
    public record Activation(Instant createdAt, Instant expiresAt, Instant usedAt) {
    }

    /** A bearer token issued to the person. */
    public record Session(Instant issuedAt, Instant expiresAt, Instant revokedAt) {
    }
}
