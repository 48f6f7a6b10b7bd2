package fr.opus.platform.api.mail;

import java.util.List;
import java.util.Objects;

/**
 * A plain-text mail to one recipient, written in French by the capability that sends it, with optional attachments.
 *
 * @param key a stable identifier of why this mail exists ({@code account-activation:<id>:<n>}): queuing the same key
 *            twice sends one mail
 */
public record Mail(String to, String subject, String text, String key, List<Attachment> attachments) {

    public Mail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(key, "key");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public Mail(String to, String subject, String text, String key) {
        this(to, subject, text, key, List.of());
    }

    /**
     * A file sent with the mail.
     *
     * @param fileName    the name the recipient sees ({@code candidats-201WLXK.pdf})
     * @param contentType its media type ({@code application/pdf})
     */
    public record Attachment(String fileName, String contentType, byte[] content) {

        public Attachment {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(content, "content");
        }
    }
}
