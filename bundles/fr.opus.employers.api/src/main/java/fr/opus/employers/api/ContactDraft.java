package fr.opus.employers.api;

/**
 * A contact to add: a name and at least an e-mail address or a phone number.
 *
 * @param role free text (100 characters at most), screened for what DOMAIN §9 forbids
 */
public record ContactDraft(String name, String role, String email, String phone) {
}
