package fr.opus.offers.soap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.opus.offers.api.Facet;
import fr.opus.offers.api.OfferContent;
import fr.opus.offers.api.OfferPage;
import fr.opus.offers.api.PublishedOffer;
import fr.opus.offers.soap.SoapTypes.AgenceType;
import fr.opus.offers.soap.SoapTypes.AgregationType;
import fr.opus.offers.soap.SoapTypes.CompetenceType;
import fr.opus.offers.soap.SoapTypes.ComplementSalaireType;
import fr.opus.offers.soap.SoapTypes.ContactType;
import fr.opus.offers.soap.SoapTypes.ContexteTravailType;
import fr.opus.offers.soap.SoapTypes.EntrepriseType;
import fr.opus.offers.soap.SoapTypes.FiltrePossibleType;
import fr.opus.offers.soap.SoapTypes.FormationType;
import fr.opus.offers.soap.SoapTypes.LangueType;
import fr.opus.offers.soap.SoapTypes.LieuTravailType;
import fr.opus.offers.soap.SoapTypes.OffreType;
import fr.opus.offers.soap.SoapTypes.OrigineOffreType;
import fr.opus.offers.soap.SoapTypes.PartenaireOffreType;
import fr.opus.offers.soap.SoapTypes.PermisType;
import fr.opus.offers.soap.SoapTypes.QualiteProType;
import fr.opus.offers.soap.SoapTypes.ResultatRechercheType;
import fr.opus.offers.soap.SoapTypes.SalaireType;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/** From the offers API to the SOAP shapes of {@link SoapTypes}. */
final class OfferMapping {

    /** Reads the France Travail JSON of published offers; a field France Travail adds later is ignored. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private OfferMapping() {
    }

    /** One page of search results. */
    static ResultatRechercheType page(OfferPage page) throws IOException {
        ResultatRechercheType result = new ResultatRechercheType();
        result.total = page.total();
        result.first = page.first();
        result.last = page.last();
        for (PublishedOffer offer : page.offers()) {
            result.resultats.add(offre(content(offer)));
        }
        result.filtresPossibles.addAll(map(page.facets(), OfferMapping::filtre));
        return result;
    }

    /** The published form of an offer, as France Travail's JSON {@code Offre}. */
    static OfferContent content(PublishedOffer offer) throws IOException {
        return JSON.readValue(offer.json(), OfferContent.class);
    }

    static FiltrePossibleType filtre(Facet facet) {
        FiltrePossibleType filtre = new FiltrePossibleType();
        filtre.filtre = facet.name();
        for (Facet.Value v : facet.values()) {
            AgregationType agregation = new AgregationType();
            agregation.valeurPossible = v.value();
            agregation.nbResultats = v.count();
            filtre.agregation.add(agregation);
        }
        return filtre;
    }

    static OffreType offre(OfferContent c) {
        OffreType o = new OffreType();
        o.id = c.id();
        o.intitule = c.title();
        o.description = c.description();
        o.dateCreation = c.creationDate();
        o.dateActualisation = c.updateDate();
        o.lieuTravail = c.workplace() == null ? null : lieu(c.workplace());
        o.romeCode = c.romeCode();
        o.romeLibelle = c.romeLabel();
        o.appellationlibelle = c.appellationLabel();
        o.entreprise = c.company() == null ? null : entreprise(c.company());
        o.typeContrat = c.contractType();
        o.typeContratLibelle = c.contractTypeLabel();
        o.natureContrat = c.contractNature();
        o.experienceExige = c.experienceRequirement();
        o.experienceLibelle = c.experienceLabel();
        o.experienceCommentaire = c.experienceComment();
        o.formations.addAll(map(c.trainings(), OfferMapping::formation));
        o.langues.addAll(map(c.languages(), l -> {
            LangueType t = new LangueType();
            t.libelle = l.label();
            t.exigence = l.requirement();
            return t;
        }));
        o.permis.addAll(map(c.licences(), l -> {
            PermisType t = new PermisType();
            t.libelle = l.label();
            t.exigence = l.requirement();
            return t;
        }));
        o.outilsBureautiques.addAll(c.officeTools());
        o.competences.addAll(map(c.skills(), s -> {
            CompetenceType t = new CompetenceType();
            t.code = s.code();
            t.libelle = s.label();
            t.exigence = s.requirement();
            return t;
        }));
        o.salaire = c.salary() == null ? null : salaire(c.salary());
        o.dureeTravailLibelle = c.workingHoursLabel();
        o.dureeTravailLibelleConverti = c.workingTimeKind();
        o.complementExercice = c.exerciseComplement();
        o.conditionExercice = c.exerciseCondition();
        o.alternance = c.workStudy();
        o.contact = c.contact() == null ? null : contact(c.contact());
        o.agence = c.agency() == null ? null : agence(c.agency());
        o.nombrePostes = c.positions();
        o.accessibleTH = c.disabilityAccessible();
        o.deplacementCode = c.travelCode();
        o.deplacementLibelle = c.travelLabel();
        o.qualificationCode = c.qualificationCode();
        o.qualificationLibelle = c.qualificationLabel();
        o.codeNAF = c.nafCode();
        o.secteurActivite = c.sector();
        o.secteurActiviteLibelle = c.sectorLabel();
        o.qualitesProfessionnelles.addAll(map(c.professionalQualities(), q -> {
            QualiteProType t = new QualiteProType();
            t.libelle = q.label();
            t.description = q.description();
            return t;
        }));
        o.trancheEffectifEtab = c.workforceBand();
        o.origineOffre = c.origin() == null ? null : origine(c.origin());
        o.offresManqueCandidats = c.shortOfCandidates();
        o.contexteTravail = c.workContext() == null ? null : contexte(c.workContext());
        o.entrepriseAdaptee = c.adaptedCompany();
        o.employeurHandiEngage = c.disabilityCommittedEmployer();
        return o;
    }

