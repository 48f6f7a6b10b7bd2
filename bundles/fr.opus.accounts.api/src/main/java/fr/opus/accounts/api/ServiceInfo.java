package fr.opus.accounts.api;

/** A service of the catalogue that conventions may list, as registered by an installed capability. */
public record ServiceInfo(String id, String label, String description) {
}
