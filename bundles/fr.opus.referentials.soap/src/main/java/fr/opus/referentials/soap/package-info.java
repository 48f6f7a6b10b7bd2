/** The ReferentialService SOAP contract and its endpoint. */
@XmlSchema(namespace = ReferentialPort.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
package fr.opus.referentials.soap;

import javax.xml.bind.annotation.XmlNsForm;
import javax.xml.bind.annotation.XmlSchema;
