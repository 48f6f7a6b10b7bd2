package fr.opus.accounts.api;

import fr.opus.platform.api.security.Caller;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Partners and their conventions. Operators manage them; a partner's people read their own. Each convention change
 * is a new version kept with its author, date and reason. Implemented by the accounts capability only: other
 * capabilities call it.
 */
@ProviderType
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

    /**
     * Switches services of annex 1 on and off, leaving the other terms and the other services as they are: one
     * transaction against the convention as it stands when the change is applied, so that operators switching
     * different services at the same time all see their change kept. A convention not yet terminated only.
     * <ul>
     * <li>a service switched on must be registered now (see {@link #serviceCatalogue()}) unless the convention
     * already lists it: otherwise 400 {@link AccountProblemCodes#UNKNOWN_SERVICE} on {@code services};</li>
     * <li>a service may be switched off even when its capability is no longer installed;</li>
     * <li>a service in both sets is refused (400 {@link AccountProblemCodes#INVALID_CONVENTION});</li>
     * <li>when nothing changes (switched on already on, off already off) no version is written and the convention
     * is answered as it is; otherwise the change is a new version with its author, date and reason, audited as
     * {@code convention.services}.</li>
     * </ul>
     *
     * @param enable  identifiers of the services to switch on; {@code null} for none
     * @param disable identifiers of the services to switch off; {@code null} for none
     */
    Convention changeServices(Caller by, String conventionId, Set<String> enable, Set<String> disable, String reason);

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
