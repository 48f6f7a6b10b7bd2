package fr.opus.accounts.api;

/**
 * A convention's life: drafted by the operator, in force from its signature, terminating during its notice period
 * (access goes on), terminated when the notice ends or its end date passes (every access stops at once).
 */
public enum ConventionStatus {
    DRAFT, ACTIVE, TERMINATING, TERMINATED
}
