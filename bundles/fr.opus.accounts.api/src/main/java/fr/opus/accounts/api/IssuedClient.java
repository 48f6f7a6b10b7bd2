package fr.opus.accounts.api;

/** A newly issued client with its secret, shown this once: Opus keeps only its hash. */
public record IssuedClient(Client client, String clientSecret) {
}
