/**
 * Domain events through the platform's transactional outbox: a capability publishes an event inside the database
 * transaction of the change ({@link fr.opus.platform.api.events.EventOutbox}); the platform delivers it after
 * commit to partner systems as HMAC-signed webhooks, and to the in-process
 * {@link fr.opus.platform.api.events.DomainEventHandler} services registered by other bundles.
 *
 * <p>In-process handlers let an optional module react to core's events ({@code referral.state-changed}…) without
 * core knowing it: the module registers a {@code DomainEventHandler} service with a stable name
 * ({@code opus.event.handler}) and the event types it wants ({@code opus.event.types}: exact types or
 * {@code prefix.*} patterns; absent, every type). A pending row per handler and event is written in the publisher's
 * transaction, so a rolled-back change reaches no handler and a committed one reaches each handler registered at
 * publication, at least once, in publication order, after commit, retried with a growing delay when the handler
 * throws. While the module is stopped or uninstalled its rows wait under its name; they are handled once a handler
 * of that name is registered again. The event a handler receives is rebuilt from the stored row: its {@code data}
 * holds the values as read back from JSON (strings, numbers, booleans, lists, maps; dates as ISO-8601 strings).
 */
@Export
@Version("1.1.0")
package fr.opus.platform.api.events;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
