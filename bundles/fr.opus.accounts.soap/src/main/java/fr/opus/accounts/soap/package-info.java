/** The AccountService SOAP contract and its endpoint. */
@XmlSchema(namespace = AccountPort.NAMESPACE, elementFormDefault = XmlNsForm.QUALIFIED)
package fr.opus.accounts.soap;

import javax.xml.bind.annotation.XmlNsForm;
import javax.xml.bind.annotation.XmlSchema;
