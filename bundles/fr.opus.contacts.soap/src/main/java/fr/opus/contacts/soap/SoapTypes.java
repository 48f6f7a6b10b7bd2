package fr.opus.contacts.soap;

import fr.opus.contacts.api.Channel;
import fr.opus.contacts.api.JobSeeker;
import fr.opus.contacts.api.JobSeekerDraft;
import fr.opus.contacts.api.JobSeekerFile;
import fr.opus.contacts.api.PlacementActivity;
import fr.opus.contacts.api.Presentation;
import fr.opus.contacts.api.Referral;
import fr.opus.contacts.api.ReferralEvent;
import fr.opus.contacts.api.ReferralKind;
import fr.opus.contacts.api.ReferralState;
import fr.opus.contacts.api.RejectionReason;
import fr.opus.contacts.api.TripartiteIndicators;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlEnum;
import javax.xml.bind.annotation.XmlSchemaType;
import javax.xml.bind.annotation.XmlType;

/**
 * The SOAP shapes of contacts, with French element names like the other Opus SOAP contracts. Enumerated values are
 * the API's own (those of REST): {@code CONTACT}, {@code SENT}, {@code PROFILE_MISMATCH}… Times are
 * {@code xs:dateTime} in UTC, days {@code xs:date}.
 */
final class SoapTypes {

    private SoapTypes() {
    }

    /** How a job seeker prefers to be told: the values of {@link Channel}. */
    @XmlType(name = "Canal")
    @XmlEnum
    public enum CanalType {
        EMAIL, SMS, PHONE, POST;

        static CanalType of(Channel channel) {
            return channel == null ? null : valueOf(channel.name());
        }

        Channel channel() {
            return Channel.valueOf(name());
        }
    }

    /** The act: the values of {@link ReferralKind}. */
    @XmlType(name = "TypeActe")
    @XmlEnum
    public enum TypeActeType {
        CONTACT, RELATION, SUMMONS;

        static TypeActeType of(ReferralKind kind) {
            return kind == null ? null : valueOf(kind.name());
        }

        ReferralKind kind() {
            return ReferralKind.valueOf(name());
        }
    }

    /** Where an act stands: the values of {@link ReferralState}. */
    @XmlType(name = "EtatActe")
    @XmlEnum
    public enum EtatActeType {
        PROPOSED, SENT, CV_REQUESTED, SUMMONED, HIRED, NOT_RETAINED, WITHDRAWN, NO_ANSWER, OBSOLETE;

        static EtatActeType of(ReferralState state) {
            return state == null ? null : valueOf(state.name());
        }

        ReferralState state() {
            return ReferralState.valueOf(name());
        }
    }

    /** Why the employer did not retain a candidate: the values of {@link RejectionReason}. */
    @XmlType(name = "MotifNonRetenue")
    @XmlEnum
    public enum MotifNonRetenueType {
        PROFILE_MISMATCH, EXPERIENCE_INSUFFICIENT, QUALIFICATION_MISSING, POSITION_FILLED, AVAILABILITY, MOBILITY,
        DID_NOT_ATTEND, CANDIDATE_DECLINED, OTHER;

        static MotifNonRetenueType of(RejectionReason reason) {
            return reason == null ? null : valueOf(reason.name());
        }

        RejectionReason reason() {
            return RejectionReason.valueOf(name());
        }
    }

    /** Where a mail or notice stands: the values of {@link Presentation.Delivery.Status}. */
    @XmlType(name = "StatutEnvoi")
    @XmlEnum
    public enum StatutEnvoiType {
        PENDING, SENT, FAILED, TO_RELAY;

        static StatutEnvoiType of(Presentation.Delivery.Status status) {
            return status == null ? null : valueOf(status.name());
        }
    }

