package fr.opus.contacts.api;

import java.time.Instant;

/**
 * One step of a referral's history.
 *
 * @param from    the state before, {@code null} for the creation
 * @param by      login of who made the change, or {@code system}
 * @param reason  for {@code NOT_RETAINED}, the employer's reason
 * @param comment free text (no DOMAIN §9 category), or {@code null}
 */
public record ReferralEvent(Instant at, String by, ReferralState from, ReferralState to, RejectionReason reason,
        String comment) {
}
