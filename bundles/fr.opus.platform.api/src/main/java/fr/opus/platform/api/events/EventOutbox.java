package fr.opus.platform.api.events;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The transactional event outbox. {@link #publish} writes the event with the caller's own connection, inside its
 * open transaction on the {@code opus} data source: the event exists if and only if the change commits. The
 * platform then delivers it to the subscribed webhooks, signed, with retries and a receipt per delivery, and to the
 * {@link DomainEventHandler} services registered when it was published.
 */
public interface EventOutbox {

    /**
     * Records an event in the caller's transaction. An event whose id was already published is ignored.
     *
     * @param transaction a connection of the {@code opus} data source with auto-commit off
     */
    void publish(Connection transaction, DomainEvent event) throws SQLException;
}
