package fr.opus.contacts.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.contacts.api.Indicators;
import fr.opus.contacts.api.PlacementActivity;
import fr.opus.contacts.api.TripartiteIndicators;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.platform.api.security.Caller;
import fr.opus.platform.api.security.Role;
import fr.opus.platform.rest.openapi.CallerContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class IndicatorResourceTest {

    private static final Caller AGENT = new Caller("a-9", "ft-agent", Role.FT_AGENT, null, null, null, Set.of(),
            Set.of(), null);
    private static final SecurityContext SECURITY = new CallerContext(AGENT);

    /** Counting nothing: every call here is refused before the indicators are asked. */
    private final IndicatorResource refusing = new IndicatorResource(new UncalledIndicators());

    @Test
    void aMalformedStartDateIsRefusedNamingFrom() {
        assertInvalid("from", () -> refusing.activity(SECURITY, "2026-13-01", "2026-03-31", null, null));
        assertInvalid("from", () -> refusing.tripartite(SECURITY, "01/01/2026", "2026-03-31", null, "csv"));
    }

    @Test
    void aMissingDateIsRefusedNamingIt() {
        assertInvalid("from", () -> refusing.activity(SECURITY, null, "2026-03-31", null, null));
        assertInvalid("to", () -> refusing.tripartite(SECURITY, "2026-01-01", " ", null, null));
    }

    @Test
    void anUnknownFormatIsRefusedNamingFormatBeforeAnythingIsCounted() {
        assertInvalid("format", () -> refusing.activity(SECURITY, "2026-01-01", "2026-03-31", null, "xlsx"));
        assertInvalid("format", () -> refusing.tripartite(SECURITY, "2026-01-01", "2026-03-31", null, "CSV"));
    }

    @Test
    void csvIsUtf8WithBomAsAnAttachmentNamedAfterThePeriod() {
        AtomicReference<String> asked = new AtomicReference<>();
        IndicatorResource resource = new IndicatorResource(new Indicators() {
            @Override
            public List<PlacementActivity> activity(Caller by, LocalDate from, LocalDate to, String partnerId) {
                asked.set(by.login() + " " + from + " " + to + " " + partnerId);
                return List.of(new PlacementActivity("p-1", from, to, 1, 0, 0, 0, 0, 0, 0, 1));
            }

            @Override
            public TripartiteIndicators tripartite(Caller by, LocalDate from, LocalDate to, String partnerId) {
                throw new AssertionError("not called in this test");
            }
        });

        Response response = resource.activity(SECURITY, " 2026-01-01 ", "2026-03-31", "p-1", "csv");

        assertEquals("ft-agent 2026-01-01 2026-03-31 p-1", asked.get());
        assertEquals(200, response.getStatus());
        assertEquals("text/csv;charset=UTF-8", response.getHeaderString("Content-Type"));
        assertEquals("attachment; filename=\"activite-2026-01-01-2026-03-31.csv\"",
                response.getHeaderString("Content-Disposition"));
        String body = (String) response.getEntity();
        assertTrue(body.startsWith("\uFEFF" + IndicatorCsv.ACTIVITY_HEADER + "\r\n"), body);
        assertTrue(body.endsWith("\r\np-1;2026-01-01;2026-03-31;1;0;0;0;0;0;0;1\r\n"), body);
    }

    private static void assertInvalid(String field, Executable call) {
        OpusException e = assertThrows(OpusException.class, call);
        assertEquals(400, e.status());
        assertEquals(ProblemCodes.INVALID_PARAMETER, e.code());
        assertEquals(field, e.field());
    }

    /** A request refused for its parameters never reaches the indicators. */
    private static final class UncalledIndicators implements Indicators {

        @Override
        public List<PlacementActivity> activity(Caller by, LocalDate from, LocalDate to, String partnerId) {
            throw new AssertionError("the request should have been refused first");
        }

        @Override
        public TripartiteIndicators tripartite(Caller by, LocalDate from, LocalDate to, String partnerId) {
            throw new AssertionError("the request should have been refused first");
        }
    }
}
