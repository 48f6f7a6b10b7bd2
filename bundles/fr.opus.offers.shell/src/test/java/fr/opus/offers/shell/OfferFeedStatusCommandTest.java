package fr.opus.offers.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.offers.api.FeedStatus;
import fr.opus.offers.api.OfferStatus;
import fr.opus.offers.shell.Fakes.Console;
import fr.opus.platform.api.OpusException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OfferFeedStatusCommandTest {

    private final Fakes.Feed feed = new Fakes.Feed();
    private final OfferFeedStatusCommand command = new OfferFeedStatusCommand();

    OfferFeedStatusCommandTest() {
        command.feed = feed;
    }

    private static void assertRow(String out, String status, long count) {
        assertTrue(Pattern.compile("(?m)^\\s*" + Pattern.quote(status) + "\\s*\\W\\s*" + count + "\\s*$")
                .matcher(out).find(), status + " " + count + " in\n" + out);
    }

    private static String value(String out, String label) {
        return out.lines().filter(l -> l.startsWith(label + " :")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip())
                .orElseThrow(() -> new AssertionError("no line « " + label + " » in\n" + out));
    }

    @Test
    void showsEveryStatusTheFeedAndTheIndex() {
        feed.status = new FeedStatus(Map.of(OfferStatus.ACTIVE, 120L, OfferStatus.CLOSED, 7L), 1234,
                Instant.parse("2025-12-23T16:01:23Z"), Instant.parse("2025-07-01T08:00:00Z"), 119, false, null);

        Console console = Console.of(command::run);
        String out = console.out();

        assertRow(out, "active", 120);
        assertRow(out, "suspendue", 0);
        assertRow(out, "annulée", 0);
        assertRow(out, "clôturée", 7);
        assertRow(out, "total", 127);
        assertEquals("1234", value(out, "Événements reçus"));
        assertEquals("23/12/2025 17:01:23", value(out, "Dernier événement appliqué"));
        assertEquals("01/07/2025 10:00:00", value(out, "Dernier lot reçu"));
        assertEquals("119", value(out, "Offres indexées"));
        assertEquals("non", value(out, "Index à jour"));
        assertEquals("jamais", value(out, "Index reconstruit le"));
        assertEquals("", console.err());
    }

    @Test
    void aFreshInstallationHasNothingYet() {
        feed.status = new FeedStatus(Map.of(), 0, null, null, 0, true, Instant.parse("2025-01-01T00:00:00Z"));
        String out = Console.of(command::run).out();
        assertRow(out, "total", 0);
        assertEquals("jamais", value(out, "Dernier événement appliqué"));
        assertEquals("jamais", value(out, "Dernier lot reçu"));
        assertEquals("oui", value(out, "Index à jour"));
        assertEquals("01/01/2025 01:00:00", value(out, "Index reconstruit le"));
    }

    @Test
    void aFeedFailureIsOneFrenchLine() {
        feed.failure = new OpusException(503, "unavailable", "Le flux des offres est indisponible.", null);
        Console console = Console.of(command::run);
        assertEquals(List.of("Le flux des offres est indisponible."), console.err().lines().toList());
        assertEquals("", console.out());
    }
}
