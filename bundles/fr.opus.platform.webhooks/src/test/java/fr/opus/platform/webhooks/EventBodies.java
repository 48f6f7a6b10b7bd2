package fr.opus.platform.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Event bodies as the sender writes them, for tests outside this package. */
public final class EventBodies {

    private EventBodies() {
    }

    /** The body of a {@code referral.state-changed} event for one partner. */
    public static String sample() {
        return EventJson.body("e-1", "referral.state-changed", Instant.parse("2026-11-23T10:00:00Z"), "r-1",
                List.of("partner-a"), EventJson.payload(Map.of("state", "SENT")));
    }
}
