package fr.opus.offers.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.opus.offers.api.EventOutcome;
import fr.opus.offers.api.OfferContent;
import fr.opus.offers.api.OfferEventType;
import fr.opus.offers.api.OfferPage;
import fr.opus.offers.api.OfferQuery;
import fr.opus.offers.api.PublishedOffer;
import fr.opus.offers.soap.FeedTypes.EventKind;
import fr.opus.offers.soap.FeedTypes.EventType;
import fr.opus.offers.soap.SoapTypes.RechercheType;
import fr.opus.offers.soap.SoapTypes.ResultatRechercheType;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.wsdl.Definition;
import javax.wsdl.Fault;
import javax.wsdl.Operation;
import javax.wsdl.PortType;
import javax.xml.XMLConstants;
import javax.xml.bind.JAXBContext;
import javax.xml.bind.JAXBElement;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The WSDL is part of the contract: these tests build it the way CXF serves it at {@code ?wsdl} and check the
 * operations, element names and the typed fault, and that what a partner sends and what Opus answers fit it.
 */
class SoapContractTest {

    private static final String NS = OfferPort.NAMESPACE;

    /** The body of a search as a partner's SOAP client writes it (also in the README). */
    static final String PARTNER_SEARCH = """
            <o:search xmlns:o="urn:opus:soap:v1:offers">
              <o:recherche>
                <o:motsCles>java</o:motsCles>
                <o:motsCles>spring boot</o:motsCles>
                <o:codeROME>M1805</o:codeROME>
                <o:commune>69123</o:commune>
                <o:distance>20</o:distance>
                <o:typeContrat>CDI</o:typeContrat>
                <o:typeContrat>CDD</o:typeContrat>
                <o:minCreationDate>2025-01-01T00:00:00Z</o:minCreationDate>
                <o:sort>1</o:sort>
                <o:first>0</o:first>
                <o:last>49</o:last>
              </o:recherche>
            </o:search>""";

    private Bus bus;

    @BeforeEach
    void createBus() {
        bus = BusFactory.newInstance().createBus();
    }

    @AfterEach
    void shutdownBus() {
        bus.shutdown(true);
    }

    private Definition definition(Class<?> endpoint) throws Exception {
        JaxWsServiceFactoryBean factory = new JaxWsServiceFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(endpoint);
        return new ServiceWSDLBuilder(bus, factory.create().getServiceInfos()).build();
    }

    private Document wsdl(Definition definition) throws Exception {
        StringWriter out = new StringWriter();
        bus.getExtension(WSDLManager.class).getWSDLFactory().newWSDLWriter().writeWSDL(definition, out);
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        return dbf.newDocumentBuilder().parse(new InputSource(new StringReader(out.toString())));
    }

