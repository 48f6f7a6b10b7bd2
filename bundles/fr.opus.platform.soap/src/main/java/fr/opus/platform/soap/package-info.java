/** SOAP plumbing shared by every capability: endpoint publishing under {@code /soap} and the typed fault. */
@Version("1.0.0")
@XmlSchema(namespace = SoapEndpoints.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
package fr.opus.platform.soap;

import javax.xml.bind.annotation.XmlNsForm;
import javax.xml.bind.annotation.XmlSchema;
import org.osgi.annotation.versioning.Version;
