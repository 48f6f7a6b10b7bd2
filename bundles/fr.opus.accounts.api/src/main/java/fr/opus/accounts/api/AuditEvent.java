package fr.opus.accounts.api;

import java.time.Instant;

/**
 * One line of the append-only audit trail: a security event, or a read or change of personal data.
 *
 * @param actor   login or client id of who acted ({@code null} for an unknown caller)
 * @param address network address the request came from
 * @param action  what happened ({@code login}, {@code account.read}, {@code convention.amend}…)
 * @param outcome {@code success} or {@code failure}
 */
public record AuditEvent(long id, Instant at, String actor, String actorRole, String actorPartner, String address,
        String action, String subjectType, String subjectId, String outcome, String detail) {
}
