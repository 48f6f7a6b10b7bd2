package fr.opus.offers.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;

/**
 * A job offer as Opus holds it: France Travail's published {@link OfferContent} plus what only partners and France
 * Travail see — how the employer may be shown, the service level, preselection, who follows the offer — and where
 * it stands.
 *
 * @param id               France Travail's offer id ({@code 201WLXK})
 * @param status           where the offer stands; only {@link OfferStatus#ACTIVE} offers are shown to partners
 * @param version          France Travail's version of the offer; an event with an older version is ignored
 * @param changedAt        when France Travail last changed the offer (the time of the last applied event)
 * @param diffusion        how much of the employer may be shown
 * @param supportLevel     support or accompaniment
 * @param preselection     the preselection level, or {@code null} for an offer without preselection
 * @param correspondent    the France Travail agent following the offer, or {@code null}
 * @param managingPartner  the partner managing the offer, or {@code null}
 * @param appellationCode  the ROME appellation (OGR code) the offer was filed under, or {@code null}
 * @param content          the offer's content, unmasked
 * @param siret            the SIRET of the employer's establishment (14 digits, see {@link Siret}), or {@code null}
 *                         when France Travail's feed does not give it; an Opus-only field that links the offer to
 *                         its employer entry, never shown to partners on an anonymous offer ({@link #asPublished()})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Offer(String id, OfferStatus status, long version, Instant changedAt, Diffusion diffusion,
        SupportLevel supportLevel, PreselectionLevel preselection, Correspondent correspondent,
        ManagingPartner managingPartner, String appellationCode, OfferContent content, String siret) {

    @JsonCreator
    public Offer {
        Objects.requireNonNull(content, "content");
        if (diffusion == null) {
            diffusion = Diffusion.NOMINATIVE;
        }
        if (supportLevel == null) {
            supportLevel = SupportLevel.SUPPORT;
        }
    }

    /**
     * An offer whose employer's SIRET is not known: the form of version 1.0 of this package, kept so that code
     * written before the SIRET came (other capabilities' tests among them) still builds and runs.
     */
    public Offer(String id, OfferStatus status, long version, Instant changedAt, Diffusion diffusion,
            SupportLevel supportLevel, PreselectionLevel preselection, Correspondent correspondent,
            ManagingPartner managingPartner, String appellationCode, OfferContent content) {
        this(id, status, version, changedAt, diffusion, supportLevel, preselection, correspondent, managingPartner,
                appellationCode, content, null);
    }

    /** Whether partners may see it at all. */
    public boolean visible() {
        return status == OfferStatus.ACTIVE;
    }

    /** A copy that took an event: new status, version and change time. */
    public Offer withState(OfferStatus newStatus, long newVersion, Instant newChangedAt) {
        return new Offer(id, newStatus, newVersion, newChangedAt, diffusion, supportLevel, preselection,
                correspondent, managingPartner, appellationCode, content, siret);
    }

    /**
     * The offer as partners see it (and as {@code GET /api/v1/offers/{id}} shows it): Opus's fields, the
     * {@link #published() published} content, and the SIRET only where the employer may be named — never on an
     * anonymous offer, whose SIRET would name the employer as surely as its company name.
     */
    public Offer asPublished() {
        return new Offer(id, status, version, changedAt, diffusion, supportLevel, preselection, correspondent,
                managingPartner, appellationCode, published(), publishedSiret());
    }

    /** The SIRET partners may see: {@code null} on an anonymous offer. */
    public String publishedSiret() {
        return diffusion == Diffusion.ANONYMOUS ? null : siret;
    }

    /**
     * The content partners and candidates may see under the offer's diffusion mode: nominative shows everything;
     * visibility keeps the company's name but not how to reach it (candidates apply through the managing
     * partner or France Travail); anonymous shows neither.
     */
    public OfferContent published() {
        return switch (diffusion) {
            case NOMINATIVE -> content;
            case VISIBILITY -> content.withEmployer(nameOnly(content.company()), intermediaryContact());
            case ANONYMOUS -> content.withEmployer(null, intermediaryContact());
        };
    }

    private static OfferContent.Company nameOnly(OfferContent.Company company) {
        return company == null ? null : new OfferContent.Company(company.name(), null, null, null, company.adapted());
    }

    /** Who candidates contact when the employer is not shown: the managing partner, else France Travail. */
    private OfferContent.Contact intermediaryContact() {
        if (managingPartner != null) {
            return new OfferContent.Contact(managingPartner.name(), null, null, null, managingPartner.phone(),
                    managingPartner.email(), "Candidature à adresser au partenaire qui gère l'offre", null, null);
        }
        return new OfferContent.Contact("France Travail", null, null, null, null, null,
                "Candidature à adresser à France Travail, en rappelant la référence de l'offre " + id, null, null);
    }
}