    private static LieuTravailType lieu(OfferContent.Workplace w) {
        LieuTravailType t = new LieuTravailType();
        t.libelle = w.label();
        t.latitude = w.latitude();
        t.longitude = w.longitude();
        t.codePostal = w.postalCode();
        t.commune = w.inseeCode();
        return t;
    }

    private static EntrepriseType entreprise(OfferContent.Company c) {
        EntrepriseType t = new EntrepriseType();
        t.nom = c.name();
        t.description = c.description();
        t.logo = c.logo();
        t.url = c.url();
        t.entrepriseAdaptee = c.adapted();
        return t;
    }

    private static FormationType formation(OfferContent.Training f) {
        FormationType t = new FormationType();
        t.codeFormation = f.code();
        t.domaineLibelle = f.domainLabel();
        t.niveauLibelle = f.levelLabel();
        t.commentaire = f.comment();
        t.exigence = f.requirement();
        return t;
    }

    private static SalaireType salaire(OfferContent.Salary s) {
        SalaireType t = new SalaireType();
        t.libelle = s.label();
        t.commentaire = s.comment();
        t.complement1 = s.complement1();
        t.complement2 = s.complement2();
        t.listeComplements.addAll(map(s.complements(), c -> {
            ComplementSalaireType x = new ComplementSalaireType();
            x.code = c.code();
            x.libelle = c.label();
            return x;
        }));
        return t;
    }

    private static ContactType contact(OfferContent.Contact c) {
        ContactType t = new ContactType();
        t.nom = c.name();
        t.coordonnees1 = c.address1();
        t.coordonnees2 = c.address2();
        t.coordonnees3 = c.address3();
        t.telephone = c.phone();
        t.courriel = c.email();
        t.commentaire = c.comment();
        t.urlRecruteur = c.recruiterUrl();
        t.urlPostulation = c.applicationUrl();
        return t;
    }

    private static AgenceType agence(OfferContent.Agency a) {
        if (a.phone() == null && a.email() == null) {
            return null;
        }
        AgenceType t = new AgenceType();
        t.telephone = a.phone();
        t.courriel = a.email();
        return t;
    }

    private static OrigineOffreType origine(OfferContent.Origin o) {
        OrigineOffreType t = new OrigineOffreType();
        t.origine = o.origin();
        t.urlOrigine = o.url();
        t.partenaires.addAll(map(o.partners(), p -> {
            PartenaireOffreType x = new PartenaireOffreType();
            x.nom = p.name();
            x.url = p.url();
            x.logo = p.logo();
            return x;
        }));
        return t;
    }

    private static ContexteTravailType contexte(OfferContent.WorkContext w) {
        ContexteTravailType t = new ContexteTravailType();
        t.horaires.addAll(w.hours());
        t.conditionsExercice.addAll(w.conditions());
        return t;
    }

    private static <A, B> List<B> map(List<A> list, Function<A, B> f) {
        return list == null ? List.of() : list.stream().map(f).toList();
    }
}
