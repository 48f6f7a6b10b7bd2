package fr.opus.accounts.api;

import java.time.Instant;

/** A search of the audit trail; null members do not filter. At most {@code limit} lines, newest first. */
public record AuditQuery(String actor, String subjectId, String action, Instant from, Instant to, int limit) {
}
