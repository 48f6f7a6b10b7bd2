package fr.opus.contacts.api;

/** How a job seeker prefers to be told about their applications. */
public enum Channel {
    EMAIL,
    SMS,
    PHONE,
    POST;

    public String label() {
        return switch (this) {
            case EMAIL -> "courriel";
            case SMS -> "SMS";
            case PHONE -> "téléphone";
            case POST -> "courrier";
        };
    }
}
