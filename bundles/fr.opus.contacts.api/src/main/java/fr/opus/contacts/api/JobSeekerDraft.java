package fr.opus.contacts.api;

/**
 * What a counsellor enters about a job seeker: the minimum needed to act for them, nothing DOMAIN §9 forbids.
 *
 * @param ftIdentifier France Travail's identifier when the person is registered (7 digits and a letter or digit,
 *                     {@code 1234567A}), or {@code null}
 * @param channel      the preferred channel; its coordinate (e-mail, mobile phone, postal address) must be given
 * @param note         a short free-text note for the partner's counsellors; refused when it obviously holds a
 *                     category DOMAIN §9 forbids (health, origin, religion, opinions, union membership, sex life,
 *                     social or personal difficulties)
 */
public record JobSeekerDraft(String firstName, String lastName, String ftIdentifier, String email, String phone,
        String postalAddress, Channel channel, String note) {
}
