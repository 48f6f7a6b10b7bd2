package fr.opus.platform.api.mail;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;

/**
 * The transactional outbox. {@link #enqueue} writes the mail with the caller's own connection, inside its open
 * transaction on the {@code opus} data source: the mail exists if and only if the change that causes it commits.
 * The platform then sends it, with retries, once.
 */
public interface MailOutbox {

    /**
     * Queues a mail in the caller's transaction. A mail whose key was already queued is ignored.
     *
     * @param transaction a connection of the {@code opus} data source with auto-commit off
     */
    void enqueue(Connection transaction, Mail mail) throws SQLException;

    /** Where the mails with these keys stand; keys never queued are absent from the answer. */
    Map<String, MailStatus> status(Collection<String> keys);

    /** Sends a {@link MailStatus.State#FAILED failed} mail again, from now on; whether it was failed. */
    boolean retry(String key);
}
