package fr.opus.preselection.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.contacts.api.RejectionReason;
import fr.opus.offers.api.PreselectionLevel;
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
import fr.opus.preselection.soap.SoapTypes.CandidatureType;
import fr.opus.preselection.soap.SoapTypes.ExigencesType;
import fr.opus.preselection.soap.SoapTypes.IndicateursType;
import fr.opus.preselection.soap.SoapTypes.PreselectionType;
import fr.opus.preselection.soap.SoapTypes.PropositionType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.wsdl.Fault;
import javax.wsdl.Operation;
import javax.wsdl.Part;
import javax.wsdl.PortType;
import javax.xml.namespace.QName;
import fr.opus.platform.soap.testing.WsdlContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * The WSDL is part of the contract: these tests build it the way CXF serves it at {@code /soap/preselection?wsdl}
 * and check the operations, their French element names, the enumerations and the typed fault, and that what a
 * partner or France Travail sends (the README's examples) and what Opus answers fit the published schema.
 */
class SoapContractTest {

    private static final String NS = PreselectionPort.NAMESPACE;
    private static final Instant AT = Instant.parse("2026-11-02T08:30:00Z");

    /** The body of a proposer as a partner's SOAP client writes it (also in the README). */
    static final String PROPOSE = """
            <p:proposer xmlns:p="urn:opus:soap:v1:preselection">
              <p:offre>201WLXK</p:offre>
              <p:proposition>
                <p:demandeurEmploi>5b1f3c9e-0d7a-4a55-9a51-2f4a3c1d9e01</p:demandeurEmploi>
                <p:interesse>true</p:interesse>
                <p:disponibleLe>2026-12-01</p:disponibleLe>
                <p:prerequis><p:libelle>Permis B</p:libelle><p:rempli>true</p:rempli></p:prerequis>
                <p:prerequis><p:libelle>Disponible le samedi</p:libelle><p:rempli>true</p:rempli></p:prerequis>
                <p:synthese>Huit ans de caisse en grande surface, à l'aise avec la clientèle et les outils d'encaissement.</p:synthese>
                <p:noteCritere><p:critere>Maîtrise du logiciel de caisse</p:critere><p:note>4</p:note></p:noteCritere>
                <p:noteCritere><p:critere>Relation client</p:critere><p:note>5</p:note></p:noteCritere>
                <p:commentaire>Disponible de suite</p:commentaire>
              </p:proposition>
            </p:proposer>""";

    static final String DEFINE = """
            <p:definirPreselection xmlns:p="urn:opus:soap:v1:preselection">
              <p:offre>201WLXK</p:offre>
              <p:exigences>
                <p:prerequis>Permis B</p:prerequis>
                <p:prerequis>Disponible le samedi</p:prerequis>
                <p:critere><p:nom>Maîtrise du logiciel de caisse</p:nom><p:poids>3</p:poids></p:critere>
                <p:critere><p:nom>Relation client</p:nom><p:poids>2</p:poids></p:critere>
                <p:candidatsSouhaites>4</p:candidatsSouhaites>
              </p:exigences>
            </p:definirPreselection>""";

    static final String REVIEW = """
            <p:examiner xmlns:p="urn:opus:soap:v1:preselection">
              <p:id>0f6d2c1a-9b8e-4d7c-a6b5-c4d3e2f1a0b9</p:id>
              <p:transmettre>false</p:transmettre>
              <p:note>Le permis B n'est pas encore obtenu : examen prévu en janvier.</p:note>
            </p:examiner>""";

    static final String FEEDBACK = """
            <p:retourEmployeur xmlns:p="urn:opus:soap:v1:preselection">
              <p:id>0f6d2c1a-9b8e-4d7c-a6b5-c4d3e2f1a0b9</p:id>
              <p:recu>true</p:recu>
              <p:recrute>false</p:recrute>
              <p:motif>EXPERIENCE_INSUFFICIENT</p:motif>
              <p:commentaire>Bon contact, manque d'expérience en caisse centrale.</p:commentaire>
            </p:retourEmployeur>""";

    static final String INDICATORS = """
            <p:indicateurs xmlns:p="urn:opus:soap:v1:preselection">
              <p:du>2026-10-01</p:du>
              <p:au>2026-12-31</p:au>
            </p:indicateurs>""";

    private static WsdlContract contract;

    @BeforeAll
    static void buildTheWsdl() throws Exception {
        contract = WsdlContract.of(PreselectionEndpoint.class, NS);
    }

    @AfterAll
    static void shutdownBus() {
        contract.close();
    }

    @Test
    void preselectionServiceHasTheFrenchOperationsEachThrowingTheTypedFault() {
        PortType type = contract.definition().getPortType(new QName(NS, "PreselectionService"));
        List<String> operations = new ArrayList<>();
        for (Object o : type.getOperations()) {
            Operation operation = (Operation) o;
            operations.add(operation.getName());
            Fault fault = operation.getFault("OpusFault");
            assertTrue(fault != null, operation.getName() + " declares OpusFault");
            assertEquals(new QName("urn:opus:soap:v1", "OpusFault"),
                    ((Part) fault.getMessage().getParts().values().iterator().next()).getElementName());
        }
        assertEquals(List.of("candidature", "candidatures", "definirPreselection", "examiner", "indicateurs",
                "preselection", "proposer", "retirer", "retourEmployeur"), operations.stream().sorted().toList());
        assertEquals(new QName(NS, "PreselectionService"), contract.definition().getQName());
    }

    @Test
    void requestsCarryTheElementsThePartnersSystemSends() throws Exception {
        assertEquals(List.of("offre"), contract.elements("preselection"));
        assertEquals(List.of("offre", "exigences"), contract.elements("definirPreselection"));
        assertEquals(List.of("offre", "proposition"), contract.elements("proposer"));
        assertEquals(List.of("offre"), contract.elements("candidatures"));
        assertEquals(List.of("id"), contract.elements("candidature"));
        assertEquals(List.of("id", "transmettre", "note"), contract.elements("examiner"));
        assertEquals(List.of("id", "recu", "recrute", "motif", "commentaire"), contract.elements("retourEmployeur"));
        assertEquals(List.of("id", "note"), contract.elements("retirer"));
        assertEquals(List.of("du", "au", "partenaire"), contract.elements("indicateurs"));
        assertEquals(List.of("prerequis", "critere", "outil", "candidatsSouhaites"), contract.elements("Exigences"));
        assertEquals(List.of("prerequis", "critere", "outil"), contract.repeated("Exigences"));
        assertEquals(List.of("nom", "poids"), contract.elements("Critere"));
        assertEquals(List.of("demandeurEmploi", "interesse", "disponibleLe", "prerequis", "synthese", "noteCritere",
                "evaluation", "commentaire"), contract.elements("Proposition"));
        assertEquals(List.of("demandeurEmploi", "interesse", "disponibleLe"), contract.required("Proposition"));
        assertEquals(List.of("prerequis", "noteCritere", "evaluation"), contract.repeated("Proposition"));
        assertEquals(List.of("libelle", "rempli"), contract.elements("Prerequis"));
        assertEquals(List.of("critere", "note"), contract.elements("NoteCritere"));
        assertEquals(List.of("outil", "le", "favorable", "commentaire"), contract.elements("Evaluation"));
        assertTrue(contract.typeOf("Proposition", "disponibleLe").endsWith(":date"), contract.typeOf("Proposition", "disponibleLe"));
        assertTrue(contract.typeOf("Evaluation", "le").endsWith(":date"), contract.typeOf("Evaluation", "le"));
    }

    @Test
    void answersCarryFrenchNamesAndRepeatedElements() throws Exception {
        assertEquals(List.of("preselection"), contract.elements("preselectionResponse"));
        assertEquals(List.of("preselection"), contract.elements("definirPreselectionResponse"));
        assertEquals(List.of("candidature"), contract.elements("proposerResponse"));
        assertEquals(List.of("candidature"), contract.repeated("candidaturesResponse"));
        assertEquals(List.of("candidature"), contract.elements("retourEmployeurResponse"));
        assertEquals(List.of("indicateurs"), contract.elements("indicateursResponse"));
        assertEquals(List.of("offre", "niveau", "definie", "prerequis", "critere", "outil", "candidatsSouhaites",
                "enAttenteExamen", "engagements", "modifiePar", "modifieLe"), contract.elements("Preselection"));
        assertEquals(List.of("prerequis", "critere", "outil"), contract.repeated("Preselection"));
        assertEquals(List.of("attendu", "transmis", "avecRetour", "enRetard", "tenus"), contract.elements("Engagements"));
        assertEquals(List.of("id", "offre", "acte", "demandeurEmploi", "partenaire", "conseiller", "niveau", "etat",
                "disponibleLe", "prerequis", "synthese", "noteCritere", "notePonderee", "evaluation", "commentaire",
                "examinePar", "noteExamen", "examineLe", "retourEmployeur", "creeLe", "modifieLe"),
                contract.elements("Candidature"));
        assertEquals(List.of("prerequis", "noteCritere", "evaluation"), contract.repeated("Candidature"));
        assertEquals(List.of("recu", "recrute", "motif", "commentaire", "saisiPar", "saisiLe"),
                contract.elements("RetourEmployeur"));
        assertEquals(List.of("du", "au", "partenaire", "offres", "offresSatisfaites", "partOffresSatisfaites",
                "delaiMoyenSatisfactionJours", "candidaturesProposees", "candidaturesTransmises", "candidatsRecrutes",
                "partEngagementsTenus"), contract.elements("Indicateurs"));
        assertTrue(contract.typeOf("Candidature", "creeLe").endsWith(":dateTime"), contract.typeOf("Candidature", "creeLe"));
        assertTrue(contract.typeOf("Indicateurs", "du").endsWith(":date"), contract.typeOf("Indicateurs", "du"));
        assertTrue(contract.typeOf("Candidature", "notePonderee").endsWith(":double"), contract.typeOf("Candidature", "notePonderee"));
    }

    @Test
    void enumerationsAreTheApisValues() throws Exception {
        assertEquals(WsdlContract.names(PreselectionLevel.values()), contract.enumeration("NiveauPreselection"));
        assertEquals(WsdlContract.names(CandidacyState.values()), contract.enumeration("EtatCandidature"));
        assertEquals(WsdlContract.names(AssessmentTool.values()), contract.enumeration("OutilEvaluation"));
        assertEquals(WsdlContract.names(RejectionReason.values()), contract.enumeration("MotifNonRetenue"));
    }

    @Test
    void theReadmesRequestsAreValid() throws Exception {
        for (String body : List.of(PROPOSE, DEFINE, REVIEW, FEEDBACK, INDICATORS)) {
            contract.valid(body);
        }
    }

    @Test
    void unknownValuesAndAProposalWithoutItsJobSeekerAreNotValid() {
        assertThrows(SAXException.class, () -> contract.valid(FEEDBACK.replace(">EXPERIENCE_INSUFFICIENT<", ">TROP_JEUNE<")));
        assertThrows(SAXException.class, () -> contract.valid(DEFINE.replace("<p:candidatsSouhaites>4",
                "<p:outil>TEST_PSY</p:outil><p:candidatsSouhaites>4")));
        assertThrows(SAXException.class, () -> contract.valid(PROPOSE.replaceAll(
                "<p:demandeurEmploi>[^<]*</p:demandeurEmploi>", "")));
    }

    @Test
    void theReadmesBodiesUnmarshalToTheDraftsTheServiceChecks() throws Exception {
        CandidacyDraft proposal = contract.unmarshal(PROPOSE, "proposition", PropositionType.class).draft();
        PreselectionDraft requirements = contract.unmarshal(DEFINE, "exigences", ExigencesType.class).draft();

        assertEquals(new CandidacyDraft("5b1f3c9e-0d7a-4a55-9a51-2f4a3c1d9e01", true, LocalDate.of(2026, 12, 1),
                Map.of("Permis B", true, "Disponible le samedi", true),
                "Huit ans de caisse en grande surface, à l'aise avec la clientèle et les outils d'encaissement.",
                Map.of("Maîtrise du logiciel de caisse", 4, "Relation client", 5), List.of(), "Disponible de suite"),
                proposal);
        assertEquals(new PreselectionDraft(List.of("Permis B", "Disponible le samedi"),
                List.of(new Criterion("Maîtrise du logiciel de caisse", 3), new Criterion("Relation client", 2)),
                List.of(), 4), requirements);
    }

    @Test
    void answersAreValidAgainstThePublishedSchema() throws Exception {
        OfferPreselection preselection = new OfferPreselection("201WLXK", PreselectionLevel.ASSESSMENT, true,
                List.of("Permis B"), List.of(new Criterion("Relation client", 2)),
                List.of(AssessmentTool.MRS, AssessmentTool.EMT), null, 1,
                new Commitments(List.of("Recevoir chaque candidat transmis"), 0, 0, 0, true), "agent.ft", AT);
        Document offer = contract.answer("preselection", "preselection", PreselectionType.class,
                PreselectionType.of(preselection));
        assertEquals(2, offer.getElementsByTagNameNS(NS, "outil").getLength());
        assertEquals(0, offer.getElementsByTagNameNS(NS, "candidatsSouhaites").getLength(),
                "an absent wish is an absent element");

        Candidacy candidacy = new Candidacy("cand-1", "201WLXK", "ref-1", "js-1", "partner-a", "lmartin",
                PreselectionLevel.ASSESSMENT, CandidacyState.NOT_RETAINED, LocalDate.of(2026, 12, 1),
                Map.of("Permis B", true), "Synthèse argumentée du conseiller, assez longue pour être acceptée ici.",
                Map.of("Relation client", 4), 4.0,
                List.of(new Assessment(AssessmentTool.MRS, LocalDate.of(2026, 10, 20), true, null),
                        new Assessment(AssessmentTool.EMT, LocalDate.of(2026, 10, 27), true, "Trois jours en magasin")),
                null, "agent.ft", "Profil solide", AT,
                new EmployerFeedback(true, false, RejectionReason.POSITION_FILLED, "Poste pourvu en interne",
                        "agent.ft", AT), AT, AT);
        Document one = contract.answer("candidature", "candidature", CandidatureType.class, CandidatureType.of(candidacy));
        assertEquals("POSITION_FILLED", one.getElementsByTagNameNS(NS, "motif").item(0).getTextContent());
        assertEquals(2, one.getElementsByTagNameNS(NS, "evaluation").getLength());
        assertEquals("NOT_RETAINED", one.getElementsByTagNameNS(NS, "etat").item(0).getTextContent());

        LocalDate from = LocalDate.of(2026, 10, 1);
        LocalDate to = LocalDate.of(2026, 12, 31);
        Document figures = contract.answer("indicateurs", "indicateurs", IndicateursType.class, IndicateursType.of(
                new PreselectionIndicators(from, to, null, 0, 0, null, null, 0, 0, 0, null)));
        assertEquals("2026-10-01", figures.getElementsByTagNameNS(NS, "du").item(0).getTextContent());
        assertEquals(0, figures.getElementsByTagNameNS(NS, "partOffresSatisfaites").getLength(),
                "a share without offers is absent, not zero");
    }
}
