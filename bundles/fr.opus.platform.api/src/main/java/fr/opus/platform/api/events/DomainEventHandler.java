package fr.opus.platform.api.events;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A whiteboard handler of domain events, in the same JVM: a bundle registers one as an OSGi service, with the
 * {@link #NAME} property and usually {@link #TYPES}, and receives every event published through the
 * {@link EventOutbox} after the change that published it committed — without the publisher knowing the handler.
 *
 * <p>The outbox keeps one pending row per handler name and event, written in the publisher's transaction for each
 * handler registered at that moment whose types match; the platform then calls {@link #handle} for each, in
 * publication order, one at a time, outside of any database transaction of the outbox. While no handler of that name
 * is registered (its bundle stopped or uninstalled), its rows wait, and it receives them when it is back.
 *
 * <p>A declarative services component declares both properties, for instance
 * {@code @Component(property = {DomainEventHandler.NAME + "=preselection.referrals", DomainEventHandler.TYPES
 * + "=referral.*"})}. The name is what the pending rows are kept under: it stays the same from one version of the
 * module to the next, and two handlers never share it.
 */
@ConsumerType
public interface DomainEventHandler {
    /** Service property: the handler's stable name, under which its pending events are kept (e.g. "preselection.referrals"). Required. */
    String NAME = "opus.event.handler";
    /** Service property: the event types handled, exact types or "prefix.*" patterns (String or String[]); absent means every type. */
    String TYPES = "opus.event.types";
    /** Handles one event, after the change that published it committed. Called at least once per event: must be idempotent. Throwing makes the event come again later. */
    void handle(DomainEvent event) throws Exception;
}
