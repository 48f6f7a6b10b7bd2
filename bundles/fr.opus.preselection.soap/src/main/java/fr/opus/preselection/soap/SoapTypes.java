package fr.opus.preselection.soap;

import fr.opus.contacts.api.RejectionReason;
import fr.opus.offers.api.PreselectionLevel;
import fr.opus.platform.api.OpusException;
import fr.opus.platform.api.ProblemCodes;
import fr.opus.preselection.api.Assessment;
import fr.opus.preselection.api.AssessmentTool;
import fr.opus.preselection.api.Candidacy;
import fr.opus.preselection.api.CandidacyDraft;
import fr.opus.preselection.api.CandidacyState;
import fr.opus.preselection.api.Commitments;
import fr.opus.preselection.api.Criterion;
import fr.opus.preselection.api.EmployerFeedback;
import fr.opus.preselection.api.OfferPreselection;
import fr.opus.preselection.api.PreselectionDraft;
import fr.opus.preselection.api.PreselectionIndicators;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlEnum;
import javax.xml.bind.annotation.XmlSchemaType;
import javax.xml.bind.annotation.XmlType;

/**
 * The SOAP shapes of preselection, with French element names like the other Opus SOAP contracts. Enumerated values
 * are the API's own (those of REST): {@code ENDORSEMENT}, {@code TRANSMITTED}, {@code MRS}, {@code POSITION_FILLED}…
 * Times are {@code xs:dateTime} in UTC, days {@code xs:date}. Lists keep their order; the answers and scores of a
 * candidacy come in the alphabetical order of their labels.
 */
final class SoapTypes {

    private SoapTypes() {
    }

    /** The offer's preselection level: the values of {@link PreselectionLevel}. */
    @XmlType(name = "NiveauPreselection")
    @XmlEnum
    public enum NiveauType {
        /** Vérification: prerequisites, interest and availability. */
        VERIFICATION,
        /** Valorisation: an argued synthesis and weighted complementary criteria. */
        ENDORSEMENT,
        /** Évaluation: assessment tools (MRS, EMT, ECCP). */
        ASSESSMENT;

        static NiveauType of(PreselectionLevel level) {
            return level == null ? null : valueOf(level.name());
        }

        PreselectionLevel level() {
            return PreselectionLevel.valueOf(name());
        }
    }

    /** Where a candidacy stands: the values of {@link CandidacyState}. */
    @XmlType(name = "EtatCandidature")
    @XmlEnum
    public enum EtatCandidatureType {
        PROPOSED, DECLINED, TRANSMITTED, RECEIVED, HIRED, NOT_RETAINED, WITHDRAWN;

        static EtatCandidatureType of(CandidacyState state) {
            return state == null ? null : valueOf(state.name());
        }

        CandidacyState state() {
            return CandidacyState.valueOf(name());
        }
    }

    /** An assessment tool of an évaluation: the values of {@link AssessmentTool}. */
    @XmlType(name = "OutilEvaluation")
    @XmlEnum
    public enum OutilType {
        MRS, EMT, ECCP;

        static OutilType of(AssessmentTool tool) {
            return tool == null ? null : valueOf(tool.name());
        }

        AssessmentTool tool() {
            return AssessmentTool.valueOf(name());
        }
    }

    /** Why the employer did not retain a candidate: the values of {@link RejectionReason}, as in ReferralService. */
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

    /** A complementary criterion of a valorisation and its weight. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Critere", propOrder = {"nom", "poids"})
    public static class CritereType {
        /** What is assessed ("Maîtrise du logiciel de caisse"), unique on the offer. */
        @XmlElement(required = true)
        public String nom;
        /** From 1 to 5. */
        public int poids;

        static CritereType of(Criterion c) {
            CritereType t = new CritereType();
            t.nom = c.name();
            t.poids = c.weight();
            return t;
        }

