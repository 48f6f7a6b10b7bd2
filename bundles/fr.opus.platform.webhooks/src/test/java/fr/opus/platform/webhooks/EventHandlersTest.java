package fr.opus.platform.webhooks;

import static fr.opus.platform.webhooks.Callers.PARTNER_A;
import static fr.opus.platform.webhooks.Callers.PARTNER_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.platform.api.events.DomainEvent;
import fr.opus.platform.api.events.DomainEventHandler;
import fr.opus.platform.api.persistence.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * In-process event handlers through the outbox, on a real Derby database. As in {@link WebhookOutboxTest}, the poll
 * loop runs when the test says ({@code handleDue()}) and time moves only when the test moves it.
 */
class EventHandlersTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private TestDatabase database;
    private MutableClock clock;
    private WebhookOutbox outbox;

    @BeforeEach
    void setUp() {
        database = new TestDatabase();
        clock = new MutableClock(T0);
        outbox = outbox(3);
    }

    @AfterEach
    void tearDown() throws Exception {
        outbox.stop();
        database.close();
    }

    /** maxAttempts as given, retryBaseSeconds 1, no poll thread. */
    private WebhookOutbox outbox(int maxAttempts) {
        return new WebhookOutbox(database.dataSource(), new HttpSender(5), clock, maxAttempts, 1, true, 0);
    }

    /** A handler that records what it gets, and first throws what the test lined up. */
    private static final class RecordingHandler implements DomainEventHandler {

        final BlockingQueue<DomainEvent> received = new LinkedBlockingQueue<>();
        final Deque<Throwable> failures = new ArrayDeque<>();
        volatile int calls;

        RecordingHandler failing(Throwable... throwables) {
            failures.addAll(List.of(throwables));
            return this;
        }

        @Override
        public void handle(DomainEvent event) throws Exception {
            calls++;
            Throwable failure = failures.poll();
            if (failure instanceof Exception e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            received.add(event);
        }

        List<String> ids() {
            return received.stream().map(DomainEvent::id).toList();
        }
    }

    private static Map<String, Object> properties(String name, Object types) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(DomainEventHandler.NAME, name);
        if (types != null) {
            properties.put(DomainEventHandler.TYPES, types);
        }
        return properties;
    }

    private RecordingHandler register(String name, Object types) {
        RecordingHandler handler = new RecordingHandler();
        outbox.addHandler(handler, properties(name, types));
        return handler;
    }

    private static DomainEvent event(String id, String type) {
        return new DomainEvent(id, type, T0.minusSeconds(30), Set.of(PARTNER_A, PARTNER_B), "referral-" + id,
                Map.of("from", "SENT", "to", "HIRED", "count", 3, "offers", List.of("201WLXK")));
    }

    private void publish(DomainEvent event, boolean commit) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            outbox.publish(c, event);
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
        }
    }

    private void publish(String... ids) throws SQLException {
        for (String id : ids) {
            publish(event(id, "referral.state-changed"), true);
        }
    }

    /** Rounds until nothing more is due now; returns the calls made. */
    private int handleAllDue() {
        int calls = 0;
        for (int n; (n = outbox.handleDue()) > 0; ) {
            calls += n;
        }
        return calls;
    }

    private record Handling(String status, int attempts, Instant nextAttemptAt, Instant lastAttemptAt,
            String lastError, Instant doneAt) {
    }

    private Optional<Handling> row(String handler, String eventId) throws SQLException {
        try (Connection c = database.dataSource().getConnection()) {
            return Jdbc.one(c, "SELECT * FROM WEBHOOKS.HANDLING WHERE HANDLER_NAME"
                    + " = ? AND EVENT_ID = ?", rs -> new Handling(rs.getString("STATUS"), rs.getInt("ATTEMPTS"),
                    instant(rs, "NEXT_ATTEMPT_AT"), instant(rs, "LAST_ATTEMPT_AT"), rs.getString("LAST_ERROR"),
                    instant(rs, "DONE_AT")), handler, eventId);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return Jdbc.instant(rs, column);
    }

    private int count(String table) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM WEBHOOKS." + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void handlerGetsACommittedEventAfterCommitAndNothingOfARolledBackOne() throws Exception {
        RecordingHandler handler = register("preselection.referrals", null);

        publish(event("e-rolled-back", "referral.state-changed"), false);
        assertEquals(0, count("HANDLING"));
        assertEquals(0, outbox.handleDue());

        DomainEvent published = event("e-1", "referral.state-changed");
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            outbox.publish(c, published);
            assertEquals(0, handler.calls, "nothing is called while the publisher's transaction is open");
            c.commit();
        }
        assertEquals(0, count("DELIVERY"), "no subscription wants it: the handler gets it all the same");
        assertEquals(1, outbox.handleDue());
        assertEquals(0, outbox.handleDue(), "once");

        assertEquals(List.of(published), List.copyOf(handler.received),
                "the event as published: id, type, occurredAt, partners, subject, data");
        Handling done = row("preselection.referrals", "e-1").orElseThrow();
        assertEquals("DONE", done.status());
        assertEquals(1, done.attempts());
        assertEquals(T0, done.doneAt());
        assertNull(done.lastError());
        assertEquals(Optional.empty(), row("preselection.referrals", "e-rolled-back"));
    }

    @Test
    void handlerIsCalledWithNoTransactionOfTheOutboxOpen() throws Exception {
        // if the outbox held its row (or a lock on it) during the call, this update would wait, then time out
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '2')");
        }
        List<Integer> updated = new ArrayList<>();
        outbox.addHandler(event -> {
            try (Connection c = database.dataSource().getConnection()) {
                c.setAutoCommit(false);
                updated.add(Jdbc.update(c, "UPDATE WEBHOOKS.HANDLING SET"
                        + " LAST_ERROR = NULL WHERE HANDLER_NAME = 'writer' AND EVENT_ID = ?", event.id()));
                // and it may publish in its own transaction: a module's reaction is an event too
                outbox.publish(c, new DomainEvent(event.id() + "-reaction", "preselection.updated",
                        event.occurredAt(), event.partnerIds(), event.subject(), Map.of()));
                c.commit();
            }
        }, properties("writer", "referral.*"));

        publish("e-1");
        assertEquals(1, outbox.handleDue());
        assertEquals(List.of(1), updated);
        assertEquals("DONE", row("writer", "e-1").orElseThrow().status());
        assertEquals(2, count("EVENT"));
        assertEquals(Optional.empty(), row("writer", "e-1-reaction"), "not a type it asked for");
    }

    @Test
    void typesAreExactTypesOrPrefixPatternsAndAbsentMeansAll() throws Exception {
        RecordingHandler exact = register("exact", "referral.state-changed");
        RecordingHandler prefix = register("prefix", "referral.*");
        RecordingHandler several = register("several", new String[] {"presentation.sent", "offer.*"});
        RecordingHandler all = register("all", null);
        RecordingHandler empty = register("empty", new String[0]);

        publish(event("e-1", "referral.state-changed"), true);
        publish(event("e-2", "referral.created"), true);
        publish(event("e-3", "referrals.created"), true);
        publish(event("e-4", "presentation.sent"), true);
        publish(event("e-5", "offer.withdrawn.by-employer"), true);
        handleAllDue();

        assertEquals(List.of("e-1"), exact.ids());
        assertEquals(List.of("e-1", "e-2"), prefix.ids(), "referral.* is not referrals.*");
        assertEquals(List.of("e-4", "e-5"), several.ids());
        assertEquals(List.of("e-1", "e-2", "e-3", "e-4", "e-5"), all.ids());
        assertEquals(List.of("e-1", "e-2", "e-3", "e-4", "e-5"), empty.ids(), "an empty list: every type");
        assertEquals(1 + 2 + 2 + 5 + 5, count("HANDLING"), "one row per handler and matching event");
    }

    @Test
    void newTypesCountFromTheNextEventAndAHandlerWithWrongPropertiesIsIgnored() throws Exception {
        RecordingHandler handler = register("changing", "referral.*");
        RecordingHandler noName = new RecordingHandler();
        outbox.addHandler(noName, properties(" ", null));
        RecordingHandler badType = register("bad-type", "Referral State");

        publish(event("e-1", "presentation.sent"), true);
        outbox.updatedHandler(handler, properties("changing", "presentation.*"));
        publish(event("e-2", "presentation.sent"), true);
        publish(event("e-3", "referral.created"), true);
        handleAllDue();

        assertEquals(List.of("e-2"), handler.ids());
        assertEquals(0, noName.calls);
        assertEquals(0, badType.calls);
        assertEquals(1, count("HANDLING"));
    }

    @Test
    void failingHandlerIsRetriedAfterGrowingDelaysUntilItTakesTheEvent() throws Exception {
        RecordingHandler handler = register("flaky", null)
                .failing(new NoClassDefFoundError("fr/opus/preselection/Gone"), new IllegalStateException("busy"));
        publish("e-1");

        assertEquals(1, outbox.handleDue());
        Handling first = row("flaky", "e-1").orElseThrow();
        assertEquals("PENDING", first.status());
        assertEquals(1, first.attempts());
        assertEquals(T0, first.lastAttemptAt());
        assertEquals(T0.plusSeconds(1), first.nextAttemptAt(), "retryBaseSeconds after the first failure");
        assertEquals("java.lang.NoClassDefFoundError: fr/opus/preselection/Gone", first.lastError(),
                "an Error is a failed attempt like any other");
        assertEquals(0, outbox.handleDue(), "not due before its time");

        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, outbox.handleDue());
        Handling second = row("flaky", "e-1").orElseThrow();
        assertEquals(2, second.attempts());
        assertEquals(T0.plusSeconds(1 + 2), second.nextAttemptAt(), "twice as long after the second");
        assertEquals("java.lang.IllegalStateException: busy", second.lastError());

        clock.advance(Duration.ofSeconds(1));
        assertEquals(0, outbox.handleDue(), "still waiting");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, outbox.handleDue());

        Handling done = row("flaky", "e-1").orElseThrow();
        assertEquals("DONE", done.status());
        assertEquals(3, done.attempts());
        assertEquals(T0.plusSeconds(3), done.doneAt());
        assertNull(done.lastError());
        assertEquals(List.of("e-1"), handler.ids());
        assertEquals(3, handler.calls);
    }

    @Test
    void lastFailedAttemptMarksTheRowFailedAndTheNextEventsGoOn() throws Exception {
        RecordingHandler handler = register("broken", null).failing(new RuntimeException("1"),
                new RuntimeException("2"), new RuntimeException("3"), new RuntimeException("4"));
        publish("e-1", "e-2");

        for (int i = 0; i < 3; i++) {
            assertEquals(1, outbox.handleDue(), "e-2 waits behind e-1");
            clock.advance(Duration.ofMinutes(1));
        }
        Handling failed = row("broken", "e-1").orElseThrow();
        assertEquals("FAILED", failed.status());
        assertEquals(3, failed.attempts());
        assertEquals("java.lang.RuntimeException: 3", failed.lastError());
        assertEquals("PENDING", row("broken", "e-2").orElseThrow().status());

        // e-2 now goes (failing once more: it has its own attempts), e-1 is never called again
        assertEquals(1, outbox.handleDue());
        clock.advance(Duration.ofHours(1));
        assertEquals(1, handleAllDue());
        assertEquals(List.of("e-2"), handler.ids());
        assertEquals(5, handler.calls);
        assertEquals("FAILED", row("broken", "e-1").orElseThrow().status());
        assertEquals("DONE", row("broken", "e-2").orElseThrow().status());
        assertEquals(2, row("broken", "e-2").orElseThrow().attempts());
    }

    @Test
    void rowsOfAnAbsentHandlerWaitUntouchedAndAreHandledWhenItComesBack() throws Exception {
        RecordingHandler before = register("preselection.referrals", "referral.*");
        publish("e-1", "e-2");
        outbox.removeHandler(before); // the module is uninstalled

        clock.advance(Duration.ofDays(2));
        assertEquals(0, handleAllDue());
        Handling waiting = row("preselection.referrals", "e-1").orElseThrow();
        assertEquals("PENDING", waiting.status());
        assertEquals(0, waiting.attempts());
        assertNull(waiting.lastAttemptAt());
        publish("e-3");
        assertEquals(Optional.empty(), row("preselection.referrals", "e-3"), "not registered when it was published");

        RecordingHandler after = register("preselection.referrals", "referral.*"); // installed again
        assertEquals(2, handleAllDue());
        assertEquals(List.of(), before.ids());
        assertEquals(List.of("e-1", "e-2"), after.ids());
        assertEquals("DONE", row("preselection.referrals", "e-2").orElseThrow().status());
    }

    @Test
    void aHandlersEventsComeInPublicationOrderEvenBehindARetry() throws Exception {
        RecordingHandler slow = register("slow", null).failing(new RuntimeException("not yet"));
        RecordingHandler other = register("other", null);
        publish("e-1", "e-2", "e-3", "e-4");

        handleAllDue();
        assertEquals(List.of(), slow.ids(), "e-2… wait behind e-1's retry");
        assertEquals(1, slow.calls);
        assertEquals(List.of("e-1", "e-2", "e-3", "e-4"), other.ids(), "another handler is not held back");

        clock.advance(Duration.ofSeconds(1));
        handleAllDue();
        assertEquals(List.of("e-1", "e-2", "e-3", "e-4"), slow.ids());
    }

    @Test
    void aBacklogLongerThanASliceIsHandledOnceEachInOrder() throws Exception {
        List<String> published = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            published.add("e-" + i);
        }
        publish(published.toArray(String[]::new));
        RecordingHandler late = register("late", null);
        assertEquals(0, handleAllDue(), "registered after: nothing kept for it");
        outbox.removeHandler(late);

        RecordingHandler handler = register("backlog", null);
        List<String> more = new ArrayList<>();
        for (int i = 121; i <= 240; i++) {
            more.add("e-" + i);
        }
        publish(more.toArray(String[]::new));
        assertEquals(120, handleAllDue());
        assertEquals(more, handler.ids());
        try (Connection c = database.dataSource().getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM WEBHOOKS.HANDLING"
                        + " WHERE HANDLER_NAME = 'backlog' AND STATUS = 'DONE' AND ATTEMPTS = 1")) {
            rs.next();
            assertEquals(120, rs.getInt(1));
        }
    }

    @Test
    void aHandlerLeavingWhileCalledLeavesItsEventForTheNextOne() throws Exception {
        RecordingHandler next = new RecordingHandler();
        DomainEventHandler leaving = new DomainEventHandler() {
            @Override
            public void handle(DomainEvent event) {
                outbox.removeHandler(this); // its bundle stops meanwhile…
                throw new IllegalStateException("bundle stopping"); // …and the call fails because of it
            }
        };
        outbox.addHandler(leaving, properties("module", null));
        publish("e-1", "e-2");

        assertEquals(1, outbox.handleDue());
        Handling untouched = row("module", "e-1").orElseThrow();
        assertEquals("PENDING", untouched.status());
        assertEquals(0, untouched.attempts(), "not the event's fault: no attempt counted");
        assertNull(untouched.lastError());
        assertEquals(0, outbox.handleDue(), "nobody to call");

        outbox.addHandler(next, properties("module", null));
        assertEquals(2, handleAllDue());
        assertEquals(List.of("e-1", "e-2"), next.ids());
    }

    @Test
    void aHandlerThatTookTheEventBeforeLeavingHasItDoneAndTheRestWait() throws Exception {
        List<String> taken = new ArrayList<>();
        DomainEventHandler leaving = new DomainEventHandler() {
            @Override
            public void handle(DomainEvent event) {
                taken.add(event.id());
                outbox.removeHandler(this);
            }
        };
        outbox.addHandler(leaving, properties("module", null));
        publish("e-1", "e-2");

        handleAllDue();
        assertEquals(List.of("e-1"), taken);
        assertEquals("DONE", row("module", "e-1").orElseThrow().status());
        Handling waiting = row("module", "e-2").orElseThrow();
        assertEquals("PENDING", waiting.status());
        assertEquals(0, waiting.attempts());
    }

    @Test
    void twoServicesWithOneNameTheFirstIsCalledUntilItLeaves() throws Exception {
        RecordingHandler first = register("twice", null);
        RecordingHandler second = register("twice", null);
        publish("e-1");
        handleAllDue();
        outbox.removeHandler(first);
        publish("e-2");
        handleAllDue();

        assertEquals(List.of("e-1"), first.ids());
        assertEquals(List.of("e-2"), second.ids());
        assertEquals(2, count("HANDLING"), "one row per name and event");
    }

    @Test
    void eventPublishedTwiceIsHandledOnce() throws Exception {
        RecordingHandler handler = register("once", null);
        publish("e-1");
        publish("e-1");
        assertEquals(1, handleAllDue());
        assertEquals(List.of("e-1"), handler.ids());
    }

    @Test
    void pollThreadHandsEventsToHandlersOnItsOwnAndStopsOnDeactivation() throws Exception {
        outbox.stop();
        outbox = new WebhookOutbox(database.dataSource(), new HttpSender(5), Clock.systemUTC(), 3, 1, true, 1);
        RecordingHandler handler = register("threaded", null);
        publish("e-1");

        DomainEvent received = handler.received.poll(20, TimeUnit.SECONDS);
        assertNotNull(received, "handled by the poll thread");
        assertEquals("e-1", received.id());

        outbox.stop();
        assertTrue(outbox.stopped());
        publish("e-2");
        assertNull(handler.received.poll(2500, TimeUnit.MILLISECONDS), "nothing is handled once stopped");
        assertEquals("PENDING", row("threaded", "e-2").orElseThrow().status());
    }
}
