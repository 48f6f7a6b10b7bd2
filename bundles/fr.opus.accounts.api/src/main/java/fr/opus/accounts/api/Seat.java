package fr.opus.accounts.api;

import java.time.Instant;

/** One seat of a partner's quota, as the RGC's seat counter shows it. */
public record Seat(String accountId, String login, String firstName, String lastName, AccountStatus status,
        Instant lastLoginAt) {
}
