/** The ReferralService SOAP contract and its endpoint. */
@XmlSchema(namespace = ReferralPort.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
package fr.opus.contacts.soap;

import javax.xml.bind.annotation.XmlNsForm;
import javax.xml.bind.annotation.XmlSchema;
