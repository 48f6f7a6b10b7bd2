package fr.opus.contacts.api;

import java.time.Instant;

/** A job seeker a partner acts for. Owned by the partner: other partners never see it. */
public record JobSeeker(String id, String partnerId, String firstName, String lastName, String ftIdentifier,
        String email, String phone, String postalAddress, Channel channel, String note, Instant createdAt,
        String createdBy, Instant updatedAt) {
}