    /** A job seeker a partner acts for. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "DemandeurEmploi", propOrder = {"id", "partenaire", "prenom", "nom", "identifiantFranceTravail",
            "courriel", "telephone", "adressePostale", "canal", "note", "creeLe", "creePar", "modifieLe"})
    public static class DemandeurEmploiType {
        @XmlElement(required = true)
        public String id;
        @XmlElement(required = true)
        public String partenaire;
        @XmlElement(required = true)
        public String prenom;
        @XmlElement(required = true)
        public String nom;
        public String identifiantFranceTravail;
        public String courriel;
        public String telephone;
        public String adressePostale;
        @XmlElement(required = true)
        public CanalType canal;
        public String note;
        @XmlSchemaType(name = "dateTime")
        public String creeLe;
        public String creePar;
        @XmlSchemaType(name = "dateTime")
        public String modifieLe;

        static DemandeurEmploiType of(JobSeeker j) {
            DemandeurEmploiType t = new DemandeurEmploiType();
            t.id = j.id();
            t.partenaire = j.partnerId();
            t.prenom = j.firstName();
            t.nom = j.lastName();
            t.identifiantFranceTravail = j.ftIdentifier();
            t.courriel = j.email();
            t.telephone = j.phone();
            t.adressePostale = j.postalAddress();
            t.canal = CanalType.of(j.channel());
            t.note = j.note();
            t.creeLe = text(j.createdAt());
            t.creePar = j.createdBy();
            t.modifieLe = text(j.updatedAt());
            return t;
        }
    }

    /** What a counsellor enters about a job seeker, to create or update them. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "FicheDemandeurEmploi", propOrder = {"prenom", "nom", "identifiantFranceTravail", "courriel",
            "telephone", "adressePostale", "canal", "note"})
    public static class FicheDemandeurEmploiType {
        @XmlElement(required = true)
        public String prenom;
        @XmlElement(required = true)
        public String nom;
        /** 1234567A when the person is registered with France Travail. */
        public String identifiantFranceTravail;
        public String courriel;
        public String telephone;
        public String adressePostale;
        /** EMAIL when absent; its coordinate (courriel, telephone, adressePostale) is required. */
        public CanalType canal;
        /** Screened: no category DOMAIN §9 forbids. */
        public String note;