    private static List<String> strings(Document doc, String xpath) throws Exception {
        XPath x = XPathFactory.newInstance().newXPath();
        NodeList nodes = (NodeList) x.evaluate(xpath, doc, XPathConstants.NODESET);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getNodeValue());
        }
        return values;
    }

    private static List<String> elements(Document wsdl, String complexType) throws Exception {
        return strings(wsdl, "//*[local-name()='complexType'][@name='" + complexType
                + "']/*[local-name()='sequence']/*[local-name()='element']/@name");
    }

    private static List<String> repeated(Document wsdl, String complexType) throws Exception {
        return strings(wsdl, "//*[local-name()='complexType'][@name='" + complexType
                + "']/*[local-name()='sequence']/*[local-name()='element'][@maxOccurs='unbounded']/@name");
    }

    /** The XML Schema of the offers namespace, as published in the WSDL. */
    private static Schema schema(Document wsdl) throws Exception {
        NodeList schemas = wsdl.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "schema");
        for (int i = 0; i < schemas.getLength(); i++) {
            Element schema = (Element) schemas.item(i);
            if (NS.equals(schema.getAttribute("targetNamespace"))) {
                return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new DOMSource(schema));
            }
        }
        throw new AssertionError("no schema for " + NS);
    }

    private static void assertOperationsThrowOpusFault(Definition definition, String portType, String... operations) {
        PortType type = definition.getPortType(new QName(NS, portType));
        List<String> names = new ArrayList<>();
        for (Object o : type.getOperations()) {
            Operation operation = (Operation) o;
            names.add(operation.getName());
            Fault fault = operation.getFault("OpusFault");
            assertTrue(fault != null, operation.getName() + " declares OpusFault");
            assertEquals(new QName("urn:opus:soap:v1", "OpusFault"),
                    ((javax.wsdl.Part) fault.getMessage().getParts().values().iterator().next()).getElementName());
        }
        assertEquals(List.of(operations), names.stream().sorted().toList());
    }

    @Test
    void offerServiceHasSearchAndGetWithFranceTravailNamesAndTheTypedFault() throws Exception {
        Definition definition = definition(OfferEndpoint.class);
        assertOperationsThrowOpusFault(definition, "OfferService", "get", "search");
        Document wsdl = wsdl(definition);

        assertEquals(List.of("motsCles", "codeROME", "appellation", "grandDomaine", "domaine", "theme",
                "secteurActivite", "codeNAF", "commune", "distance", "departement", "inclureLimitrophes", "region",
                "typeContrat", "natureContrat", "qualification", "experience", "experienceExigence", "tempsPlein",
                "dureeHebdo", "publieeDepuis", "minCreationDate", "maxCreationDate", "origineOffre",
                "accesTravailleurHandicape", "offresManqueCandidats", "entreprisesAdaptees", "employeursHandiEngages",
                "sort", "first", "last"), elements(wsdl, "Recherche"));
        assertEquals(List.of("motsCles", "codeROME", "secteurActivite", "codeNAF", "commune", "departement",
                "typeContrat", "natureContrat"), repeated(wsdl, "Recherche"));
        assertEquals(List.of("total", "first", "last", "resultats", "filtresPossibles"),
                elements(wsdl, "ResultatRecherche"));
        assertEquals(List.of("filtre", "agregation"), elements(wsdl, "FiltrePossible"));
        assertEquals(List.of("valeurPossible", "nbResultats"), elements(wsdl, "Agregation"));
        assertTrue(elements(wsdl, "Offre").containsAll(List.of("id", "intitule", "description", "dateCreation",
                "lieuTravail", "romeCode", "romeLibelle", "appellationlibelle", "entreprise", "typeContrat",
                "typeContratLibelle", "natureContrat", "experienceExige", "experienceLibelle", "salaire",
                "dureeTravailLibelle", "qualificationCode", "qualificationLibelle", "secteurActivite", "contact")));
        assertEquals(List.of("libelle", "latitude", "longitude", "codePostal", "commune"),
                elements(wsdl, "LieuTravail"));
        assertTrue(elements(wsdl, "Contact").containsAll(
                List.of("nom", "coordonnees1", "courriel", "telephone", "urlPostulation")));
        assertEquals(List.of("offre"), elements(wsdl, "getResponse"));
        assertEquals(List.of("id"), elements(wsdl, "get"));
    }

    @Test
    void offerFeedServiceHasPublishTakingEventsWithTheApisEventTypes() throws Exception {
        Definition definition = definition(OfferFeedEndpoint.class);
        assertOperationsThrowOpusFault(definition, "OfferFeedService", "publish");
        Document wsdl = wsdl(definition);

        assertEquals(List.of("event"), repeated(wsdl, "publish"));
        assertEquals(List.of("eventId", "type", "offerId", "version", "occurredAt", "offerJson"),
                elements(wsdl, "OfferEvent"));
        assertEquals(Arrays.stream(OfferEventType.values()).map(Enum::name).toList(), strings(wsdl,
                "//*[local-name()='simpleType'][@name='OfferEventType']//*[local-name()='enumeration']/@value"));
        assertEquals(Arrays.stream(EventOutcome.Result.values()).map(Enum::name).toList(), strings(wsdl,
                "//*[local-name()='simpleType'][@name='EventResult']//*[local-name()='enumeration']/@value"));
        assertEquals(List.of("accepted", "duplicates", "stale", "rejected", "outcome"),
                elements(wsdl, "FeedReceipt"));
        assertEquals(List.of("eventId", "index", "result", "code", "detail", "field"),
                elements(wsdl, "EventOutcome"));
    }

    @Test
    void aPartnersSearchIsValidAndReachesTheQuery() throws Exception {
        Document wsdl = wsdl(definition(OfferEndpoint.class));
        schema(wsdl).newValidator().validate(new StreamSource(new StringReader(PARTNER_SEARCH)));

        Source recherche = new DOMSource(DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(PARTNER_SEARCH))).getDocumentElement()
                .getElementsByTagNameNS(NS, "recherche").item(0));
        RechercheType criteria = JAXBContext.newInstance(RechercheType.class).createUnmarshaller()
                .unmarshal(recherche, RechercheType.class).getValue();
        OfferQuery query = OfferEndpoint.query(criteria);

        assertEquals(List.of("java", "spring boot"), query.keywords());
        assertEquals(List.of("M1805"), query.romeCodes());
        assertEquals(List.of("69123"), query.communes());
        assertEquals(20, query.distanceKm());
        assertEquals(List.of("CDI", "CDD"), query.contractTypes());
        assertEquals(OfferQuery.Sort.DATE, query.sort());
        assertEquals(50, query.pageSize());
    }

    @Test
    void aFeedBatchUnmarshalsWithItsEnumAndJsonString() throws Exception {
        String body = """
                <o:event xmlns:o="urn:opus:soap:v1:offers">
                  <o:eventId>e-1</o:eventId>
                  <o:type>CREATED</o:type>
                  <o:offerId>179PPHH</o:offerId>
                  <o:version>1</o:version>
                  <o:occurredAt>2025-12-23T16:01:23Z</o:occurredAt>
                  <o:offerJson>{"content": {"intitule": "Gestionnaire de stock &amp; inventaires"}}</o:offerJson>
                </o:event>""";
        EventType event = JAXBContext.newInstance(EventType.class).createUnmarshaller()
                .unmarshal(new StreamSource(new StringReader(body)), EventType.class).getValue();
        assertEquals(EventKind.CREATED, event.type);
        assertEquals(1L, event.version);
        assertEquals("Gestionnaire de stock & inventaires",
                OfferFeedEndpoint.offer(event.offerJson).content().title());
    }

    @Test
    void aSearchAnswerIsValidAgainstThePublishedSchema() throws Exception {
        Document wsdl = wsdl(definition(OfferEndpoint.class));
        ResultatRechercheType result = OfferMapping.page(new OfferPage(1, 0, 0,
                List.of(new PublishedOffer("179PPHH", OfferEndpointTest.example())), List.of()));
        OfferContent withLists = OfferContent.builder().id("201WLXK").title("Développeur")
                .skills(List.of(new OfferContent.Skill("1", "Coder", "E"))).officeTools(List.of("Tableur")).build();
        result.resultats.add(OfferMapping.offre(withLists));

        Document doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().newDocument();
        Element response = doc.createElementNS(NS, "o:searchResponse");
        doc.appendChild(response);
        JAXBContext.newInstance(ResultatRechercheType.class).createMarshaller().marshal(
                new JAXBElement<>(new QName(NS, "resultat"), ResultatRechercheType.class, result),
                new DOMResult(response));

        schema(wsdl).newValidator().validate(new DOMSource(doc));
        assertEquals("Gestionnaire de stock", doc.getElementsByTagNameNS(NS, "intitule").item(0).getTextContent());
        assertEquals(2, doc.getElementsByTagNameNS(NS, "resultats").getLength());
    }
}