        Criterion criterion() {
            return new Criterion(nom, poids);
        }
    }

    /** The employer's commitments under the level and how far they are kept. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Engagements", propOrder = {"attendu", "transmis", "avecRetour", "enRetard", "tenus"})
    public static class EngagementsType {
        /** What the employer committed to, in French, per the level. */
        public List<String> attendu = new ArrayList<>();
        /** Candidates transmitted to the employer. */
        public int transmis;
        /** Transmitted candidates with the feedback the level requires. */
        public int avecRetour;
        /** Transmitted candidates still without it after the allowed delay. */
        public int enRetard;
        /** Whether every transmitted candidate has the feedback the level requires. */
        public boolean tenus;

        static EngagementsType of(Commitments c) {
            if (c == null) {
                return null;
            }
            EngagementsType t = new EngagementsType();
            t.attendu.addAll(c.expected());
            t.transmis = c.transmitted();
            t.avecRetour = c.answered();
            t.enRetard = c.overdue();
            t.tenus = c.kept();
            return t;
        }
    }

    /** The preselection of an offer. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Preselection", propOrder = {"offre", "niveau", "definie", "prerequis", "critere", "outil",
            "candidatsSouhaites", "enAttenteExamen", "engagements", "modifiePar", "modifieLe"})
    public static class PreselectionType {
        @XmlElement(required = true)
        public String offre;
        @XmlElement(required = true)
        public NiveauType niveau;
        /**
         * Whether the correspondent has set the requirements; until then an évaluation or a valorisation takes no
         * candidate.
         */
        public boolean definie;
        /** The checklist a candidate must meet. */
        public List<String> prerequis = new ArrayList<>();
        /** Valorisation: the weighted criteria. */
        public List<CritereType> critere = new ArrayList<>();
        /** Évaluation: the assessment tools. */
        public List<OutilType> outil = new ArrayList<>();
        /** How many candidates the employer wishes; absent when not said. */
        public Integer candidatsSouhaites;
        /** Candidacies awaiting the correspondent's review. */
        public int enAttenteExamen;
        public EngagementsType engagements;
        /** Login of who last set the requirements. */
        public String modifiePar;
        @XmlSchemaType(name = "dateTime")
        public String modifieLe;

        static PreselectionType of(OfferPreselection p) {
            PreselectionType t = new PreselectionType();
            t.offre = p.offerId();
            t.niveau = NiveauType.of(p.level());
            t.definie = p.defined();
            t.prerequis.addAll(p.prerequisites());
            p.criteria().forEach(c -> t.critere.add(CritereType.of(c)));
            p.tools().forEach(o -> t.outil.add(OutilType.of(o)));
            t.candidatsSouhaites = p.candidatesWanted();
            t.enAttenteExamen = p.proposed();
            t.engagements = EngagementsType.of(p.commitments());
            t.modifiePar = p.updatedBy();
            t.modifieLe = text(p.updatedAt());
            return t;
        }
    }

    /** What the correspondent sets on a preselected offer, as negotiated with the employer. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Exigences", propOrder = {"prerequis", "critere", "outil", "candidatsSouhaites"})
    public static class ExigencesType {
        /** Every level: at most 20, one line each. */
        public List<String> prerequis = new ArrayList<>();
        /** Valorisation (at least one) or évaluation: at most 10. */
        public List<CritereType> critere = new ArrayList<>();
        /** Évaluation: at least one, each once. */
        public List<OutilType> outil = new ArrayList<>();
        /** From 1 to 50. */
        public Integer candidatsSouhaites;

        /** The draft the service checks; a tool JAXB could not read (not MRS, EMT or ECCP) is refused here. */
        PreselectionDraft draft() {
            List<AssessmentTool> tools = new ArrayList<>();
            for (int i = 0; i < outil.size(); i++) {
                if (outil.get(i) == null) {
                    throw OpusException.invalid(ProblemCodes.MALFORMED_BODY, "Outil d'évaluation attendu : MRS, EMT"
                            + " ou ECCP.", "outil[" + i + "]");
                }
                tools.add(outil.get(i).tool());
            }
            // an empty prerequisite or criterion is the service's to refuse, with its own words
            return new PreselectionDraft(prerequis.stream().map(p -> p == null ? "" : p).toList(),
                    critere.stream().map(c -> c == null ? new Criterion(null, 0) : c.criterion()).toList(), tools,
                    candidatsSouhaites);
        }
    }

    /** A prerequisite of the offer and whether the candidate meets it. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Prerequis", propOrder = {"libelle", "rempli"})
    public static class PrerequisType {
        /** The prerequisite as the offer words it. */
        @XmlElement(required = true)
        public String libelle;
        public boolean rempli;
    }

    /** The candidate's score on one criterion of the offer. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "NoteCritere", propOrder = {"critere", "note"})
    public static class NoteCritereType {
        /** The criterion's name, as on the offer. */
        @XmlElement(required = true)
        public String critere;
        /** From 0 to 5. */
        public int note;
    }

    /** The result of one assessment tool for a candidate. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Evaluation", propOrder = {"outil", "le", "favorable", "commentaire"})
    public static class EvaluationType {
        @XmlElement(required = true)
        public OutilType outil;
        /** When it took place, not in the future. */
        @XmlElement(required = true)
        @XmlSchemaType(name = "date")
        public String le;
        public boolean favorable;
        /** What the assessor noted; no category DOMAIN §9 forbids. */
        public String commentaire;

        static EvaluationType of(Assessment a) {
            EvaluationType t = new EvaluationType();
            t.outil = OutilType.of(a.tool());
            t.le = text(a.on());
            t.favorable = a.favourable();
            t.commentaire = a.comment();
            return t;
        }

        Assessment assessment(String element) {
            return new Assessment(outil == null ? null : outil.tool(), day(le, element + ".le"), favorable,
                    commentaire);
        }
    }

    /** A counsellor's proposal of a job seeker with what the offer's level asks. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Proposition", propOrder = {"demandeurEmploi", "interesse", "disponibleLe", "prerequis",
            "synthese", "noteCritere", "evaluation", "commentaire"})
    public static class PropositionType {
        /** One of the caller's partner's job seekers (ReferralService). */
        @XmlElement(required = true)
        public String demandeurEmploi;
        /** The job seeker is interested in the offer: must be true. */
        @XmlElement(required = true)
        public Boolean interesse;
        /** From when the candidate is available, at most a year ahead. */
        @XmlElement(required = true)
        @XmlSchemaType(name = "date")
        public String disponibleLe;
        /** Each prerequisite of the offer, met. */
        public List<PrerequisType> prerequis = new ArrayList<>();
        /** Valorisation and évaluation: the argued synthesis, 50 to 4000 characters. */
        public String synthese;
        /** Valorisation: a score of 0 to 5 for each criterion of the offer. */
        public List<NoteCritereType> noteCritere = new ArrayList<>();
        /** Évaluation: a favourable result for each tool of the offer. */
        public List<EvaluationType> evaluation = new ArrayList<>();
        /** A note for the correspondent. */
        public String commentaire;

        /** The draft the service checks; an answer without its label, or given twice, is refused here. */
        CandidacyDraft draft() {
            Map<String, Boolean> answers = new LinkedHashMap<>();
            for (int i = 0; i < prerequis.size(); i++) {
                PrerequisType p = prerequis.get(i);
                String label = key(p == null ? null : p.libelle, "prerequis[" + i + "].libelle",
                        "Chaque prérequis indique son libellé, tel que l'offre le formule.");
                if (answers.put(label, p.rempli) != null) {
                    throw twice("Le prérequis « " + label + " » figure deux fois.", "prerequis[" + i + "]");
                }
            }
            Map<String, Integer> scores = new LinkedHashMap<>();
            for (int i = 0; i < noteCritere.size(); i++) {
                NoteCritereType s = noteCritere.get(i);
                String name = key(s == null ? null : s.critere, "noteCritere[" + i + "].critere",
                        "Chaque note indique son critère, tel que l'offre le nomme.");
                if (scores.put(name, s.note) != null) {
                    throw twice("Le critère « " + name + " » est noté deux fois.", "noteCritere[" + i + "]");
                }
            }
            List<Assessment> results = new ArrayList<>();
            for (int i = 0; i < evaluation.size(); i++) {
                EvaluationType e = evaluation.get(i);
                results.add(e == null ? new Assessment(null, null, false, null)
                        : e.assessment("evaluation[" + i + "]"));
            }
            return new CandidacyDraft(demandeurEmploi == null ? null : demandeurEmploi.strip(), interesse,
                    day(disponibleLe, "disponibleLe"), answers, synthese, scores, results, commentaire);
        }

        private static String key(String value, String element, String detail) {
            if (value == null || value.isBlank()) {
                throw OpusException.invalid(ProblemCodes.MALFORMED_BODY, detail, element);
            }
            return value.strip();
        }

        private static OpusException twice(String detail, String element) {
            return OpusException.invalid(ProblemCodes.INVALID_PARAMETER, detail, element);
        }
    }

    /** The employer's feedback on a transmitted candidate, as France Travail recorded it. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "RetourEmployeur", propOrder = {"recu", "recrute", "motif", "commentaire", "saisiPar",
            "saisiLe"})
    public static class RetourEmployeurType {
        /** Whether the employer received (met) the candidate; absent when not said yet. */
        public Boolean recu;
        /** Whether they hired them; absent while undecided. */
        public Boolean recrute;
        /** Why not, when not hired. */
        public MotifNonRetenueType motif;
        /** The employer's qualitative feedback. */
        public String commentaire;
        /** Login of who recorded it. */
        public String saisiPar;
        @XmlSchemaType(name = "dateTime")
        public String saisiLe;

        static RetourEmployeurType of(EmployerFeedback f) {
            if (f == null) {
                return null;
            }
            RetourEmployeurType t = new RetourEmployeurType();
            t.recu = f.received();
            t.recrute = f.hired();
            t.motif = MotifNonRetenueType.of(f.reason());
            t.commentaire = f.comment();
            t.saisiPar = f.recordedBy();
            t.saisiLe = text(f.recordedAt());
            return t;
        }
    }

    /** A candidate proposed on a preselected offer, and where the candidacy stands. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Candidature", propOrder = {"id", "offre", "acte", "demandeurEmploi", "partenaire", "conseiller",
            "niveau", "etat", "disponibleLe", "prerequis", "synthese", "noteCritere", "notePonderee", "evaluation",
            "commentaire", "examinePar", "noteExamen", "examineLe", "retourEmployeur", "creeLe", "modifieLe"})
    public static class CandidatureType {
        @XmlElement(required = true)
        public String id;
        @XmlElement(required = true)
        public String offre;
        /** The mise en relation it rests on (acte of ReferralService). */
        public String acte;
        @XmlElement(required = true)
        public String demandeurEmploi;
        @XmlElement(required = true)
        public String partenaire;
        /** Login of the counsellor who proposed the candidate. */
        public String conseiller;
        /** The offer's level when the candidate was proposed. */
        @XmlElement(required = true)
        public NiveauType niveau;
        @XmlElement(required = true)
        public EtatCandidatureType etat;
        @XmlSchemaType(name = "date")
        public String disponibleLe;
        public List<PrerequisType> prerequis = new ArrayList<>();
        public String synthese;
        public List<NoteCritereType> noteCritere = new ArrayList<>();
        /** The weighted mean of the scores, 0 to 5; absent without criteria. */
        public Double notePonderee;
        public List<EvaluationType> evaluation = new ArrayList<>();
        /** The counsellor's note for the correspondent. */
        public String commentaire;
        /** Login of the correspondent who reviewed it. */
        public String examinePar;
        /** The correspondent's note: why, when declined. */
        public String noteExamen;
        @XmlSchemaType(name = "dateTime")
        public String examineLe;
        public RetourEmployeurType retourEmployeur;
        @XmlSchemaType(name = "dateTime")
        public String creeLe;
        @XmlSchemaType(name = "dateTime")
        public String modifieLe;

        static CandidatureType of(Candidacy c) {
            CandidatureType t = new CandidatureType();
            t.id = c.id();
            t.offre = c.offerId();
            t.acte = c.referralId();
            t.demandeurEmploi = c.jobSeekerId();
            t.partenaire = c.partnerId();
            t.conseiller = c.counsellor();
            t.niveau = NiveauType.of(c.level());
            t.etat = EtatCandidatureType.of(c.state());
            t.disponibleLe = text(c.availableFrom());
            new TreeMap<>(c.prerequisites()).forEach((label, met) -> {
                PrerequisType p = new PrerequisType();
                p.libelle = label;
                p.rempli = met;
                t.prerequis.add(p);
            });
            t.synthese = c.synthesis();
            new TreeMap<>(c.scores()).forEach((criterion, score) -> {
                NoteCritereType s = new NoteCritereType();
                s.critere = criterion;
                s.note = score;
                t.noteCritere.add(s);
            });
            t.notePonderee = c.weightedScore();
            c.assessments().forEach(a -> t.evaluation.add(EvaluationType.of(a)));
            t.commentaire = c.comment();
            t.examinePar = c.reviewedBy();
            t.noteExamen = c.reviewNote();
            t.examineLe = text(c.reviewedAt());
            t.retourEmployeur = RetourEmployeurType.of(c.feedback());
            t.creeLe = text(c.createdAt());
            t.modifieLe = text(c.updatedAt());
            return t;
        }
    }

    /** The preselection figures of a period (DOMAIN §9), for one partner or all. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Indicateurs", propOrder = {"du", "au", "partenaire", "offres", "offresSatisfaites",
            "partOffresSatisfaites", "delaiMoyenSatisfactionJours", "candidaturesProposees", "candidaturesTransmises",
            "candidatsRecrutes", "partEngagementsTenus"})
    public static class IndicateursType {
        @XmlElement(required = true)
        @XmlSchemaType(name = "date")
        public String du;
        @XmlElement(required = true)
        @XmlSchemaType(name = "date")
        public String au;
        /** The partner; absent for every partner the caller may see. */
        public String partenaire;
        /** Preselected offers with a candidacy proposed in the period. */
        public int offres;
        /** … where a transmitted candidate was hired. */
        public int offresSatisfaites;
        /** From 0 to 1; absent without offers. */
        public Double partOffresSatisfaites;
        /** Mean days from an offer's first candidacy to its first hire; absent when none was satisfied. */
        public Double delaiMoyenSatisfactionJours;
        public int candidaturesProposees;
        /** Of those, transmitted to the employer. */
        public int candidaturesTransmises;
        /** Of those, hired. */
        public int candidatsRecrutes;
        /**
         * Share of transmitted candidacies with the feedback their level requires, from 0 to 1; absent when none was
         * transmitted.
         */
        public Double partEngagementsTenus;

        static IndicateursType of(PreselectionIndicators i) {
            IndicateursType t = new IndicateursType();
            t.du = text(i.from());
            t.au = text(i.to());
            t.partenaire = i.partnerId();
            t.offres = i.offers();
            t.offresSatisfaites = i.satisfied();
            t.partOffresSatisfaites = i.satisfiedShare();
            t.delaiMoyenSatisfactionJours = i.meanDaysToSatisfy();
            t.candidaturesProposees = i.proposed();
            t.candidaturesTransmises = i.transmitted();
            t.candidatsRecrutes = i.hired();
            t.partEngagementsTenus = i.commitmentsKeptShare();
            return t;
        }
    }

    /** The day an {@code xs:date} element gives, or {@code null} when it is absent; a 400 naming it otherwise. */
    static LocalDate day(String value, String element) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // xs:date may carry an offset (2026-01-31Z): the day is what counts
            return LocalDate.parse(value.strip(), DateTimeFormatter.ISO_DATE);
        } catch (DateTimeParseException e) {
            throw OpusException.invalid(ProblemCodes.INVALID_PARAMETER, "Date attendue au format AAAA-MM-JJ"
                    + " (ex. 2026-01-31) : « " + value.strip() + " ».", element);
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String text(LocalDate day) {
        return day == null ? null : day.toString();
    }
}
