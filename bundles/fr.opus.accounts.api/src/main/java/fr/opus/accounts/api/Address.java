package fr.opus.accounts.api;

/** A postal address. */
public record Address(String street, String postalCode, String city) {
}
