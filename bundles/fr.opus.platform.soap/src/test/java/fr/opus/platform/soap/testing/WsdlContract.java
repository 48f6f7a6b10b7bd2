package fr.opus.platform.soap.testing;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.wsdl.Definition;
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
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxws.support.JaxWsServiceFactoryBean;
import org.apache.cxf.wsdl.WSDLManager;
import org.apache.cxf.wsdl11.ServiceWSDLBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The WSDL of an Opus SOAP endpoint built the way CXF serves it at {@code /soap/<name>?wsdl}, with what the SOAP
 * adapters' contract tests ask of it: the operations, each type's elements, the enumerations, and validation of
 * requests and answers against the published schema. Shared through this bundle's test-jar; close it after use.
 */
public final class WsdlContract implements AutoCloseable {

    private final Bus bus;
    private final String namespace;
    private final Definition definition;
    private final Document wsdl;
    private final Schema schema;

    private WsdlContract(Class<?> endpoint, String namespace) throws Exception {
        this.namespace = namespace;
        this.bus = BusFactory.newInstance().createBus();
        JaxWsServiceFactoryBean factory = new JaxWsServiceFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(endpoint);
        this.definition = new ServiceWSDLBuilder(bus, factory.create().getServiceInfos()).build();
        StringWriter out = new StringWriter();
        bus.getExtension(WSDLManager.class).getWSDLFactory().newWSDLWriter().writeWSDL(definition, out);
        this.wsdl = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(out.toString())));
        this.schema = schema();
    }

    /** The WSDL of the JAX-WS {@code endpoint} class, whose types live in {@code namespace}. */
    public static WsdlContract of(Class<?> endpoint, String namespace) throws Exception {
        return new WsdlContract(endpoint, namespace);
    }

    public Definition definition() {
        return definition;
    }

    /** The attribute values an XPath over the WSDL selects. */
    public List<String> strings(String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, wsdl,
                XPathConstants.NODESET);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getNodeValue());
        }
        return values;
    }

    /** The elements of a complex type, in order. */
    public List<String> elements(String complexType) throws Exception {
        return strings(sequence(complexType) + "/@name");
    }

    /** Those a complex type may repeat. */
    public List<String> repeated(String complexType) throws Exception {
        return strings(sequence(complexType) + "[@maxOccurs='unbounded']/@name");
    }

    /** Those a complex type requires. */
    public List<String> required(String complexType) throws Exception {
        return strings(sequence(complexType) + "[not(@minOccurs='0')]/@name");
    }

    public String typeOf(String complexType, String element) throws Exception {
        return strings(sequence(complexType) + "[@name='" + element + "']/@type").get(0);
    }

    public List<String> enumeration(String simpleType) throws Exception {
        return strings("//*[local-name()='simpleType'][@name='" + simpleType
                + "']//*[local-name()='enumeration']/@value");
    }

    public static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /** Validates a request body (the operation element) against the published schema. */
    public void valid(String body) throws Exception {
        schema.newValidator().validate(new StreamSource(new StringReader(body)));
    }

    /** Opus's answer {@code value} as the response element {@code operation}Response holding {@code element}. */
    public <T> Document answer(String operation, String element, Class<T> type, T value) throws Exception {
        Document doc = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().newDocument();
        Element response = doc.createElementNS(namespace, "s:" + operation + "Response");
        doc.appendChild(response);
        JAXBContext.newInstance(type).createMarshaller().marshal(new JAXBElement<>(new QName(namespace, element),
                type, value), new DOMResult(response));
        schema.newValidator().validate(new DOMSource(doc));
        return doc;
    }

    /** The child {@code name} of a request body's root, unmarshalled as {@code type} (what the endpoint receives). */
    public <T> T unmarshal(String body, String name, Class<T> type) throws Exception {
        Element child = (Element) DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader(body))).getDocumentElement()
                .getElementsByTagNameNS(namespace, name).item(0);
        return JAXBContext.newInstance(type).createUnmarshaller().unmarshal(new DOMSource(child), type).getValue();
    }

    @Override
    public void close() {
        bus.shutdown(true);
    }

    private static String sequence(String complexType) {
        return "//*[local-name()='complexType'][@name='" + complexType
                + "']/*[local-name()='sequence']/*[local-name()='element']";
    }

    /** The XML Schema of the namespace, as published in the WSDL. */
    private Schema schema() throws Exception {
        NodeList schemas = wsdl.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "schema");
        for (int i = 0; i < schemas.getLength(); i++) {
            Element s = (Element) schemas.item(i);
            if (namespace.equals(s.getAttribute("targetNamespace"))) {
                return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(new DOMSource(s));
            }
        }
        throw new AssertionError("no schema for " + namespace);
    }
}
