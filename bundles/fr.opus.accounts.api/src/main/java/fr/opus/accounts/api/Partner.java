package fr.opus.accounts.api;

import java.time.Instant;

/**
 * A partner structure.
 *
 * @param safirCode 5-digit SAFIR/AURORE code of the France Travail structure it is attached to
 * @param region    INSEE code of its region
 */
public record Partner(String id, PartnerKind kind, String name, String safirCode, String region, Address address,
        Instant createdAt, Instant updatedAt) {
}
