package fr.opus.preselection.api;

import fr.opus.platform.api.security.Caller;
import java.time.LocalDate;
import java.util.List;

/**
 * Preselection on France Travail's preselected offers. Partners' people need the {@value #SERVICE} service in their
 * convention (checked by the endpoints); what belongs to another partner answers 404.
 */
public interface Preselections {

    /** The convention service (annex 1) the module brings. */
    String SERVICE = "preselection";

    /** The preselection of an active preselected offer. */
    OfferPreselection preselection(Caller by, String offerId);

    /** Sets the offer's requirements (France Travail only); the first setting makes it {@code defined}. */
    OfferPreselection define(Caller by, String offerId, PreselectionDraft draft);

    /**
     * Proposes one of the caller's partner's job seekers with what the level requires: a mise en relation is
     * prepared (not sent) and the candidacy awaits the correspondent.
     */
    Candidacy propose(Caller by, String offerId, CandidacyDraft draft);

    /** The candidacies on an offer the caller may see: its partner's; France Travail sees all. Oldest first. */
    List<Candidacy> candidacies(Caller by, String offerId);

    Candidacy candidacy(Caller by, String candidacyId);

    /**
     * The correspondent's review (France Travail only): {@code transmit} sends the mise en relation to the employer;
     * otherwise the candidacy is declined and {@code note} (required then) says why.
     */
    Candidacy review(Caller by, String candidacyId, boolean transmit, String note);

    /**
     * Records the employer's feedback on a transmitted candidate (France Travail only). It moves the mise en
     * relation (received: convocation; hired; not retained with the reason) and the comment goes into the job
     * seeker's file.
     */
    Candidacy feedback(Caller by, String candidacyId, EmployerFeedback feedback);

    /** Withdraws a candidacy before the employer's decision (its partner's people, or France Travail). */
    Candidacy withdraw(Caller by, String candidacyId, String note);

    /** Preselection figures; a partner's people see only their own partner. */
    PreselectionIndicators indicators(Caller by, LocalDate from, LocalDate to, String partnerId);
}
