package fr.opus.accounts.api;

/** An account's state: created and waiting for its holder to set a password, usable, or switched off. */
public enum AccountStatus {
    PENDING_ACTIVATION, ACTIVE, DEACTIVATED
}
