package fr.opus.accounts.api;

/** What an operator gives to create or update a partner. */
public record PartnerDraft(PartnerKind kind, String name, String safirCode, String region, Address address) {
}
