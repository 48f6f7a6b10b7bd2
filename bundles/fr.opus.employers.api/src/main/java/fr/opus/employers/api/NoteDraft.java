package fr.opus.employers.api;

/**
 * A note's text: 2,000 characters at most, refused when it obviously holds a category DOMAIN §9 forbids (health,
 * origin, religion, opinions, union membership, sex life, social or personal difficulties).
 */
public record NoteDraft(String text) {
}
