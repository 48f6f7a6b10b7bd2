package fr.opus.offers.soap;

import java.util.ArrayList;
import java.util.List;
import javax.xml.bind.annotation.XmlAccessType;
import javax.xml.bind.annotation.XmlAccessorType;
import javax.xml.bind.annotation.XmlElement;
import javax.xml.bind.annotation.XmlSchemaType;
import javax.xml.bind.annotation.XmlType;

/**
 * The SOAP shapes of offer search and lookup. Type and element names are those of France Travail's "Offres
 * d'emploi v2" (schemas {@code Offre}, {@code ResultatRecherche}…, search parameters of {@code /v2/offres/search});
 * a JSON array {@code x} is a repeated element {@code x}; absent values are absent elements.
 */
final class SoapTypes {

    private SoapTypes() {
    }

    /** The search parameters of {@code GET /v2/offres/search}, one element per value for the list parameters. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Recherche", propOrder = {"motsCles", "codeROME", "appellation", "grandDomaine", "domaine",
            "theme", "secteurActivite", "codeNAF", "commune", "distance", "departement", "inclureLimitrophes",
            "region", "typeContrat", "natureContrat", "qualification", "experience", "experienceExigence",
            "tempsPlein", "dureeHebdo", "publieeDepuis", "minCreationDate", "maxCreationDate", "origineOffre",
            "accesTravailleurHandicape", "offresManqueCandidats", "entreprisesAdaptees", "employeursHandiEngages",
            "sort", "first", "last"})
    public static class RechercheType {
        /** Keywords (at least 2 characters each), all of which must match. */
        public List<String> motsCles = new ArrayList<>();
        /** ROME codes ({@code M1805}), up to 200. */
        public List<String> codeROME = new ArrayList<>();
        /** ROME appellation (OGR) code. */
        public String appellation;
        /** Grand domaine ({@code M}, {@code M18}…). */
        public String grandDomaine;
        /** Professional domain ({@code M18}). */
        public String domaine;
        /** ROME theme. */
        public String theme;
        /** NAF divisions (2 digits), up to 2. */
        public List<String> secteurActivite = new ArrayList<>();
        /** NAF codes ({@code 62.02A}), up to 2. */
        public List<String> codeNAF = new ArrayList<>();
        /** INSEE commune codes, up to 5. */
        public List<String> commune = new ArrayList<>();
        /** Radius around the communes, 0 to 500 km (10 when absent). */
        public Integer distance;
        /** Départements, up to 5. */
        public List<String> departement = new ArrayList<>();
        public Boolean inclureLimitrophes;
        public String region;
        /** Contract types ({@code CDI}, {@code MIS}…). */
        public List<String> typeContrat = new ArrayList<>();
        /** Contract natures ({@code E1}…). */
        public List<String> natureContrat = new ArrayList<>();
        /** {@code 0} non-cadre, {@code 9} cadre. */
        public String qualification;
        /** {@code 0} to {@code 3}. */
        public String experience;
        /** {@code D}, {@code S} or {@code E}. */
        public String experienceExigence;
        public Boolean tempsPlein;
        /** {@code 0}, {@code 1} or {@code 2}. */
        public String dureeHebdo;
        /** Offers published at most this many days ago. */
        public Integer publieeDepuis;
        /** Lowest creation date ({@code 2025-01-31T00:00:00Z}). */
        @XmlSchemaType(name = "dateTime")
        public String minCreationDate;
        /** Highest creation date. */
        @XmlSchemaType(name = "dateTime")
        public String maxCreationDate;
        /** {@code 1} France Travail, {@code 2} partner. */
        public Integer origineOffre;
        public Boolean accesTravailleurHandicape;
        public Boolean offresManqueCandidats;
        public Boolean entreprisesAdaptees;
        public Boolean employeursHandiEngages;
        /** {@code 0} relevance, {@code 1} creation date, {@code 2} distance. */
        public Integer sort;
        /** Index of the first offer wanted, from 0 (France Travail's {@code range=first-last}). */
        public Integer first;
        /** Index of the last offer wanted (at most 150 per call). */
        public Integer last;