        JobSeekerDraft draft() {
            return new JobSeekerDraft(prenom, nom, identifiantFranceTravail, courriel, telephone, adressePostale,
                    canal == null ? null : canal.channel(), note);
        }
    }

    /** One step of an act's history. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "EvenementActe", propOrder = {"le", "par", "de", "vers", "motif", "commentaire"})
    public static class EvenementType {
        @XmlElement(required = true)
        @XmlSchemaType(name = "dateTime")
        public String le;
        /** Login of who made the change, or {@code system}. */
        @XmlElement(required = true)
        public String par;
        /** Absent for the creation. */
        public EtatActeType de;
        @XmlElement(required = true)
        public EtatActeType vers;
        public MotifNonRetenueType motif;
        public String commentaire;

        static EvenementType of(ReferralEvent e) {
            EvenementType t = new EvenementType();
            t.le = text(e.at());
            t.par = e.by();
            t.de = EtatActeType.of(e.from());
            t.vers = EtatActeType.of(e.to());
            t.motif = MotifNonRetenueType.of(e.reason());
            t.commentaire = e.comment();
            return t;
        }
    }

    /** An act for a job seeker on an offer, with its whole history (oldest first). */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Acte", propOrder = {"id", "type", "offre", "demandeurEmploi", "partenaire", "conseiller", "etat",
            "motif", "creeLe", "modifieLe", "evenement"})
    public static class ActeType {
        @XmlElement(required = true)
        public String id;
        @XmlElement(required = true)
        public TypeActeType type;
        @XmlElement(required = true)
        public String offre;
        @XmlElement(required = true)
        public String demandeurEmploi;
        @XmlElement(required = true)
        public String partenaire;
        /** The account of the counsellor who acted. */
        @XmlElement(required = true)
        public String conseiller;
        @XmlElement(required = true)
        public EtatActeType etat;
        public MotifNonRetenueType motif;
        @XmlSchemaType(name = "dateTime")
        public String creeLe;
        @XmlSchemaType(name = "dateTime")
        public String modifieLe;
        public List<EvenementType> evenement = new ArrayList<>();

        static ActeType of(Referral r) {
            ActeType t = new ActeType();
            t.id = r.id();
            t.type = TypeActeType.of(r.kind());
            t.offre = r.offerId();
            t.demandeurEmploi = r.jobSeekerId();
            t.partenaire = r.partnerId();
            t.conseiller = r.counsellorId();
            t.etat = EtatActeType.of(r.state());
            t.motif = MotifNonRetenueType.of(r.reason());
            t.creeLe = text(r.createdAt());
            t.modifieLe = text(r.updatedAt());
            if (r.history() != null) {
                r.history().forEach(e -> t.evenement.add(EvenementType.of(e)));
            }
            return t;
        }
    }

    /** The job seeker's file (dossier du DE): the person and every act done for them, newest first. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Dossier", propOrder = {"demandeurEmploi", "acte"})
    public static class DossierType {
        @XmlElement(required = true)
        public DemandeurEmploiType demandeurEmploi;
        public List<ActeType> acte = new ArrayList<>();

        static DossierType of(JobSeekerFile file) {
            DossierType t = new DossierType();
            t.demandeurEmploi = DemandeurEmploiType.of(file.jobSeeker());
            file.referrals().forEach(r -> t.acte.add(ActeType.of(r)));
            return t;
        }
    }

    /** A reason for not retaining a candidate, and whether it may be told to them. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Motif", propOrder = {"code", "libelle", "communicable"})
    public static class MotifType {
        @XmlElement(required = true)
        public MotifNonRetenueType code;
        @XmlElement(required = true)
        public String libelle;
        /** Whether the reason may be passed on to the candidate as it stands. */
        public boolean communicable;

        static MotifType of(RejectionReason reason) {
            MotifType t = new MotifType();
            t.code = MotifNonRetenueType.of(reason);
            t.libelle = reason.label();
            t.communicable = reason.shareable();
            return t;
        }
    }

    /** Where a mail or notice stands. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Envoi", propOrder = {"statut", "tentatives", "envoyeLe", "erreur"})
    public static class EnvoiType {
        @XmlElement(required = true)
        public StatutEnvoiType statut;
        public int tentatives;
        @XmlSchemaType(name = "dateTime")
        public String envoyeLe;
        /** The last failure, if any. */
        public String erreur;

        static EnvoiType of(Presentation.Delivery d) {
            if (d == null) {
                return null;
            }
            EnvoiType t = new EnvoiType();
            t.statut = StatutEnvoiType.of(d.status());
            t.tentatives = d.attempts();
            t.envoyeLe = text(d.sentAt());
            t.erreur = d.error();
            return t;
        }
    }

    /** One presented candidate and where the notice telling them stands. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Candidat", propOrder = {"demandeurEmploi", "acte", "prenom", "nom", "canal", "avis"})
    public static class CandidatType {
        @XmlElement(required = true)
        public String demandeurEmploi;
        /** The act recorded for the candidate on the offer. */
        @XmlElement(required = true)
        public String acte;
        public String prenom;
        public String nom;
        public CanalType canal;
        /** EMAIL: the outbox sends it; other channels: TO_RELAY, the counsellor tells the candidate. */
        public EnvoiType avis;

        static CandidatType of(Presentation.Candidate c) {
            CandidatType t = new CandidatType();
            t.demandeurEmploi = c.jobSeekerId();
            t.acte = c.referralId();
            t.prenom = c.firstName();
            t.nom = c.lastName();
            t.canal = CanalType.of(c.channel());
            t.avis = EnvoiType.of(c.notice());
            return t;
        }
    }

    /** A presentation of candidates to an offer's employer. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Presentation", propOrder = {"id", "offre", "partenaire", "conseiller", "creeLe", "destinataire",
            "courrierEmployeur", "candidat"})
    public static class PresentationType {
        @XmlElement(required = true)
        public String id;
        @XmlElement(required = true)
        public String offre;
        @XmlElement(required = true)
        public String partenaire;
        public String conseiller;
        @XmlSchemaType(name = "dateTime")
        public String creeLe;
        /** Where the list went: employer, managing-partner or france-travail (who relays it). */
        public String destinataire;
        public EnvoiType courrierEmployeur;
        /** In the order the counsellor gave. */
        public List<CandidatType> candidat = new ArrayList<>();

        static PresentationType of(Presentation p) {
            PresentationType t = new PresentationType();
            t.id = p.id();
            t.offre = p.offerId();
            t.partenaire = p.partnerId();
            t.conseiller = p.counsellorId();
            t.creeLe = text(p.createdAt());
            t.destinataire = p.recipient();
            t.courrierEmployeur = EnvoiType.of(p.employerMail());
            p.candidates().forEach(c -> t.candidat.add(CandidatType.of(c)));
            return t;
        }
    }

    /** Placement activity of one partner over the period, counted from the acts created in it. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Activite", propOrder = {"partenaire", "du", "au", "misesEnContact", "misesEnRelation",
            "convocations", "presentations", "recrutes", "nonRetenus", "sansReponse", "enCours"})
    public static class ActiviteType {
        @XmlElement(required = true)
        public String partenaire;
        @XmlElement(required = true)
        @XmlSchemaType(name = "date")
        public String du;
        @XmlElement(required = true)
        @XmlSchemaType(name = "date")
        public String au;
        public long misesEnContact;
        public long misesEnRelation;
        public long convocations;
        public long presentations;
        public long recrutes;
        public long nonRetenus;
        public long sansReponse;
        public long enCours;

        static ActiviteType of(PlacementActivity a) {
            ActiviteType t = new ActiviteType();
            t.partenaire = a.partnerId();
            t.du = text(a.from());
            t.au = text(a.to());
            t.misesEnContact = a.contacts();
            t.misesEnRelation = a.relations();
            t.convocations = a.summons();
            t.presentations = a.presentations();
            t.recrutes = a.hired();
            t.nonRetenus = a.notRetained();
            t.sansReponse = a.noAnswer();
            t.enCours = a.open();
            return t;
        }
    }

    /** The indicators France Travail and its partners review together (DOMAIN §9). */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Tripartite", propOrder = {"partenaire", "du", "au", "offres", "offresContactDirect",
            "offresPreselection", "offresPreselectionSatisfaites", "partContactDirect",
            "partPreselectionSatisfaites", "delaiMoyenSatisfactionJours"})
    public static class TripartiteType {
        /** Absent: every partner the caller may see. */
        public String partenaire;
        @XmlElement(required = true)
        @XmlSchemaType(name = "date")
        public String du;
        @XmlElement(required = true)
        @XmlSchemaType(name = "date")
        public String au;
        /** Offers that received at least one act in the period. */
        public long offres;
        /** … whose employer can be contacted directly (nominative, without preselection). */
        public long offresContactDirect;
        public long offresPreselection;
        /** Preselected offers satisfied by a mise en relation (a hire through one). */
        public long offresPreselectionSatisfaites;
        /** From 0 to 1; absent without offers. */
        public Double partContactDirect;
        /** From 0 to 1; absent without preselected offers. */
        public Double partPreselectionSatisfaites;
        /** Mean days from the first act on a preselected offer to the hire; absent when none was satisfied. */
        public Double delaiMoyenSatisfactionJours;

        static TripartiteType of(TripartiteIndicators i) {
            TripartiteType t = new TripartiteType();
            t.partenaire = i.partnerId();
            t.du = text(i.from());
            t.au = text(i.to());
            t.offres = i.offers();
            t.offresContactDirect = i.directContactOffers();
            t.offresPreselection = i.preselectedOffers();
            t.offresPreselectionSatisfaites = i.preselectedSatisfied();
            t.partContactDirect = i.directContactShare();
            t.partPreselectionSatisfaites = i.preselectedSatisfiedShare();
            t.delaiMoyenSatisfactionJours = i.meanDaysToSatisfy();
            return t;
        }
    }

    /** The placement indicators of a period: one activity line per partner, and the tripartite figures. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Indicateurs", propOrder = {"du", "au", "partenaire", "activite", "tripartite"})
    public static class IndicateursType {
        @XmlElement(required = true)
        @XmlSchemaType(name = "date")
        public String du;
        @XmlElement(required = true)
        @XmlSchemaType(name = "date")
        public String au;
        /** The partner asked for; absent for every partner the caller may see. */
        public String partenaire;
        public List<ActiviteType> activite = new ArrayList<>();
        @XmlElement(required = true)
        public TripartiteType tripartite;

        static IndicateursType of(LocalDate from, LocalDate to, String partnerId, List<PlacementActivity> activity,
                TripartiteIndicators tripartite) {
            IndicateursType t = new IndicateursType();
            t.du = text(from);
            t.au = text(to);
            t.partenaire = partnerId;
            activity.forEach(a -> t.activite.add(ActiviteType.of(a)));
            t.tripartite = TripartiteType.of(tripartite);
            return t;
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String text(LocalDate day) {
        return day == null ? null : day.toString();
    }
}
