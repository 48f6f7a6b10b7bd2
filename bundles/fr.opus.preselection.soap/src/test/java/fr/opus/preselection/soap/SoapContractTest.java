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
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

    private static Bus bus;
    private static Definition definition;
    private static Document wsdl;
    private static Schema schema;

    @BeforeAll
    static void buildTheWsdl() throws Exception {
        bus = BusFactory.newInstance().createBus();
        JaxWsServiceFactoryBean factory = new JaxWsServiceFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(PreselectionEndpoint.class);
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

    private static List<String> required(String complexType) throws Exception {
        return strings("//*[local-name()='complexType'][@name='" + complexType
                + "']/*[local-name()='sequence']/*[local-name()='element'][not(@minOccurs='0')]/@name");
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

    /** The XML Schema of the preselection namespace, as published in the WSDL. */
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
        Element response = doc.createElementNS(NS, "p:" + operation + "Response");
        doc.appendChild(response);
        JAXBContext.newInstance(type).createMarshaller().marshal(new JAXBElement<>(new QName(NS, element), type,
                value), new DOMResult(response));
        schema.newValidator().validate(new DOMSource(doc));
        return doc;
    }

    /** The child {@code name} of the README body's root, unmarshalled as {@code type}. */
    private static <T> T unmarshal(String body, String name, Class<T> type) throws Exception {
        Element child = (Element) DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(body))).getDocumentElement()
                .getElementsByTagNameNS(NS, name).item(0);
        return JAXBContext.newInstance(type).createUnmarshaller().unmarshal(new DOMSource(child), type).getValue();
    }

    @Test
    void preselectionServiceHasTheFrenchOperationsEachThrowingTheTypedFault() {
        PortType type = definition.getPortType(new QName(NS, "PreselectionService"));
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
        assertEquals(new QName(NS, "PreselectionService"), definition.getQName());
    }

    @Test
    void requestsCarryTheElementsThePartnersSystemSends() throws Exception {
        assertEquals(List.of("offre"), elements("preselection"));
        assertEquals(List.of("offre", "exigences"), elements("definirPreselection"));
        assertEquals(List.of("offre", "proposition"), elements("proposer"));
        assertEquals(List.of("offre"), elements("candidatures"));
        assertEquals(List.of("id"), elements("candidature"));
        assertEquals(List.of("id", "transmettre", "note"), elements("examiner"));
        assertEquals(List.of("id", "recu", "recrute", "motif", "commentaire"), elements("retourEmployeur"));
        assertEquals(List.of("id", "note"), elements("retirer"));
        assertEquals(List.of("du", "au", "partenaire"), elements("indicateurs"));
        assertEquals(List.of("prerequis", "critere", "outil", "candidatsSouhaites"), elements("Exigences"));
        assertEquals(List.of("prerequis", "critere", "outil"), repeated("Exigences"));
        assertEquals(List.of("nom", "poids"), elements("Critere"));
        assertEquals(List.of("demandeurEmploi", "interesse", "disponibleLe", "prerequis", "synthese", "noteCritere",
                "evaluation", "commentaire"), elements("Proposition"));
        assertEquals(List.of("demandeurEmploi", "interesse", "disponibleLe"), required("Proposition"));
        assertEquals(List.of("prerequis", "noteCritere", "evaluation"), repeated("Proposition"));
        assertEquals(List.of("libelle", "rempli"), elements("Prerequis"));
        assertEquals(List.of("critere", "note"), elements("NoteCritere"));
        assertEquals(List.of("outil", "le", "favorable", "commentaire"), elements("Evaluation"));
        assertTrue(typeOf("Proposition", "disponibleLe").endsWith(":date"), typeOf("Proposition", "disponibleLe"));
        assertTrue(typeOf("Evaluation", "le").endsWith(":date"), typeOf("Evaluation", "le"));
    }

    @Test
    void answersCarryFrenchNamesAndRepeatedElements() throws Exception {
        assertEquals(List.of("preselection"), elements("preselectionResponse"));
        assertEquals(List.of("preselection"), elements("definirPreselectionResponse"));
        assertEquals(List.of("candidature"), elements("proposerResponse"));
        assertEquals(List.of("candidature"), repeated("candidaturesResponse"));
        assertEquals(List.of("candidature"), elements("retourEmployeurResponse"));
        assertEquals(List.of("indicateurs"), elements("indicateursResponse"));
        assertEquals(List.of("offre", "niveau", "definie", "prerequis", "critere", "outil", "candidatsSouhaites",
                "enAttenteExamen", "engagements", "modifiePar", "modifieLe"), elements("Preselection"));
        assertEquals(List.of("prerequis", "critere", "outil"), repeated("Preselection"));
        assertEquals(List.of("attendu", "transmis", "avecRetour", "enRetard", "tenus"), elements("Engagements"));
        assertEquals(List.of("id", "offre", "acte", "demandeurEmploi", "partenaire", "conseiller", "niveau", "etat",
                "disponibleLe", "prerequis", "synthese", "noteCritere", "notePonderee", "evaluation", "commentaire",
                "examinePar", "noteExamen", "examineLe", "retourEmployeur", "creeLe", "modifieLe"),
                elements("Candidature"));
        assertEquals(List.of("prerequis", "noteCritere", "evaluation"), repeated("Candidature"));
        assertEquals(List.of("recu", "recrute", "motif", "commentaire", "saisiPar", "saisiLe"),
                elements("RetourEmployeur"));
        assertEquals(List.of("du", "au", "partenaire", "offres", "offresSatisfaites", "partOffresSatisfaites",
                "delaiMoyenSatisfactionJours", "candidaturesProposees", "candidaturesTransmises", "candidatsRecrutes",
                "partEngagementsTenus"), elements("Indicateurs"));
        assertTrue(typeOf("Candidature", "creeLe").endsWith(":dateTime"), typeOf("Candidature", "creeLe"));
        assertTrue(typeOf("Indicateurs", "du").endsWith(":date"), typeOf("Indicateurs", "du"));
        assertTrue(typeOf("Candidature", "notePonderee").endsWith(":double"), typeOf("Candidature", "notePonderee"));
    }

    @Test
    void enumerationsAreTheApisValues() throws Exception {
        assertEquals(names(PreselectionLevel.values()), enumeration("NiveauPreselection"));
        assertEquals(names(CandidacyState.values()), enumeration("EtatCandidature"));
        assertEquals(names(AssessmentTool.values()), enumeration("OutilEvaluation"));
        assertEquals(names(RejectionReason.values()), enumeration("MotifNonRetenue"));
    }

    @Test
    void theReadmesRequestsAreValid() throws Exception {
        for (String body : List.of(PROPOSE, DEFINE, REVIEW, FEEDBACK, INDICATORS)) {
            valid(body);
        }
    }

    @Test
    void unknownValuesAndAProposalWithoutItsJobSeekerAreNotValid() {
        assertThrows(SAXException.class, () -> valid(FEEDBACK.replace(">EXPERIENCE_INSUFFICIENT<", ">TROP_JEUNE<")));
        assertThrows(SAXException.class, () -> valid(DEFINE.replace("<p:candidatsSouhaites>4",
                "<p:outil>TEST_PSY</p:outil><p:candidatsSouhaites>4")));
        assertThrows(SAXException.class, () -> valid(PROPOSE.replaceAll(
                "<p:demandeurEmploi>[^<]*</p:demandeurEmploi>", "")));
    }

    @Test
    void theReadmesBodiesUnmarshalToTheDraftsTheServiceChecks() throws Exception {
        CandidacyDraft proposal = unmarshal(PROPOSE, "proposition", PropositionType.class).draft();
        PreselectionDraft requirements = unmarshal(DEFINE, "exigences", ExigencesType.class).draft();

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
        Document offer = answer("preselection", "preselection", PreselectionType.class,
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
        Document one = answer("candidature", "candidature", CandidatureType.class, CandidatureType.of(candidacy));
        assertEquals("POSITION_FILLED", one.getElementsByTagNameNS(NS, "motif").item(0).getTextContent());
        assertEquals(2, one.getElementsByTagNameNS(NS, "evaluation").getLength());
        assertEquals("NOT_RETAINED", one.getElementsByTagNameNS(NS, "etat").item(0).getTextContent());

        LocalDate from = LocalDate.of(2026, 10, 1);
        LocalDate to = LocalDate.of(2026, 12, 31);
        Document figures = answer("indicateurs", "indicateurs", IndicateursType.class, IndicateursType.of(
                new PreselectionIndicators(from, to, null, 0, 0, null, null, 0, 0, 0, null)));
        assertEquals("2026-10-01", figures.getElementsByTagNameNS(NS, "du").item(0).getTextContent());
        assertEquals(0, figures.getElementsByTagNameNS(NS, "partOffresSatisfaites").getLength(),
                "a share without offers is absent, not zero");
    }
}
