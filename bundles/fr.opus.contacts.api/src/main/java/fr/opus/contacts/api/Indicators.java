package fr.opus.contacts.api;

import fr.opus.platform.api.security.Caller;
import java.time.LocalDate;
import java.util.List;

/**
 * Placement indicators per partner and period. A partner's people see their partner's figures; France Travail and
 * regional operators see every partner's.
 */
public interface Indicators {

    /**
     * Placement activity from {@code from} to {@code to} (inclusive), one line per partner; {@code partnerId}
     * restricts to one, and is forced to the caller's own for partner people.
     */
    List<PlacementActivity> activity(Caller by, LocalDate from, LocalDate to, String partnerId);

    /** The tripartite indicators of the period, for one partner or ({@code partnerId} null) all the caller may see. */
    TripartiteIndicators tripartite(Caller by, LocalDate from, LocalDate to, String partnerId);
}
