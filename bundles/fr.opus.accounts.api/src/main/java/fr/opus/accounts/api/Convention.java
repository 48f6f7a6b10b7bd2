package fr.opus.accounts.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A convention between France Travail and one partner, as it stands.
 *
 * @param seatsUsed    counsellor accounts holding a seat of the quota (pending activation or active)
 * @param noticeEndsAt end of the notice period once termination started: every access stops at that instant
 * @param rgcAccountId the partner's RGC account, or {@code null} when none is designated
 * @param version      incremented by each change; every version is kept (see {@link ConventionChange})
 */
public record Convention(String id, String partnerId, ConventionStatus status, LocalDate signedOn, LocalDate endsOn,
        Instant noticeEndsAt, List<ConventionService> services, int accountQuota, int seatsUsed,
        String rgcAccountId, String followUpManager, String ftCorrespondent, int version, Instant updatedAt) {
}
