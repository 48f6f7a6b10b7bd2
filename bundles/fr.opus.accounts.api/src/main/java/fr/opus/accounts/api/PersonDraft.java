package fr.opus.accounts.api;

/** Who an account is for: enough to greet them and send the activation link, nothing more (DOMAIN §9). */
public record PersonDraft(String firstName, String lastName, String email) {
}
