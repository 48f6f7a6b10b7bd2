package fr.opus.platform.api.mail;

import java.util.Objects;

/**
 * A plain-text mail to one recipient, written in French by the capability that sends it.
 *
 * @param key a stable identifier of why this mail exists ({@code account-activation:<id>:<n>}): queuing the same key
 *            twice sends one mail
 */
public record Mail(String to, String subject, String text, String key) {

    public Mail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(key, "key");
    }
}
