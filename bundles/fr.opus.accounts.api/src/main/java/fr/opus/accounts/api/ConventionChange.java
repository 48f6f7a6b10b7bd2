package fr.opus.accounts.api;

import java.time.Instant;

/** One version of a convention: the convention as it was after the change, who made it, when and why. */
public record ConventionChange(int version, Instant at, String author, String reason, Convention convention) {
}
