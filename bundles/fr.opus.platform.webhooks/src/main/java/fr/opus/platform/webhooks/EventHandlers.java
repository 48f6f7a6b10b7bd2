package fr.opus.platform.webhooks;

import fr.opus.platform.api.events.DomainEvent;
import fr.opus.platform.api.events.DomainEventHandler;
import fr.opus.platform.api.persistence.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.IntToLongFunction;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process side of the outbox: the {@link DomainEventHandler} services of other bundles, and their HANDLING
 * rows.
 *
 * <p>{@link #enqueue} writes, in the publisher's transaction, one PENDING row per handler registered at that moment
 * whose types match the event. {@link #handleDue}, run by the outbox's poll loop, calls each registered handler with
 * its due rows in publication order, one at a time, outside of any transaction: success marks the row DONE;
 * whatever the handler throws is a failed attempt, retried after the webhooks' growing delay until
 * {@code maxAttempts}, then FAILED. While a handler's oldest pending row waits for a retry, the later ones wait
 * behind it. Rows are kept under the handler's name, so those of a handler that is not registered (its bundle stopped
 * or uninstalled) wait untouched until a handler of that name is back.
 *
 * <p>Handlers come and go at any time ({@code DYNAMIC}): they are kept in a concurrent map, and a handler that leaves
 * while it is called is no fault of the event: if the call fails, the row is left as it was, for the next handler of
 * that name. Two services with the same name: the first one registered is called, the other waits for it to leave.
 */
final class EventHandlers {

    static final String PENDING = "PENDING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";
    static final int MAX_NAME = 100;

    private static final Logger LOG = LoggerFactory.getLogger(EventHandlers.class);
    private static final int BATCH = 50;
    private static final int MAX_ERROR = 1000;

    /** A registered handler service and the types it asked for (empty: every type). */
    private record Registration(String name, DomainEventHandler handler, List<String> types) {
    }

    /** Per name, the services registered under it in arrival order: the first one is called. */
    private final ConcurrentMap<String, List<Registration>> byName = new ConcurrentHashMap<>();

    private final Jdbc jdbc;
    private final Clock clock;
    private final int maxAttempts;
    private final IntToLongFunction delaySeconds;
    private final Duration turn;

    /**
     * @param delaySeconds the wait after the n-th failed attempt (the webhooks' own)
     * @param turn         how long one handler runs before the other handlers get their turn (one call may run over)
     */
    EventHandlers(Jdbc jdbc, Clock clock, int maxAttempts, IntToLongFunction delaySeconds, Duration turn) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.delaySeconds = delaySeconds;
        this.turn = turn;
    }

    // ---------------------------------------------------------------------------------------------- whiteboard

    /** A handler service arrived: kept under its name, unless its properties are wrong (then only logged). */
    void add(DomainEventHandler handler, Map<String, ?> properties) {
        Registration registration = registration(handler, properties);
        if (registration == null) {
            return;
        }
        List<Registration> all = byName.merge(registration.name(), List.of(registration), EventHandlers::concat);
        if (all.get(0) != registration) {
            LOG.warn("Event handlers: two services are named {}: the first one registered gets the events, the"
                    + " other waits for it to leave", registration.name());
        }
    }

    /** A handler service changed its properties: its new types count from the next event published. */
    void update(DomainEventHandler handler, Map<String, ?> properties) {
        Registration registration = registration(handler, properties);
        if (registration == null) {
            remove(handler);
            return;
        }
        boolean[] replaced = {false};
        byName.computeIfPresent(registration.name(), (name, list) -> {
            List<Registration> updated = new ArrayList<>(list);
            for (int i = 0; i < updated.size(); i++) {
                if (updated.get(i).handler() == handler) {
                    updated.set(i, registration);
                    replaced[0] = true;
                }
            }
            return List.copyOf(updated);
        });
        if (!replaced[0]) { // renamed, or unknown until now
            remove(handler);
            add(handler, properties);
        }
    }

    /** A handler service left: its pending rows wait for a handler of the same name. */
    void remove(DomainEventHandler handler) {
        for (String name : List.copyOf(byName.keySet())) {
            byName.computeIfPresent(name, (n, list) -> {
                List<Registration> left = list.stream().filter(r -> r.handler() != handler).toList();
                return left.isEmpty() ? null : left;
            });
        }
    }

    /** The handler called under this name now, or null. */
    private Registration current(String name) {
        List<Registration> all = byName.get(name);
        return all == null ? null : all.get(0);
    }

    private static List<Registration> concat(List<Registration> a, List<Registration> b) {
        List<Registration> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static Registration registration(DomainEventHandler handler, Map<String, ?> properties) {
        Object name = properties.get(DomainEventHandler.NAME);
        if (!(name instanceof String s) || s.isBlank() || s.strip().length() > MAX_NAME) {
            LOG.warn("Event handlers: {} ignored: its service property {} must be its name, 1 to {} characters,"
                    + " and is {}", handler.getClass().getName(), DomainEventHandler.NAME, MAX_NAME, name);
            return null;
        }
        List<String> types = new ArrayList<>();
        Object value = properties.get(DomainEventHandler.TYPES);
        if (value instanceof String type) {
            types.add(type);
        } else if (value instanceof String[] array) {
            types.addAll(List.of(array));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(t -> types.add(String.valueOf(t)));
        } else if (value != null) {
            types.add(String.valueOf(value)); // refused just below
        }
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i) == null ? "" : types.get(i).strip();
            types.set(i, type);
            if (type.length() > 100 || !Store.TYPE_FILTER.matcher(type).matches()) {
                LOG.warn("Event handlers: {} ignored: {} holds \"{}\", which is neither an event type"
                        + " (referral.state-changed) nor a pattern (referral.*)", s.strip(), DomainEventHandler.TYPES,
                        type);
                return null;
            }
        }
        return new Registration(s.strip(), handler, List.copyOf(types));
    }

    // -------------------------------------------------------------------------------------------------- enqueuing

    /** One PENDING row per handler registered now whose types match, in the publisher's transaction. */
    void enqueue(Connection transaction, String eventId, String type, Instant now) throws SQLException {
        List<String> names = new ArrayList<>();
        for (List<Registration> all : byName.values()) {
            Registration registration = all.get(0);
            if (Store.matches(registration.types(), type)) {
                names.add(registration.name());
            }
        }
        if (names.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = Jdbc.prepare(transaction, "INSERT INTO WEBHOOKS.HANDLING (HANDLER_NAME,"
                + " EVENT_ID, STATUS, ATTEMPTS, CREATED_AT, NEXT_ATTEMPT_AT) VALUES (?, ?, 'PENDING', 0, ?, ?)",
                null, eventId, now, now)) {
            for (String name : names) {
                insert.setString(1, name);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    // --------------------------------------------------------------------------------------------------- handling

    /** One round: each registered handler with something due, the oldest due row first. Returns the calls made. */
    int handleDue() {
        List<String> registered = new ArrayList<>(byName.keySet());
        if (registered.isEmpty()) {
            return 0; // rows of absent handlers are not even looked at
        }
        Object[] params = new Object[registered.size() + 1];
        params[0] = clock.instant();
        for (int i = 0; i < registered.size(); i++) {
            params[i + 1] = registered.get(i);
        }
        String marks = registered.stream().map(n -> "?").collect(Collectors.joining(", "));
        List<String> names = jdbc.read(c -> Jdbc.list(c, "SELECT HANDLER_NAME, MIN(ID) AS OLDEST"
                + " FROM WEBHOOKS.HANDLING WHERE STATUS = 'PENDING' AND NEXT_ATTEMPT_AT <= ?"
                + " AND HANDLER_NAME IN (" + marks + ") GROUP BY HANDLER_NAME ORDER BY OLDEST",
                rs -> rs.getString(1), params));
        int calls = 0;
        for (String name : names) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            calls += handleQueue(name);
        }
        return calls;
    }

    /** A pending row with its event, read back. */
    private record Due(long id, String handlerName, int attempts, Instant nextAttemptAt, String eventId,
            String type, Instant occurredAt, String subject, List<String> partnerIds, String payload) {

        DomainEvent event() {
            return new DomainEvent(eventId, type, occurredAt, new HashSet<>(partnerIds), subject,
                    EventJson.data(payload));
        }
    }

    /** A row the handler took, to be marked DONE. */
    private record Done(long id, Instant start, Instant end) {
    }

    /**
     * One handler's turn: its pending rows in order, slice after slice, until a call fails, a row is not yet due, the
     * handler is gone, none is left, or the turn has lasted {@link #turn}. The rows it took are marked DONE together,
     * before the next slice is read and at the end of the turn.
     */
    private int handleQueue(String name) {
        long deadline = System.nanoTime() + turn.toNanos();
        int calls = 0;
        List<Done> done = new ArrayList<>();
        try {
            while (true) {
                List<Due> slice = slice(name);
                for (Due due : slice) {
                    if (due.nextAttemptAt().isAfter(clock.instant()) || Thread.currentThread().isInterrupted()
                            || System.nanoTime() - deadline > 0) {
                        return calls; // an earlier row waits for its next attempt: the later wait behind it
                    }
                    Registration registration = current(name);
                    if (registration == null) {
                        return calls; // gone since the round began: its rows wait for it
                    }
                    calls++;
                    Done taken = call(registration, due);
                    if (taken == null) {
                        return calls;
                    }
                    done.add(taken);
                }
                if (slice.size() < BATCH) {
                    return calls;
                }
                record(done); // before reading the next slice, which must not see these again
            }
        } finally {
            record(done);
        }
    }

    private List<Due> slice(String name) {
        return jdbc.read(c -> Jdbc.list(c, "SELECT H.ID, H.ATTEMPTS, H.NEXT_ATTEMPT_AT, E.ID AS EVENT_ID,"
                + " E.EVENT_TYPE, E.OCCURRED_AT, E.SUBJECT, E.PARTNER_IDS, E.PAYLOAD"
                + " FROM WEBHOOKS.HANDLING H JOIN WEBHOOKS.EVENT E ON E.ID = H.EVENT_ID"
                + " WHERE H.HANDLER_NAME = ? AND H.STATUS = 'PENDING' ORDER BY H.ID FETCH FIRST " + BATCH
                + " ROWS ONLY",
                rs -> new Due(rs.getLong("ID"), name, rs.getInt("ATTEMPTS"), Jdbc.instant(rs, "NEXT_ATTEMPT_AT"),
                        rs.getString("EVENT_ID"), rs.getString("EVENT_TYPE"), Jdbc.instant(rs, "OCCURRED_AT"),
                        rs.getString("SUBJECT"), Store.partnerIds(rs.getString("PARTNER_IDS")),
                        rs.getString("PAYLOAD")), name));
    }

    /**
     * One call, with no connection of the outbox open. Returns what to mark DONE when the handler took the event;
     * otherwise records the failure (unless the handler left meanwhile) and returns null.
     */
    private Done call(Registration registration, Due due) {
        Instant start = clock.instant();
        try {
            registration.handler().handle(due.event());
            return new Done(due.id(), start, clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: the row stays PENDING, handled again at the next start
            return null;
        } catch (Throwable e) { // whatever a module throws, Errors included, must not stop the outbox's thread
            if (Thread.currentThread().isInterrupted() || current(due.handlerName()) != registration) {
                // stopping, or the handler left (or was replaced) while called: not its event's fault
                LOG.info("Event handler {} left while handling event {}; the event waits for it: {}",
                        due.handlerName(), due.eventId(), describe(e));
                return null;
            }
            failed(due, start, e);
            return null;
        }
    }

    private void failed(Due due, Instant start, Throwable e) {
        int attempts = due.attempts() + 1;
        boolean last = attempts >= maxAttempts;
        Instant next = start.plusSeconds(delaySeconds.applyAsLong(attempts));
        String error = describe(e);
        String reason = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        jdbc.read(c -> Jdbc.update(c, "UPDATE WEBHOOKS.HANDLING SET STATUS = ?, ATTEMPTS = ?, LAST_ATTEMPT_AT = ?,"
                + " NEXT_ATTEMPT_AT = ?, LAST_ERROR = ? WHERE ID = ? AND STATUS = 'PENDING'",
                last ? FAILED : PENDING, attempts, start, next, reason, due.id()));
        if (last) {
            LOG.warn("Event handler {} failed on event {} at attempt {}, the last: FAILED, it is not called again"
                    + " for this event", due.handlerName(), due.eventId(), attempts, e);
        } else {
            LOG.warn("Event handler {} failed on event {}, attempt {} of {}; again at {}: {}", due.handlerName(),
                    due.eventId(), attempts, maxAttempts, next, reason);
        }
    }

    /** Marks DONE, in one transaction, the rows the handler took: one disk sync per turn rather than per event. */
    private void record(List<Done> done) {
        if (done.isEmpty()) {
            return;
        }
        try {
            jdbc.tx(c -> {
                try (PreparedStatement update = c.prepareStatement("UPDATE WEBHOOKS.HANDLING SET STATUS = 'DONE',"
                        + " ATTEMPTS = ATTEMPTS + 1, LAST_ATTEMPT_AT = ?, LAST_ERROR = NULL, DONE_AT = ?"
                        + " WHERE ID = ? AND STATUS = 'PENDING'")) {
                    for (Done d : done) {
                        update.setTimestamp(1, Timestamp.from(d.start()));
                        update.setTimestamp(2, Timestamp.from(d.end()));
                        update.setLong(3, d.id());
                        update.addBatch();
                    }
                    return update.executeBatch();
                }
            });
        } finally {
            done.clear();
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        String kind = e.getClass().getName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }
}
