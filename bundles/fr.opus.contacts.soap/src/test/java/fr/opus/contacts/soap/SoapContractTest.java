package fr.opus.contacts.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.contacts.api.Channel;
import fr.opus.contacts.api.JobSeekerDraft;
import fr.opus.contacts.api.PlacementActivity;
import fr.opus.contacts.api.Presentation;
import fr.opus.contacts.api.Referral;
import fr.opus.contacts.api.ReferralEvent;
import fr.opus.contacts.api.ReferralKind;
import fr.opus.contacts.api.ReferralState;
import fr.opus.contacts.api.RejectionReason;
import fr.opus.contacts.api.TripartiteIndicators;
import fr.opus.contacts.soap.SoapTypes.ActeType;
import fr.opus.contacts.soap.SoapTypes.FicheDemandeurEmploiType;
import fr.opus.contacts.soap.SoapTypes.IndicateursType;
import fr.opus.contacts.soap.SoapTypes.PresentationType;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.wsdl.Fault;
import javax.wsdl.Operation;
import javax.wsdl.Part;
import javax.wsdl.PortType;
import javax.xml.bind.JAXBContext;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import fr.opus.platform.soap.testing.WsdlContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The WSDL is part of the contract: these tests build it the way CXF serves it at {@code /soap/referrals?wsdl} and
 * check the operations, their French element names, the enumerations and the typed fault, and that what a partner
 * sends (the README's examples) and what Opus answers fit the published schema.
 */
class SoapContractTest {

    private static final String NS = ReferralPort.NAMESPACE;
    private static final Instant AT = Instant.parse("2026-11-02T08:30:00Z");

    /** The body of a creerActe as a partner's SOAP client writes it (also in the README). */
    static final String CREATE_ACT = """
            <r:creerActe xmlns:r="urn:opus:soap:v1:referrals">
              <r:offre>201WLXK</r:offre>
              <r:demandeurEmploi>5b1f3c9e-0d7a-4a55-9a51-2f4a3c1d9e01</r:demandeurEmploi>
              <r:type>CONTACT</r:type>
              <r:transmettre>true</r:transmettre>
              <r:commentaire>Profil adapté, disponible de suite</r:commentaire>
            </r:creerActe>""";

    static final String CREATE_JOB_SEEKER = """
            <r:creerDemandeurEmploi xmlns:r="urn:opus:soap:v1:referrals">
              <r:fiche>
                <r:prenom>Camille</r:prenom>
                <r:nom>Dupont</r:nom>
                <r:identifiantFranceTravail>1234567A</r:identifiantFranceTravail>
                <r:telephone>06 12 34 56 78</r:telephone>
                <r:canal>SMS</r:canal>
              </r:fiche>
            </r:creerDemandeurEmploi>""";

    static final String MOVE = """
            <r:faireAvancer xmlns:r="urn:opus:soap:v1:referrals">
              <r:id>7d0c2b8a-51e4-4f0e-8f7e-3b2a1c0d9e8f</r:id>
              <r:etat>NOT_RETAINED</r:etat>
              <r:motif>EXPERIENCE_INSUFFICIENT</r:motif>
              <r:commentaire>Retour de l'employeur par téléphone</r:commentaire>
            </r:faireAvancer>""";

    static final String PRESENT = """
            <r:presenter xmlns:r="urn:opus:soap:v1:referrals">
              <r:offre>201WLXK</r:offre>
              <r:demandeurEmploi>5b1f3c9e-0d7a-4a55-9a51-2f4a3c1d9e01</r:demandeurEmploi>
              <r:demandeurEmploi>c2e4a6b8-1d3f-4a5b-8c7d-9e0f1a2b3c4d</r:demandeurEmploi>
              <r:message>Deux candidats disponibles dès lundi.</r:message>
              <r:cleIdempotence>si-partenaire-2026-11-02-0001</r:cleIdempotence>
            </r:presenter>""";

    static final String INDICATORS = """
            <r:indicateurs xmlns:r="urn:opus:soap:v1:referrals">
              <r:du>2026-10-01</r:du>
              <r:au>2026-12-31</r:au>
            </r:indicateurs>""";

    private static WsdlContract contract;

    @BeforeAll
    static void buildTheWsdl() throws Exception {
        contract = WsdlContract.of(ReferralEndpoint.class, NS);
    }

    @AfterAll
    static void shutdownBus() {
        contract.close();
    }

    @Test
    void referralServiceHasTheFrenchOperationsEachThrowingTheTypedFault() {
        PortType type = contract.definition().getPortType(new QName(NS, "ReferralService"));
        List<String> operations = new ArrayList<>();
        for (Object o : type.getOperations()) {
            Operation operation = (Operation) o;
            operations.add(operation.getName());
            Fault fault = operation.getFault("OpusFault");
            assertTrue(fault != null, operation.getName() + " declares OpusFault");
            assertEquals(new QName("urn:opus:soap:v1", "OpusFault"),
                    ((Part) fault.getMessage().getParts().values().iterator().next()).getElementName());
        }
        assertEquals(List.of("acte", "actesSurOffre", "creerActe", "creerDemandeurEmploi", "demandeurEmploi",
                "demandeursEmploi", "dossier", "faireAvancer", "indicateurs", "modifierDemandeurEmploi", "motifs",
                "presentation", "presenter"), operations.stream().sorted().toList());
        assertEquals(new QName(NS, "ReferralService"), contract.definition().getQName());
    }

    @Test
    void requestsCarryTheElementsThePartnersSystemSends() throws Exception {
        assertEquals(List.of("texte", "limite"), contract.elements("demandeursEmploi"));
        assertEquals(List.of("id"), contract.elements("demandeurEmploi"));
        assertEquals(List.of("fiche"), contract.elements("creerDemandeurEmploi"));
        assertEquals(List.of("id", "fiche"), contract.elements("modifierDemandeurEmploi"));
        assertEquals(List.of("id"), contract.elements("dossier"));
        assertEquals(List.of("offre", "demandeurEmploi", "type", "transmettre", "commentaire"),
                contract.elements("creerActe"));
        assertEquals(List.of("id", "etat", "motif", "commentaire"), contract.elements("faireAvancer"));
        assertEquals(List.of("id"), contract.elements("acte"));
        assertEquals(List.of("offre"), contract.elements("actesSurOffre"));
        assertEquals(List.of(), contract.elements("motifs"));
        assertEquals(List.of("offre", "demandeurEmploi", "message", "cleIdempotence"), contract.elements("presenter"));
        assertEquals(List.of("demandeurEmploi"), contract.repeated("presenter"));
        assertEquals(List.of("id"), contract.elements("presentation"));
        assertEquals(List.of("du", "au", "partenaire"), contract.elements("indicateurs"));
        assertEquals(List.of("prenom", "nom", "identifiantFranceTravail", "courriel", "telephone", "adressePostale",
                "canal", "note"), contract.elements("FicheDemandeurEmploi"));
    }

    @Test
    void answersCarryFrenchNamesAndRepeatedElements() throws Exception {
        assertEquals(List.of("demandeurEmploi"), contract.repeated("demandeursEmploiResponse"));
        assertEquals(List.of("acte"), contract.repeated("actesSurOffreResponse"));
        assertEquals(List.of("motif"), contract.repeated("motifsResponse"));
        assertEquals(List.of("dossier"), contract.elements("dossierResponse"));
        assertEquals(List.of("presentation"), contract.elements("presenterResponse"));
        assertEquals(List.of("indicateurs"), contract.elements("indicateursResponse"));
        assertEquals(List.of("id", "partenaire", "prenom", "nom", "identifiantFranceTravail", "courriel", "telephone",
                "adressePostale", "canal", "note", "creeLe", "creePar", "modifieLe"), contract.elements("DemandeurEmploi"));
        assertEquals(List.of("demandeurEmploi", "acte"), contract.elements("Dossier"));
        assertEquals(List.of("id", "type", "offre", "demandeurEmploi", "partenaire", "conseiller", "etat", "motif",
                "creeLe", "modifieLe", "evenement"), contract.elements("Acte"));
        assertEquals(List.of("evenement"), contract.repeated("Acte"));
        assertEquals(List.of("le", "par", "de", "vers", "motif", "commentaire"), contract.elements("EvenementActe"));
        assertEquals(List.of("code", "libelle", "communicable"), contract.elements("Motif"));
        assertEquals(List.of("id", "offre", "partenaire", "conseiller", "creeLe", "destinataire",
                "courrierEmployeur", "candidat"), contract.elements("Presentation"));
        assertEquals(List.of("candidat"), contract.repeated("Presentation"));
        assertEquals(List.of("demandeurEmploi", "acte", "prenom", "nom", "canal", "avis"), contract.elements("Candidat"));
        assertEquals(List.of("statut", "tentatives", "envoyeLe", "erreur"), contract.elements("Envoi"));
        assertEquals(List.of("du", "au", "partenaire", "activite", "tripartite"), contract.elements("Indicateurs"));
        assertEquals(List.of("partenaire", "du", "au", "misesEnContact", "misesEnRelation", "convocations",
                "presentations", "recrutes", "nonRetenus", "sansReponse", "enCours"), contract.elements("Activite"));
        assertEquals(List.of("partenaire", "du", "au", "offres", "offresContactDirect", "offresPreselection",
                "offresPreselectionSatisfaites", "partContactDirect", "partPreselectionSatisfaites",
                "delaiMoyenSatisfactionJours"), contract.elements("Tripartite"));
        assertTrue(contract.typeOf("Activite", "du").endsWith(":date"), contract.typeOf("Activite", "du"));
        assertTrue(contract.typeOf("Acte", "creeLe").endsWith(":dateTime"), contract.typeOf("Acte", "creeLe"));
    }

    @Test
    void enumerationsAreTheApisValues() throws Exception {
        assertEquals(WsdlContract.names(Channel.values()), contract.enumeration("Canal"));
        assertEquals(WsdlContract.names(ReferralKind.values()), contract.enumeration("TypeActe"));
        assertEquals(WsdlContract.names(ReferralState.values()), contract.enumeration("EtatActe"));
        assertEquals(WsdlContract.names(RejectionReason.values()), contract.enumeration("MotifNonRetenue"));
        assertEquals(WsdlContract.names(Presentation.Delivery.Status.values()), contract.enumeration("StatutEnvoi"));
    }

    @Test
    void theReadmesRequestsAreValid() throws Exception {
        for (String body : List.of(CREATE_ACT, CREATE_JOB_SEEKER, MOVE, PRESENT, INDICATORS)) {
            contract.valid(body);
        }
    }

    @Test
    void anActOfAnUnknownKindIsNotValid() {
        assertThrows(SAXException.class, () -> contract.valid(CREATE_ACT.replace(">CONTACT<", ">MISE_EN_CONTACT<")));
    }

    @Test
    void aFicheUnmarshalsToTheDraftTheServiceChecks() throws Exception {
        Element fiche = (Element) DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(CREATE_JOB_SEEKER))).getDocumentElement()
                .getElementsByTagNameNS(NS, "fiche").item(0);
        FicheDemandeurEmploiType entry = JAXBContext.newInstance(FicheDemandeurEmploiType.class).createUnmarshaller()
                .unmarshal(new DOMSource(fiche), FicheDemandeurEmploiType.class).getValue();

        assertEquals(new JobSeekerDraft("Camille", "Dupont", "1234567A", null, "06 12 34 56 78", null, Channel.SMS,
                null), entry.draft());
    }

    @Test
    void answersAreValidAgainstThePublishedSchema() throws Exception {
        Referral referral = new Referral("ref-1", ReferralKind.RELATION, "201WLXK", "js-1", "partner-a", "c-1",
                ReferralState.NOT_RETAINED, RejectionReason.MOBILITY, AT, AT, List.of(
                        new ReferralEvent(AT, "lmartin", null, ReferralState.SENT, null, "Profil adapté"),
                        new ReferralEvent(AT, "lmartin", ReferralState.SENT, ReferralState.NOT_RETAINED,
                                RejectionReason.MOBILITY, null)));
        Document act = contract.answer("acte", "acte", ActeType.class, ActeType.of(referral));
        assertEquals(2, act.getElementsByTagNameNS(NS, "evenement").getLength());
        assertEquals("MOBILITY", act.getElementsByTagNameNS(NS, "motif").item(0).getTextContent());

        Presentation presentation = new Presentation("pres-1", "201WLXK", "partner-a", "c-1", AT, "france-travail",
                new Presentation.Delivery(Presentation.Delivery.Status.PENDING, 0, null, null),
                List.of(new Presentation.Candidate("js-1", "ref-1", "Camille", "Dupont", Channel.EMAIL,
                        new Presentation.Delivery(Presentation.Delivery.Status.SENT, 1, AT, null))));
        Document presented = contract.answer("presentation", "presentation", PresentationType.class,
                PresentationType.of(presentation));
        assertEquals("PENDING", presented.getElementsByTagNameNS(NS, "statut").item(0).getTextContent());

        LocalDate from = LocalDate.of(2026, 10, 1);
        LocalDate to = LocalDate.of(2026, 12, 31);
        Document figures = contract.answer("indicateurs", "indicateurs", IndicateursType.class, IndicateursType.of(from, to,
                null, List.of(new PlacementActivity("partner-a", from, to, 1, 2, 3, 4, 5, 6, 7, 8)),
                new TripartiteIndicators(null, from, to, 0, 0, 0, 0, null)));
        assertEquals("2026-10-01", figures.getElementsByTagNameNS(NS, "du").item(0).getTextContent());
        assertEquals(0, figures.getElementsByTagNameNS(NS, "partContactDirect").getLength(),
                "a share without offers is absent, not zero");
    }
}
