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
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.wsdl.Definition;
import javax.wsdl.Fault;
import javax.wsdl.Operation;
import javax.wsdl.Part;
import javax.wsdl.PortType;
import javax.xml.XMLConstants;
import javax.xml.bind.JAXBContext;
import javax.xml.bind.JAXBElement;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxws.support.JaxWsServiceFactoryBean;
import org.apache.cxf.wsdl.WSDLManager;
import org.apache.cxf.wsdl11.ServiceWSDLBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
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

    private static Bus bus;
    private static Definition definition;
    private static Document wsdl;
    private static Schema schema;

    @BeforeAll
    static void buildTheWsdl() throws Exception {
        bus = BusFactory.newInstance().createBus();
        JaxWsServiceFactoryBean factory = new JaxWsServiceFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(ReferralEndpoint.class);
        definition = new ServiceWSDLBuilder(bus, factory.create().getServiceInfos()).build();
        StringWriter out = new StringWriter();
        bus.getExtension(WSDLManager.class).getWSDLFactory().newWSDLWriter().writeWSDL(definition, out);
        wsdl = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(out.toString())));
        schema = schema(wsdl);
    }

    @AfterAll
    static void shutdownBus() {
        bus.shutdown(true);
    }

    private static List<String> strings(String xpath) throws Exception {
        XPath x = XPathFactory.newInstance().newXPath();
        NodeList nodes = (NodeList) x.evaluate(xpath, wsdl, XPathConstants.NODESET);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getNodeValue());
        }
        return values;
    }

    private static List<String> elements(String complexType) throws Exception {
        return strings("//*[local-name()='complexType'][@name='" + complexType
                + "']/*[local-name()='sequence']/*[local-name()='element']/@name");
    }

    private static List<String> repeated(String complexType) throws Exception {
        return strings("//*[local-name()='complexType'][@name='" + complexType
                + "']/*[local-name()='sequence']/*[local-name()='element'][@maxOccurs='unbounded']/@name");
    }

    private static String typeOf(String complexType, String element) throws Exception {
        return strings("//*[local-name()='complexType'][@name='" + complexType + "']/*[local-name()='sequence']"
                + "/*[local-name()='element'][@name='" + element + "']/@type").get(0);
    }

    private static List<String> enumeration(String simpleType) throws Exception {
        return strings("//*[local-name()='simpleType'][@name='" + simpleType
                + "']//*[local-name()='enumeration']/@value");
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /** The XML Schema of the referrals namespace, as published in the WSDL. */
    private static Schema schema(Document wsdl) throws Exception {
        NodeList schemas = wsdl.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "schema");
        for (int i = 0; i < schemas.getLength(); i++) {
            Element s = (Element) schemas.item(i);
            if (NS.equals(s.getAttribute("targetNamespace"))) {
                return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new DOMSource(s));
            }
        }
        throw new AssertionError("no schema for " + NS);
    }

    private static void valid(String body) throws Exception {
        schema.newValidator().validate(new StreamSource(new StringReader(body)));
    }

    /** Opus's answer {@code value} as the response element {@code operation}Response holding {@code element}. */
    private static <T> Document answer(String operation, String element, Class<T> type, T value) throws Exception {
        Document doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().newDocument();
        Element response = doc.createElementNS(NS, "r:" + operation + "Response");
        doc.appendChild(response);
        JAXBContext.newInstance(type).createMarshaller().marshal(new JAXBElement<>(new QName(NS, element), type,
                value), new DOMResult(response));
        schema.newValidator().validate(new DOMSource(doc));
        return doc;
    }

    @Test
    void referralServiceHasTheFrenchOperationsEachThrowingTheTypedFault() {
        PortType type = definition.getPortType(new QName(NS, "ReferralService"));
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
        assertEquals(new QName(NS, "ReferralService"), definition.getQName());
    }

    @Test
    void requestsCarryTheElementsThePartnersSystemSends() throws Exception {
        assertEquals(List.of("texte", "limite"), elements("demandeursEmploi"));
        assertEquals(List.of("id"), elements("demandeurEmploi"));
        assertEquals(List.of("fiche"), elements("creerDemandeurEmploi"));
        assertEquals(List.of("id", "fiche"), elements("modifierDemandeurEmploi"));
        assertEquals(List.of("id"), elements("dossier"));
        assertEquals(List.of("offre", "demandeurEmploi", "type", "transmettre", "commentaire"),
                elements("creerActe"));
        assertEquals(List.of("id", "etat", "motif", "commentaire"), elements("faireAvancer"));
        assertEquals(List.of("id"), elements("acte"));
        assertEquals(List.of("offre"), elements("actesSurOffre"));
        assertEquals(List.of(), elements("motifs"));
        assertEquals(List.of("offre", "demandeurEmploi", "message", "cleIdempotence"), elements("presenter"));
        assertEquals(List.of("demandeurEmploi"), repeated("presenter"));
        assertEquals(List.of("id"), elements("presentation"));
        assertEquals(List.of("du", "au", "partenaire"), elements("indicateurs"));
        assertEquals(List.of("prenom", "nom", "identifiantFranceTravail", "courriel", "telephone", "adressePostale",
                "canal", "note"), elements("FicheDemandeurEmploi"));
    }

    @Test
    void answersCarryFrenchNamesAndRepeatedElements() throws Exception {
        assertEquals(List.of("demandeurEmploi"), repeated("demandeursEmploiResponse"));
        assertEquals(List.of("acte"), repeated("actesSurOffreResponse"));
        assertEquals(List.of("motif"), repeated("motifsResponse"));
        assertEquals(List.of("dossier"), elements("dossierResponse"));
        assertEquals(List.of("presentation"), elements("presenterResponse"));
        assertEquals(List.of("indicateurs"), elements("indicateursResponse"));
        assertEquals(List.of("id", "partenaire", "prenom", "nom", "identifiantFranceTravail", "courriel", "telephone",
                "adressePostale", "canal", "note", "creeLe", "creePar", "modifieLe"), elements("DemandeurEmploi"));
        assertEquals(List.of("demandeurEmploi", "acte"), elements("Dossier"));
        assertEquals(List.of("id", "type", "offre", "demandeurEmploi", "partenaire", "conseiller", "etat", "motif",
                "creeLe", "modifieLe", "evenement"), elements("Acte"));
        assertEquals(List.of("evenement"), repeated("Acte"));
        assertEquals(List.of("le", "par", "de", "vers", "motif", "commentaire"), elements("EvenementActe"));
        assertEquals(List.of("code", "libelle", "communicable"), elements("Motif"));
        assertEquals(List.of("id", "offre", "partenaire", "conseiller", "creeLe", "destinataire",
                "courrierEmployeur", "candidat"), elements("Presentation"));
        assertEquals(List.of("candidat"), repeated("Presentation"));
        assertEquals(List.of("demandeurEmploi", "acte", "prenom", "nom", "canal", "avis"), elements("Candidat"));
        assertEquals(List.of("statut", "tentatives", "envoyeLe", "erreur"), elements("Envoi"));
        assertEquals(List.of("du", "au", "partenaire", "activite", "tripartite"), elements("Indicateurs"));
        assertEquals(List.of("partenaire", "du", "au", "misesEnContact", "misesEnRelation", "convocations",
                "presentations", "recrutes", "nonRetenus", "sansReponse", "enCours"), elements("Activite"));
        assertEquals(List.of("partenaire", "du", "au", "offres", "offresContactDirect", "offresPreselection",
                "offresPreselectionSatisfaites", "partContactDirect", "partPreselectionSatisfaites",
                "delaiMoyenSatisfactionJours"), elements("Tripartite"));
        assertTrue(typeOf("Activite", "du").endsWith(":date"), typeOf("Activite", "du"));
        assertTrue(typeOf("Acte", "creeLe").endsWith(":dateTime"), typeOf("Acte", "creeLe"));
    }

    @Test
    void enumerationsAreTheApisValues() throws Exception {
        assertEquals(names(Channel.values()), enumeration("Canal"));
        assertEquals(names(ReferralKind.values()), enumeration("TypeActe"));
        assertEquals(names(ReferralState.values()), enumeration("EtatActe"));
        assertEquals(names(RejectionReason.values()), enumeration("MotifNonRetenue"));
        assertEquals(names(Presentation.Delivery.Status.values()), enumeration("StatutEnvoi"));
    }

    @Test
    void theReadmesRequestsAreValid() throws Exception {
        for (String body : List.of(CREATE_ACT, CREATE_JOB_SEEKER, MOVE, PRESENT, INDICATORS)) {
            valid(body);
        }
    }

    @Test
    void anActOfAnUnknownKindIsNotValid() {
        assertThrows(SAXException.class, () -> valid(CREATE_ACT.replace(">CONTACT<", ">MISE_EN_CONTACT<")));
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
        Document act = answer("acte", "acte", ActeType.class, ActeType.of(referral));
        assertEquals(2, act.getElementsByTagNameNS(NS, "evenement").getLength());
        assertEquals("MOBILITY", act.getElementsByTagNameNS(NS, "motif").item(0).getTextContent());

        Presentation presentation = new Presentation("pres-1", "201WLXK", "partner-a", "c-1", AT, "france-travail",
                new Presentation.Delivery(Presentation.Delivery.Status.PENDING, 0, null, null),
                List.of(new Presentation.Candidate("js-1", "ref-1", "Camille", "Dupont", Channel.EMAIL,
                        new Presentation.Delivery(Presentation.Delivery.Status.SENT, 1, AT, null))));
        Document presented = answer("presentation", "presentation", PresentationType.class,
                PresentationType.of(presentation));
        assertEquals("PENDING", presented.getElementsByTagNameNS(NS, "statut").item(0).getTextContent());

        LocalDate from = LocalDate.of(2026, 10, 1);
        LocalDate to = LocalDate.of(2026, 12, 31);
        Document figures = answer("indicateurs", "indicateurs", IndicateursType.class, IndicateursType.of(from, to,
                null, List.of(new PlacementActivity("partner-a", from, to, 1, 2, 3, 4, 5, 6, 7, 8)),
                new TripartiteIndicators(null, from, to, 0, 0, 0, 0, null)));
        assertEquals("2026-10-01", figures.getElementsByTagNameNS(NS, "du").item(0).getTextContent());
        assertEquals(0, figures.getElementsByTagNameNS(NS, "partContactDirect").getLength(),
                "a share without offers is absent, not zero");
    }
}
