package fr.opus.platform.webhooks;

import fr.opus.accounts.api.Address;
import fr.opus.accounts.api.Convention;
import fr.opus.accounts.api.ConventionChange;
import fr.opus.accounts.api.ConventionTerms;
import fr.opus.accounts.api.Partner;
import fr.opus.accounts.api.PartnerDirectory;
import fr.opus.accounts.api.PartnerDraft;
import fr.opus.accounts.api.PartnerKind;
import fr.opus.accounts.api.ServiceInfo;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.security.Caller;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A partner directory knowing a fixed set of partner ids; only {@link #partner} is called by the webhooks. */
final class KnownPartners implements PartnerDirectory {

    private final Set<String> ids;

    KnownPartners(String... ids) {
        this.ids = Set.of(ids);
    }

    @Override
    public Partner partner(Caller by, String partnerId) {
        if (!ids.contains(partnerId) || !by.mayActFor(partnerId)) {
            throw OpusException.notFound("partner-not-found", "Partenaire introuvable.");
        }
        return new Partner(partnerId, PartnerKind.MISSION_LOCALE, "Mission Locale " + partnerId, "84001", "84",
                new Address("1 rue de la Paix", "42000", "Saint-Étienne"), Instant.EPOCH, Instant.EPOCH);
    }

    @Override
    public Partner createPartner(Caller by, PartnerDraft draft) {
        throw new AssertionError("not called here");
    }

    @Override
    public Partner updatePartner(Caller by, String partnerId, PartnerDraft draft) {
        throw new AssertionError("not called here");
    }

    @Override
    public List<Partner> partners(Caller by) {
        throw new AssertionError("not called here");
    }

    @Override
    public Convention draftConvention(Caller by, String partnerId, ConventionTerms terms, String reason) {
        throw new AssertionError("not called here");
    }

    @Override
    public Convention amendConvention(Caller by, String conventionId, ConventionTerms terms, String reason) {
        throw new AssertionError("not called here");
    }

    @Override
    public Convention changeServices(Caller by, String conventionId, Set<String> enable, Set<String> disable,
            String reason) {
        throw new AssertionError("not called here");
    }

    @Override
    public Convention signConvention(Caller by, String conventionId, LocalDate signedOn, String reason) {
        throw new AssertionError("not called here");
    }

    @Override
    public Convention terminateConvention(Caller by, String conventionId, Instant noticeEndsAt, String reason) {
        throw new AssertionError("not called here");
    }

    @Override
    public Convention convention(Caller by, String conventionId) {
        throw new AssertionError("not called here");
    }

    @Override
    public List<Convention> conventions(Caller by, String partnerId) {
        throw new AssertionError("not called here");
    }

    @Override
    public List<ConventionChange> history(Caller by, String conventionId) {
        throw new AssertionError("not called here");
    }

    @Override
    public List<ServiceInfo> serviceCatalogue() {
        throw new AssertionError("not called here");
    }
}
