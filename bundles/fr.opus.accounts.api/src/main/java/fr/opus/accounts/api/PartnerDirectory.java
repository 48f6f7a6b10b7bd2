package fr.opus.accounts.api;

import fr.opus.platform.api.security.Caller;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Partners and their conventions. Operators manage them; a partner's people read their own. Each convention change
 * is a new version kept with its author, date and reason.
 */
public interface PartnerDirectory {

    Partner createPartner(Caller by, PartnerDraft draft);

    Partner updatePartner(Caller by, String partnerId, PartnerDraft draft);

    /** A partner; partner staff may only read their own (another partner's answers 404). */
    Partner partner(Caller by, String partnerId);

    List<Partner> partners(Caller by);

    /** Drafts a convention for a partner. Listed services must be registered (see {@link #serviceCatalogue()}). */
    Convention draftConvention(Caller by, String partnerId, ConventionTerms terms, String reason);

    /** Amends a convention not yet terminated: a new version. */
    Convention amendConvention(Caller by, String conventionId, ConventionTerms terms, String reason);

    /** Signature: the draft comes into force. A partner has at most one convention in force. */
    Convention signConvention(Caller by, String conventionId, LocalDate signedOn, String reason);

    /**
     * Starts termination: access goes on until {@code noticeEndsAt}, then every account and client of the partner
     * stops at once. A notice end in the past or now terminates immediately.
     */
    Convention terminateConvention(Caller by, String conventionId, Instant noticeEndsAt, String reason);

    Convention convention(Caller by, String conventionId);

    List<Convention> conventions(Caller by, String partnerId);

    /** Every version of a convention, oldest first. */
    List<ConventionChange> history(Caller by, String conventionId);

    /** The services conventions may list now: those registered by installed capabilities. */
    List<ServiceInfo> serviceCatalogue();
}
