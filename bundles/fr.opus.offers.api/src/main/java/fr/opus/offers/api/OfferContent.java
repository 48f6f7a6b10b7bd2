package fr.opus.offers.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * An offer exactly as France Travail's "Offres d'emploi v2" API publishes it (schema {@code Offre}): the JSON names
 * are France Travail's, the Java names English. Absent values are {@code null} and left out of the JSON; unknown
 * JSON properties are ignored so that France Travail may add fields without breaking the feed.
 *
 * <p>Dates are kept as France Travail writes them (ISO-8601 UTC with milliseconds, {@code 2025-12-23T16:01:23.690Z});
 * {@link #createdAt()} and {@link #updatedAt()} parse them.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OfferContent(
        @JsonProperty("id") String id,
        @JsonProperty("intitule") String title,
        @JsonProperty("description") String description,
        @JsonProperty("dateCreation") String creationDate,
        @JsonProperty("dateActualisation") String updateDate,
        @JsonProperty("lieuTravail") Workplace workplace,
        @JsonProperty("romeCode") String romeCode,
        @JsonProperty("romeLibelle") String romeLabel,
        @JsonProperty("appellationlibelle") String appellationLabel,
        @JsonProperty("entreprise") Company company,
        @JsonProperty("typeContrat") String contractType,
        @JsonProperty("typeContratLibelle") String contractTypeLabel,
        @JsonProperty("natureContrat") String contractNature,
        @JsonProperty("experienceExige") String experienceRequirement,
        @JsonProperty("experienceLibelle") String experienceLabel,
        @JsonProperty("experienceCommentaire") String experienceComment,
        @JsonProperty("formations") List<Training> trainings,
        @JsonProperty("langues") List<Language> languages,
        @JsonProperty("permis") List<Licence> licences,
        @JsonProperty("outilsBureautiques") List<String> officeTools,
        @JsonProperty("competences") List<Skill> skills,
        @JsonProperty("salaire") Salary salary,
        @JsonProperty("dureeTravailLibelle") String workingHoursLabel,
        @JsonProperty("dureeTravailLibelleConverti") String workingTimeKind,
        @JsonProperty("complementExercice") String exerciseComplement,
        @JsonProperty("conditionExercice") String exerciseCondition,
        @JsonProperty("alternance") Boolean workStudy,
        @JsonProperty("contact") Contact contact,
        @JsonProperty("agence") Agency agency,
        @JsonProperty("nombrePostes") Integer positions,
        @JsonProperty("accessibleTH") Boolean disabilityAccessible,
        @JsonProperty("deplacementCode") String travelCode,
        @JsonProperty("deplacementLibelle") String travelLabel,
        @JsonProperty("qualificationCode") String qualificationCode,
        @JsonProperty("qualificationLibelle") String qualificationLabel,
        @JsonProperty("codeNAF") String nafCode,
        @JsonProperty("secteurActivite") String sector,
        @JsonProperty("secteurActiviteLibelle") String sectorLabel,
        @JsonProperty("qualitesProfessionnelles") List<ProfessionalQuality> professionalQualities,
        @JsonProperty("trancheEffectifEtab") String workforceBand,
        @JsonProperty("origineOffre") Origin origin,
        @JsonProperty("offresManqueCandidats") Boolean shortOfCandidates,
        @JsonProperty("contexteTravail") WorkContext workContext,
        @JsonProperty("entrepriseAdaptee") Boolean adaptedCompany,
        @JsonProperty("employeurHandiEngage") Boolean disabilityCommittedEmployer) {

    public OfferContent {
        trainings = copy(trainings);
        languages = copy(languages);
        licences = copy(licences);
        officeTools = copy(officeTools);
        skills = copy(skills);
        professionalQualities = copy(professionalQualities);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** {@code dateCreation} as an instant, or {@code null}. */
    @JsonIgnore
    public Instant createdAt() {
        return creationDate == null ? null : Instant.parse(creationDate);
    }

    /** {@code dateActualisation} as an instant, or {@code null}. */
    @JsonIgnore
    public Instant updatedAt() {
        return updateDate == null ? null : Instant.parse(updateDate);
    }

    /** A builder starting from this offer. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A copy with another company and contact (diffusion masking). */
    public OfferContent withEmployer(Company newCompany, Contact newContact) {
        return new Builder(this).company(newCompany).contact(newContact).build();
    }

    /** Place of work ({@code LieuTravail}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Workplace(@JsonProperty("libelle") String label, @JsonProperty("latitude") Double latitude,
            @JsonProperty("longitude") Double longitude, @JsonProperty("codePostal") String postalCode,
            @JsonProperty("commune") String inseeCode) {
    }

    /** The employer ({@code Entreprise}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Company(@JsonProperty("nom") String name, @JsonProperty("description") String description,
            @JsonProperty("logo") String logo, @JsonProperty("url") String url,
            @JsonProperty("entrepriseAdaptee") Boolean adapted) {
    }

    /** How to apply ({@code Contact}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(@JsonProperty("nom") String name, @JsonProperty("coordonnees1") String address1,
            @JsonProperty("coordonnees2") String address2, @JsonProperty("coordonnees3") String address3,
            @JsonProperty("telephone") String phone, @JsonProperty("courriel") String email,
            @JsonProperty("commentaire") String comment, @JsonProperty("urlRecruteur") String recruiterUrl,
            @JsonProperty("urlPostulation") String applicationUrl) {
    }

    /** The France Travail agency ({@code Agence}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Agency(@JsonProperty("telephone") String phone, @JsonProperty("courriel") String email) {
    }

    /** A training asked for ({@code Formation}); {@code exigence} is {@code E} (required) or {@code S} (wished). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Training(@JsonProperty("codeFormation") String code,
            @JsonProperty("domaineLibelle") String domainLabel, @JsonProperty("niveauLibelle") String levelLabel,
            @JsonProperty("commentaire") String comment, @JsonProperty("exigence") String requirement) {
    }

    /** A language ({@code Langue}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Language(@JsonProperty("libelle") String label, @JsonProperty("exigence") String requirement) {
    }

    /** A licence ({@code Permis}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Licence(@JsonProperty("libelle") String label, @JsonProperty("exigence") String requirement) {
    }

    /** A skill ({@code Competence}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Skill(@JsonProperty("code") String code, @JsonProperty("libelle") String label,
            @JsonProperty("exigence") String requirement) {
    }

    /** A soft skill ({@code QualitePro}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProfessionalQuality(@JsonProperty("libelle") String label,
            @JsonProperty("description") String description) {
    }

    /** Pay ({@code Salaire}). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Salary(@JsonProperty("libelle") String label, @JsonProperty("commentaire") String comment,
            @JsonProperty("complement1") String complement1, @JsonProperty("complement2") String complement2,
            @JsonProperty("listeComplements") List<SalaryComplement> complements) {
        public Salary {
            complements = copy(complements);
        }
    }

    /** A pay complement ({@code ComplementSalaire}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SalaryComplement(@JsonProperty("code") String code, @JsonProperty("libelle") String label) {
    }

    /** Where the offer comes from ({@code OrigineOffre}): {@code 1} France Travail, {@code 2} a partner. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Origin(@JsonProperty("origine") String origin, @JsonProperty("urlOrigine") String url,
            @JsonProperty("partenaires") List<OriginPartner> partners) {
        public Origin {
            partners = copy(partners);
        }
    }

    /** A partner site the offer was collected from ({@code PartenaireOffre}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OriginPartner(@JsonProperty("nom") String name, @JsonProperty("url") String url,
            @JsonProperty("logo") String logo) {
    }

    /** Working conditions ({@code ContexteTravail}). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WorkContext(@JsonProperty("horaires") List<String> hours,
            @JsonProperty("conditionsExercice") List<String> conditions) {
        public WorkContext {
            hours = copy(hours);
            conditions = copy(conditions);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an offer field by field (demo data, tests, masking). */
    public static final class Builder {
        private String id;
        private String title;
        private String description;
        private String creationDate;
        private String updateDate;
        private Workplace workplace;
        private String romeCode;
        private String romeLabel;
        private String appellationLabel;
        private Company company;
        private String contractType;
        private String contractTypeLabel;
        private String contractNature;
        private String experienceRequirement;
        private String experienceLabel;
        private String experienceComment;
        private List<Training> trainings;
        private List<Language> languages;
        private List<Licence> licences;
        private List<String> officeTools;
        private List<Skill> skills;
        private Salary salary;
        private String workingHoursLabel;
        private String workingTimeKind;
        private String exerciseComplement;
        private String exerciseCondition;
        private Boolean workStudy;
        private Contact contact;
        private Agency agency;
        private Integer positions;
        private Boolean disabilityAccessible;
        private String travelCode;
        private String travelLabel;
        private String qualificationCode;
        private String qualificationLabel;
        private String nafCode;
        private String sector;
        private String sectorLabel;
        private List<ProfessionalQuality> professionalQualities;
        private String workforceBand;
        private Origin origin;
        private Boolean shortOfCandidates;
        private WorkContext workContext;
        private Boolean adaptedCompany;
        private Boolean disabilityCommittedEmployer;

        private Builder() {
        }

        private Builder(OfferContent o) {
            id = o.id; title = o.title; description = o.description; creationDate = o.creationDate;
            updateDate = o.updateDate; workplace = o.workplace; romeCode = o.romeCode; romeLabel = o.romeLabel;
            appellationLabel = o.appellationLabel; company = o.company; contractType = o.contractType;
            contractTypeLabel = o.contractTypeLabel; contractNature = o.contractNature;
            experienceRequirement = o.experienceRequirement; experienceLabel = o.experienceLabel;
            experienceComment = o.experienceComment; trainings = o.trainings; languages = o.languages;
            licences = o.licences; officeTools = o.officeTools; skills = o.skills; salary = o.salary;
            workingHoursLabel = o.workingHoursLabel; workingTimeKind = o.workingTimeKind;
            exerciseComplement = o.exerciseComplement; exerciseCondition = o.exerciseCondition;
            workStudy = o.workStudy; contact = o.contact; agency = o.agency; positions = o.positions;
            disabilityAccessible = o.disabilityAccessible; travelCode = o.travelCode; travelLabel = o.travelLabel;
            qualificationCode = o.qualificationCode; qualificationLabel = o.qualificationLabel; nafCode = o.nafCode;
            sector = o.sector; sectorLabel = o.sectorLabel; professionalQualities = o.professionalQualities;
            workforceBand = o.workforceBand; origin = o.origin; shortOfCandidates = o.shortOfCandidates;
            workContext = o.workContext; adaptedCompany = o.adaptedCompany;
            disabilityCommittedEmployer = o.disabilityCommittedEmployer;
        }

        public Builder id(String v) { id = v; return this; }
        public Builder title(String v) { title = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder creationDate(String v) { creationDate = v; return this; }
        public Builder updateDate(String v) { updateDate = v; return this; }
        public Builder workplace(Workplace v) { workplace = v; return this; }
        public Builder romeCode(String v) { romeCode = v; return this; }
        public Builder romeLabel(String v) { romeLabel = v; return this; }
        public Builder appellationLabel(String v) { appellationLabel = v; return this; }
        public Builder company(Company v) { company = v; return this; }
        public Builder contractType(String v) { contractType = v; return this; }
        public Builder contractTypeLabel(String v) { contractTypeLabel = v; return this; }
        public Builder contractNature(String v) { contractNature = v; return this; }
        public Builder experienceRequirement(String v) { experienceRequirement = v; return this; }
        public Builder experienceLabel(String v) { experienceLabel = v; return this; }
        public Builder experienceComment(String v) { experienceComment = v; return this; }
        public Builder trainings(List<Training> v) { trainings = v; return this; }
        public Builder languages(List<Language> v) { languages = v; return this; }
        public Builder licences(List<Licence> v) { licences = v; return this; }
        public Builder officeTools(List<String> v) { officeTools = v; return this; }
        public Builder skills(List<Skill> v) { skills = v; return this; }
        public Builder salary(Salary v) { salary = v; return this; }
        public Builder workingHoursLabel(String v) { workingHoursLabel = v; return this; }
        public Builder workingTimeKind(String v) { workingTimeKind = v; return this; }
        public Builder exerciseComplement(String v) { exerciseComplement = v; return this; }
        public Builder exerciseCondition(String v) { exerciseCondition = v; return this; }
        public Builder workStudy(Boolean v) { workStudy = v; return this; }
        public Builder contact(Contact v) { contact = v; return this; }
        public Builder agency(Agency v) { agency = v; return this; }
        public Builder positions(Integer v) { positions = v; return this; }
        public Builder disabilityAccessible(Boolean v) { disabilityAccessible = v; return this; }
        public Builder travel(String code, String label) { travelCode = code; travelLabel = label; return this; }
        public Builder qualification(String code, String label) {
            qualificationCode = code; qualificationLabel = label; return this;
        }
        public Builder naf(String code, String sectorCode, String label) {
            nafCode = code; sector = sectorCode; sectorLabel = label; return this;
        }
        public Builder professionalQualities(List<ProfessionalQuality> v) { professionalQualities = v; return this; }
        public Builder workforceBand(String v) { workforceBand = v; return this; }
        public Builder origin(Origin v) { origin = v; return this; }
        public Builder shortOfCandidates(Boolean v) { shortOfCandidates = v; return this; }
        public Builder workContext(WorkContext v) { workContext = v; return this; }
        public Builder adaptedCompany(Boolean v) { adaptedCompany = v; return this; }
        public Builder disabilityCommittedEmployer(Boolean v) { disabilityCommittedEmployer = v; return this; }

        public OfferContent build() {
            return new OfferContent(id, title, description, creationDate, updateDate, workplace, romeCode, romeLabel,
                    appellationLabel, company, contractType, contractTypeLabel, contractNature, experienceRequirement,
                    experienceLabel, experienceComment, trainings, languages, licences, officeTools, skills, salary,
                    workingHoursLabel, workingTimeKind, exerciseComplement, exerciseCondition, workStudy, contact,
                    agency, positions, disabilityAccessible, travelCode, travelLabel, qualificationCode,
                    qualificationLabel, nafCode, sector, sectorLabel, professionalQualities, workforceBand, origin,
                    shortOfCandidates, workContext, adaptedCompany, disabilityCommittedEmployer);
        }
    }
}