        public RechercheType() {
        }
    }

    /** A page of offers ({@code ResultatRecherche}) with the size of the whole result. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "ResultatRecherche", propOrder = {"total", "first", "last", "resultats", "filtresPossibles"})
    public static class ResultatRechercheType {
        /** How many offers match in all (France Travail's {@code Content-Range} total). */
        public long total;
        public int first;
        /** {@code first - 1} when the page is empty. */
        public int last;
        public List<OffreType> resultats = new ArrayList<>();
        public List<FiltrePossibleType> filtresPossibles = new ArrayList<>();

        public ResultatRechercheType() {
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "FiltrePossible", propOrder = {"filtre", "agregation"})
    public static class FiltrePossibleType {
        @XmlElement(required = true)
        public String filtre;
        public List<AgregationType> agregation = new ArrayList<>();

        public FiltrePossibleType() {
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Agregation", propOrder = {"valeurPossible", "nbResultats"})
    public static class AgregationType {
        @XmlElement(required = true)
        public String valeurPossible;
        public long nbResultats;

        public AgregationType() {
        }
    }

    /** France Travail's {@code Offre}. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Offre", propOrder = {"id", "intitule", "description", "dateCreation", "dateActualisation",
            "lieuTravail", "romeCode", "romeLibelle", "appellationlibelle", "entreprise", "typeContrat",
            "typeContratLibelle", "natureContrat", "experienceExige", "experienceLibelle", "experienceCommentaire",
            "formations", "langues", "permis", "outilsBureautiques", "competences", "salaire", "dureeTravailLibelle",
            "dureeTravailLibelleConverti", "complementExercice", "conditionExercice", "alternance", "contact",
            "agence", "nombrePostes", "accessibleTH", "deplacementCode", "deplacementLibelle", "qualificationCode",
            "qualificationLibelle", "codeNAF", "secteurActivite", "secteurActiviteLibelle",
            "qualitesProfessionnelles", "trancheEffectifEtab", "origineOffre", "offresManqueCandidats",
            "contexteTravail", "entrepriseAdaptee", "employeurHandiEngage"})
    public static class OffreType {
        @XmlElement(required = true)
        public String id;
        public String intitule;
        public String description;
        /** ISO-8601 UTC, as France Travail writes it ({@code 2024-08-19T11:01:06.407Z}). */
        @XmlSchemaType(name = "dateTime")
        public String dateCreation;
        @XmlSchemaType(name = "dateTime")
        public String dateActualisation;
        public LieuTravailType lieuTravail;
        public String romeCode;
        public String romeLibelle;
        public String appellationlibelle;
        public EntrepriseType entreprise;
        public String typeContrat;
        public String typeContratLibelle;
        public String natureContrat;
        public String experienceExige;
        public String experienceLibelle;
        public String experienceCommentaire;
        public List<FormationType> formations = new ArrayList<>();
        public List<LangueType> langues = new ArrayList<>();
        public List<PermisType> permis = new ArrayList<>();
        public List<String> outilsBureautiques = new ArrayList<>();
        public List<CompetenceType> competences = new ArrayList<>();
        public SalaireType salaire;
        public String dureeTravailLibelle;
        public String dureeTravailLibelleConverti;
        public String complementExercice;
        public String conditionExercice;
        public Boolean alternance;
        public ContactType contact;
        public AgenceType agence;
        public Integer nombrePostes;
        public Boolean accessibleTH;
        public String deplacementCode;
        public String deplacementLibelle;
        public String qualificationCode;
        public String qualificationLibelle;
        public String codeNAF;
        public String secteurActivite;
        public String secteurActiviteLibelle;
        public List<QualiteProType> qualitesProfessionnelles = new ArrayList<>();
        public String trancheEffectifEtab;
        public OrigineOffreType origineOffre;
        public Boolean offresManqueCandidats;
        public ContexteTravailType contexteTravail;
        public Boolean entrepriseAdaptee;
        public Boolean employeurHandiEngage;

        public OffreType() {
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "LieuTravail", propOrder = {"libelle", "latitude", "longitude", "codePostal", "commune"})
    public static class LieuTravailType {
        public String libelle;
        public Double latitude;
        public Double longitude;
        public String codePostal;
        /** INSEE code. */
        public String commune;

        public LieuTravailType() {
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Entreprise", propOrder = {"nom", "description", "logo", "url", "entrepriseAdaptee"})
    public static class EntrepriseType {
        public String nom;
        public String description;
        public String logo;
        public String url;
        public Boolean entrepriseAdaptee;

        public EntrepriseType() {
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Salaire", propOrder = {"libelle", "commentaire", "complement1", "complement2",
            "listeComplements"})
    public static class SalaireType {
        public String libelle;
        public String commentaire;
        public String complement1;
        public String complement2;
        public List<ComplementSalaireType> listeComplements = new ArrayList<>();

        public SalaireType() {
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "ComplementSalaire", propOrder = {"code", "libelle"})
    public static class ComplementSalaireType {
        public String code;
        public String libelle;

        public ComplementSalaireType() {
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Contact", propOrder = {"nom", "coordonnees1", "coordonnees2", "coordonnees3", "telephone",
            "courriel", "commentaire", "urlRecruteur", "urlPostulation"})
    public static class ContactType {
        public String nom;
        public String coordonnees1;
        public String coordonnees2;
        public String coordonnees3;
        public String telephone;
        public String courriel;
        public String commentaire;
        public String urlRecruteur;
        public String urlPostulation;

        public ContactType() {
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Agence", propOrder = {"telephone", "courriel"})
    public static class AgenceType {
        public String telephone;
        public String courriel;

        public AgenceType() {
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Formation", propOrder = {"codeFormation", "domaineLibelle", "niveauLibelle", "commentaire",
            "exigence"})
    public static class FormationType {
        public String codeFormation;
        public String domaineLibelle;
        public String niveauLibelle;
        public String commentaire;
        /** {@code E} required, {@code S} wished. */
        public String exigence;

        public FormationType() {
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Langue", propOrder = {"libelle", "exigence"})
    public static class LangueType {
        public String libelle;
        public String exigence;

        public LangueType() {
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Permis", propOrder = {"libelle", "exigence"})
    public static class PermisType {
        public String libelle;
        public String exigence;

        public PermisType() {
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Competence", propOrder = {"code", "libelle", "exigence"})
    public static class CompetenceType {
        public String code;
        public String libelle;
        public String exigence;

        public CompetenceType() {
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "QualitePro", propOrder = {"libelle", "description"})
    public static class QualiteProType {
        public String libelle;
        public String description;

        public QualiteProType() {
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "OrigineOffre", propOrder = {"origine", "urlOrigine", "partenaires"})
    public static class OrigineOffreType {
        /** {@code 1} France Travail, {@code 2} a partner. */
        public String origine;
        public String urlOrigine;
        public List<PartenaireOffreType> partenaires = new ArrayList<>();

        public OrigineOffreType() {
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "PartenaireOffre", propOrder = {"nom", "url", "logo"})
    public static class PartenaireOffreType {
        public String nom;
        public String url;
        public String logo;

        public PartenaireOffreType() {
        }
    }

    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "ContexteTravail", propOrder = {"horaires", "conditionsExercice"})
    public static class ContexteTravailType {
        public List<String> horaires = new ArrayList<>();
        public List<String> conditionsExercice = new ArrayList<>();

        public ContexteTravailType() {
        }
    }
}
