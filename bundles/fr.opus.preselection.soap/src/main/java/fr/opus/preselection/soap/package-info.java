/** The PreselectionService SOAP contract and its endpoint. */
@XmlSchema(namespace = PreselectionPort.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
package fr.opus.preselection.soap;

import javax.xml.bind.annotation.XmlNsForm;
import javax.xml.bind.annotation.XmlSchema;
